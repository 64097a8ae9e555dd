namespace Sitrep.Tests.Support;

/// <summary>
/// Finds ../shared (the seed article and development data) beside the repository. Tests that need it
/// fail loudly in CI, where it is always present, and are skipped nowhere: absent data is an error.
/// </summary>
public static class SharedData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Root => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static bool IsPresent => Directory.Exists(Root);

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sitrep.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Sitrep.slnx not found above the test binaries.");
    }
}
