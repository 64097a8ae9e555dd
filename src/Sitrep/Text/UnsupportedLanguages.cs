using System.Collections.Frozen;
using Sitrep.Languages;

namespace Sitrep.Text;

/// <summary>
/// Recognises a text written in a language Sitrep has no lexicons for (<c>data/languages/unsupported.tsv</c>):
/// asked only when no supported language fits, it counts each such language's function words among the
/// text's first words, so that the output can say "language 'fr' is not supported" instead of "und" and no
/// events. Built once; thread-safe.
/// </summary>
public sealed class UnsupportedLanguages
{
    private const string ResourceName = "languages/unsupported.tsv";
    private const int WordsRead = 200;
    private const int MinimumHits = 4;
    private const double MinimumDensity = 0.12;
    private const double MinimumLead = 1.5;

    private readonly FrozenDictionary<string, string[]> _owners;

    /// <param name="supportedFunctionWords">Function words of the supported languages: they are no evidence of another.</param>
    public UnsupportedLanguages(IEnumerable<string> supportedFunctionWords)
    {
        var shared = supportedFunctionWords.ToHashSet(StringComparer.Ordinal);
        var owners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var stream = typeof(UnsupportedLanguages).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"missing embedded resource {ResourceName}");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            if (fields.Length != 3) throw new InvalidDataException($"{ResourceName}: expected code, name and words separated by tabs: \"{line}\"");
            Names[fields[0]] = fields[1];
            foreach (var word in fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (shared.Contains(word)) continue;
                if (!owners.TryGetValue(word, out var codes)) owners[word] = codes = [];
                codes.Add(fields[0]);
            }
        }
        _owners = owners.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The English names of the languages recognised, by code.</summary>
    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>The code of the unsupported language the text is clearly in, or null.</summary>
    /// <param name="folded">The folded text (lower case, no diacritics).</param>
    public string? Identify(string folded)
    {
        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = _owners.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = 0;
        var i = 0;
        while (i < folded.Length && words < WordsRead)
        {
            if (!char.IsLetter(folded[i])) { i++; continue; }
            var start = i;
            while (i < folded.Length && char.IsLetter(folded[i])) i++;
            words++;
            if (!lookup.TryGetValue(folded.AsSpan(start, i - start), out var codes)) continue;
            foreach (var code in codes) hits[code] = hits.GetValueOrDefault(code) + 1;
        }
        if (hits.Count == 0) return null;
        var ranked = hits.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        var (best, count) = ranked[0];
        var second = ranked.Count > 1 ? ranked[1].Value : 0;
        return count >= MinimumHits && count >= words * MinimumDensity && count >= second * MinimumLead ? best : null;
    }
}
