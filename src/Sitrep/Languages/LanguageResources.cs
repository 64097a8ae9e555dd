using System.Collections.Concurrent;
using System.Reflection;

namespace Sitrep.Languages;

/// <summary>
/// Reads the per-language data files embedded from <c>data/lexicons/{lang}/</c>. Lines starting with
/// '#' and blank lines are comments. Files are read once and cached; thread-safe.
/// </summary>
public static class LanguageResources
{
    private static readonly Assembly Assembly = typeof(LanguageResources).Assembly;
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> Cache = new(StringComparer.Ordinal);

    /// <summary>The languages that have a data folder.</summary>
    public static IReadOnlyList<string> Languages { get; } = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("lexicons/", StringComparison.Ordinal))
        .Select(n => n.Split('/')[1])
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static bool Exists(string language, string file) =>
        Assembly.GetManifestResourceInfo(ResourceName(language, file)) is not null;

    /// <summary>The data lines of a file (comments and blanks removed), or an empty list when the language lacks it.</summary>
    public static IReadOnlyList<string> Lines(string language, string file) =>
        Cache.GetOrAdd(ResourceName(language, file), static name =>
        {
            using var stream = Assembly.GetManifestResourceStream(name);
            if (stream is null) return [];
            using var reader = new StreamReader(stream);
            var lines = new List<string>();
            while (reader.ReadLine() is { } line)
            {
                var trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#') continue;
                lines.Add(trimmed);
            }
            return lines;
        });

    private static string ResourceName(string language, string file) => $"lexicons/{language}/{file}";
}
