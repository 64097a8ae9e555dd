using System.Collections.Concurrent;

namespace Sitrep.Places;

/// <summary>
/// Reads the place and actor lexicons embedded from data/gazetteer/lexicon/ (tab-separated, '#' comments).
/// Cached; thread-safe.
/// </summary>
internal static class GazetteerResources
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string[]>> Cache = new(StringComparer.Ordinal);

    /// <summary>Data rows of a lexicon file, split on tabs, comments and blank lines removed.</summary>
    public static IReadOnlyList<string[]> Rows(string file) => Cache.GetOrAdd(file, static name =>
    {
        using var stream = typeof(GazetteerResources).Assembly.GetManifestResourceStream("gazetteer/" + name)
            ?? throw new InvalidOperationException($"The engine was built without the lexicon 'gazetteer/{name}'.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#' || line.Trim().Length == 0) continue;
            rows.Add(line.Split('\t', StringSplitOptions.TrimEntries));
        }
        return rows;
    });
}
