using System.Collections.Concurrent;
using Sitrep.Languages;

namespace Sitrep.Extraction.Frames;

/// <summary>
/// A language's past participles (<c>participles.txt</c>): endings ("-ed", "-ati") and irregular whole words
/// ("shot", "seized"). Read once per language; thread-safe.
/// </summary>
internal sealed class ParticipleForms
{
    public const string FileName = "participles.txt";

    private static readonly ConcurrentDictionary<string, ParticipleForms> ByLanguage = new(StringComparer.Ordinal);

    private readonly string[] _endings;
    private readonly HashSet<string> _words;

    private ParticipleForms(IReadOnlyList<string> lines)
    {
        _endings = [.. lines.Where(l => l.Length > 1 && l[0] == '-').Select(l => l[1..])];
        _words = new HashSet<string>(lines.Where(l => l[0] != '-'), StringComparer.Ordinal);
    }

    public static ParticipleForms For(string language) =>
        ByLanguage.GetOrAdd(language, static l => new ParticipleForms(LanguageResources.Lines(l, FileName)));

    /// <summary>Whether a folded word or phrase is a participle.</summary>
    public bool Matches(ReadOnlySpan<char> folded)
    {
        if (_words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded)) return true;
        foreach (var ending in _endings)
        {
            // The ending must leave a stem: "-ed" makes "arrested" a participle, not "red" or "bed".
            if (folded.Length > ending.Length + 2 && folded.EndsWith(ending, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
