namespace Sitrep.Web;

/// <summary>
/// The bundled demo corpus (data/samples: invented articles, marked as such in every document),
/// embedded in this assembly so that <c>sitrep demo</c> runs from any folder.
/// </summary>
public static class SampleCorpus
{
    private const string Prefix = "samples/";

    /// <summary>Names of the bundled files, e.g. "sample-en.jsonl".</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. typeof(SampleCorpus).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && !n.EndsWith(".md", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Order(StringComparer.Ordinal)];

    /// <summary>Writes the bundled files into a folder (so the ordinary readers read them) and returns their paths.</summary>
    public static IReadOnlyList<string> WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var name in Names)
        {
            var path = Path.Combine(directory, name);
            using var resource = typeof(SampleCorpus).Assembly.GetManifestResourceStream(Prefix + name)!;
            using var file = File.Create(path);
            resource.CopyTo(file);
            paths.Add(path);
        }
        return paths;
    }
}
