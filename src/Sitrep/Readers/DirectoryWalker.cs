namespace Sitrep.Readers;

/// <summary>
/// Lists the files under a directory in a stable order (ordinal, by path relative to the directory), without
/// hidden files and folders (".git", ".DS_Store") and without following links to folders, which could loop.
/// Only paths are held, never contents.
/// </summary>
internal static class DirectoryWalker
{
    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.None,
        ReturnSpecialDirectories = false,
    };

    /// <returns>Each file's path (the directory as given, joined with the file), its relative name with '/', and its length.</returns>
    public static IEnumerable<(string Path, string Relative, long Length)> Files(string root)
    {
        var files = new List<(string Path, string Relative, long Length)>();
        var pending = new Stack<(string Directory, string Prefix)>();
        pending.Push((root, string.Empty));
        while (pending.Count > 0)
        {
            var (directory, prefix) = pending.Pop();
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", Options))
            {
                if (entry.Name.StartsWith('.')) continue;
                var relative = prefix + entry.Name;
                if (entry is DirectoryInfo folder)
                {
                    if (folder.LinkTarget is null) pending.Push((Path.Combine(directory, entry.Name), relative + "/"));
                }
                else if (entry is FileInfo file)
                {
                    files.Add((Path.Combine(directory, entry.Name), relative, file.Length));
                }
            }
        }
        files.Sort(static (a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return files;
    }
}
