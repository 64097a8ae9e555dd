using System.Collections.Frozen;
using Sitrep.Text;

namespace Sitrep.Places;

/// <summary>
/// The words around toponyms (data/gazetteer/lexicon/place-cues.tsv), the stop list of common words that
/// are also places, and the Romanian case endings. All folded; built once.
/// </summary>
internal sealed class PlaceCues
{
    private readonly FrozenSet<string> _stopwords;
    private readonly List<string[]> _locative = [];
    private readonly List<string[]> _areaBefore = [];
    private readonly FrozenSet<string> _areaAfter;
    private readonly List<string[]> _adminBefore = [];
    private readonly FrozenSet<string> _adminAfter;
    private readonly List<string[]> _partOf = [];
    private readonly FrozenSet<string> _notPlace;
    private readonly FrozenSet<string> _particles;
    private readonly FrozenSet<string> _notPlaceAfter;
    private readonly FrozenSet<string> _notPlaceBefore;
    private readonly FrozenSet<string> _generic;
    private readonly FrozenDictionary<string, string[]> _articles;
    private readonly string[] _genitives;

    public PlaceCues()
    {
        _stopwords = GazetteerResources.Rows("place-stopwords.txt").Select(r => r[0]).ToFrozenSet(StringComparer.Ordinal);
        var after = new List<string>();
        var adminAfter = new List<string>();
        var notPlace = new List<string>();
        var particles = new List<string>();
        var notPlaceAfter = new List<string>();
        var notPlaceBefore = new List<string>();
        var generic = new List<string>();
        var articles = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var row in GazetteerResources.Rows("place-cues.tsv"))
        {
            var words = row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (row[0])
            {
                case "locative": _locative.Add(words); break;
                case "area-before":
                    _areaBefore.Add(words);
                    if (row.Length > 2 && row[2] == "admin") _adminBefore.Add(words);
                    break;
                case "area-after":
                    after.Add(row[1]);
                    if (row.Length > 2 && row[2] == "admin") adminAfter.Add(row[1]);
                    break;
                case "part-of": _partOf.Add(words); break;
                case "not-place": notPlace.Add(row[1]); break;
                case "name-particle": particles.Add(row[1]); break;
                case "not-place-after": notPlaceAfter.Add(row[1]); break;
                case "not-place-before": notPlaceBefore.Add(row[1]); break;
                case "generic": generic.Add(row[1]); break;
                case "article": articles[row[1]] = row.Length > 2 ? row[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : []; break;
                default: throw new InvalidDataException($"place-cues.tsv: unknown kind '{row[0]}'");
            }
        }
        _areaAfter = after.ToFrozenSet(StringComparer.Ordinal);
        _adminAfter = adminAfter.ToFrozenSet(StringComparer.Ordinal);
        _notPlace = notPlace.ToFrozenSet(StringComparer.Ordinal);
        _particles = particles.ToFrozenSet(StringComparer.Ordinal);
        _notPlaceAfter = notPlaceAfter.ToFrozenSet(StringComparer.Ordinal);
        _notPlaceBefore = notPlaceBefore.ToFrozenSet(StringComparer.Ordinal);
        _generic = generic.ToFrozenSet(StringComparer.Ordinal);
        _articles = articles.ToFrozenDictionary(StringComparer.Ordinal);
        _genitives = [.. GazetteerResources.Rows("ro-suffixes.tsv").Where(r => r.Length > 2 && r[2] == "genitive").Select(r => r[0])];
        Suffixes = GazetteerResources.Rows("ro-suffixes.tsv")
            .Select(r => (r[0], r[1] == "-" ? string.Empty : r[1]))
            .OrderByDescending(s => s.Item1.Length)
            .ToArray();
    }

    /// <summary>Whether a word is a Romanian case ending written after a hyphen ("Tokyo-ului", "Kiev-ul").</summary>
    public bool IsEnding(ReadOnlySpan<char> folded)
    {
        foreach (var (ending, _) in Suffixes)
        {
            if (folded.SequenceEqual(ending)) return true;
        }
        return false;
    }

    /// <summary>Whether a folded Romanian word ends in a genitive-dative ending ("Craiovei", "Galatiului") and is longer than it.</summary>
    public bool HasGenitiveEnding(ReadOnlySpan<char> folded)
    {
        foreach (var ending in _genitives)
        {
            if (folded.Length > ending.Length + 2 && folded.EndsWith(ending, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>Romanian endings and their replacements, longest first.</summary>
    public (string Ending, string Replacement)[] Suffixes { get; }

    public bool IsStopword(ReadOnlySpan<char> key) => _stopwords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key);

    /// <summary>
    /// A name that many countries give an area of theirs ("Central", "Northern", "North-East"): it names a place
    /// only in a country the text is about.
    /// </summary>
    public bool IsGeneric(ReadOnlySpan<char> key) => _generic.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key);

    /// <summary>A word that is never a place (a month, a weekday).</summary>
    public bool IsNotPlace(ReadOnlySpan<char> key) => _notPlace.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key);

    /// <summary>Whether the token at <paramref name="next"/> makes the name before it something else ("US dollar").</summary>
    public bool HasNotPlaceAfter(AnalyzedText text, int next) =>
        next < text.Tokens.Length && text.Tokens[next].Kind == TokenKind.Word
        && _notPlaceAfter.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.FoldedOf(text.Tokens[next]));

    /// <summary>Whether the token before <paramref name="first"/> makes the name after it something else ("cocteil Molotov").</summary>
    public bool HasNotPlaceBefore(AnalyzedText text, int first) =>
        first > 0 && text.Tokens[first - 1].Kind == TokenKind.Word && text.Tokens[first - 1].Sentence == text.Tokens[first].Sentence
        && _notPlaceBefore.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.FoldedOf(text.Tokens[first - 1]));

    /// <summary>
    /// Whether the word before token <paramref name="first"/> is the Arabic article written apart ("in el Hermel",
    /// "east of Ar Rutba"): the name after it is the place, and what stands before the article speaks for it. A form
    /// that is also a word of the text's language ("as", "at" in English, "al", "el" in Romanian) counts only
    /// capitalised inside a sentence.
    /// </summary>
    public bool HasArticleBefore(AnalyzedText text, int first)
    {
        var tokens = text.Tokens;
        if (first < 2 || tokens[first - 1].Kind != TokenKind.Word || tokens[first - 1].Sentence != tokens[first].Sentence) return false;
        if (!char.IsUpper(text.Normalized[tokens[first].Start])) return false;
        if (!_articles.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text.FoldedOf(tokens[first - 1]), out var wordIn)) return false;
        var alsoAWord = Array.Exists(wordIn, l => l == "*" || l == text.Language);
        return !alsoAWord || (char.IsUpper(text.Normalized[tokens[first - 1].Start]) && tokens[first - 2].Sentence == tokens[first].Sentence);
    }

    /// <summary>A lower-case word inside longer proper names ("de", "al").</summary>
    public bool IsParticle(ReadOnlySpan<char> folded) => _particles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded);

    /// <summary>Whether the words just before token <paramref name="first"/> are a locative preposition.</summary>
    public bool HasLocativeBefore(AnalyzedText text, int first) => EndsWithAny(text, first, _locative);

    public bool HasAreaBefore(AnalyzedText text, int first) => EndsWithAny(text, first, _areaBefore);

    /// <summary>Tokens of the longest administrative word just before <paramref name="first"/> ("regiunea", "district of"), or 0.</summary>
    public int AreaBeforeLength(AnalyzedText text, int first)
    {
        var longest = 0;
        foreach (var words in _areaBefore)
        {
            if (words.Length > longest && EndsWith(text, first, words)) longest = words.Length;
        }
        return longest;
    }

    /// <summary>Whether an administrative-unit word stands just before <paramref name="first"/> or at <paramref name="next"/>.</summary>
    public bool HasAdminCue(AnalyzedText text, int first, int next) =>
        EndsWithAny(text, first, _adminBefore)
        || (next < text.Tokens.Length && text.Tokens[next].Kind == TokenKind.Word
            && _adminAfter.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.FoldedOf(text.Tokens[next])));

    /// <summary>Whether the token at <paramref name="next"/> is an administrative word ("district", "province").</summary>
    public bool HasAreaAfter(AnalyzedText text, int next)
    {
        if (next >= text.Tokens.Length || text.Tokens[next].Kind != TokenKind.Word) return false;
        return _areaAfter.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.FoldedOf(text.Tokens[next]));
    }

    /// <summary>
    /// The token index after a "part of" link starting at <paramref name="next"/> ("in", "of", "area of",
    /// ",", "("), or -1 when there is none.
    /// </summary>
    public int PartOfLink(AnalyzedText text, int next)
    {
        var tokens = text.Tokens;
        if (next >= tokens.Length) return -1;
        var first = text.FoldedOf(tokens[next]);
        if (first is "," or "(") return next + 1;
        var best = -1;
        foreach (var words in _partOf)
        {
            if (next + words.Length > tokens.Length) continue;
            var match = true;
            for (var k = 0; k < words.Length && match; k++)
            {
                match = text.FoldedOf(tokens[next + k]).SequenceEqual(words[k]) && tokens[next + k].Sentence == tokens[next].Sentence;
            }
            if (match) best = Math.Max(best, next + words.Length);
        }
        return best;
    }

    private static bool EndsWithAny(AnalyzedText text, int first, List<string[]> phrases)
    {
        foreach (var words in phrases)
        {
            if (EndsWith(text, first, words)) return true;
        }
        return false;
    }

    private static bool EndsWith(AnalyzedText text, int first, string[] words)
    {
        var tokens = text.Tokens;
        var start = first - words.Length;
        if (start < 0) return false;
        for (var k = 0; k < words.Length; k++)
        {
            var token = tokens[start + k];
            if (token.Sentence != tokens[first].Sentence || !text.FoldedOf(token).SequenceEqual(words[k])) return false;
        }
        return true;
    }
}
