using System.Collections.Frozen;
using Sitrep.Text;

namespace Sitrep.Places;

/// <summary>
/// Reads the Romanian common nouns around a capitalised name (data/gazetteer/lexicon/ro-name-heads.tsv)
/// to tell whether a place name found there names the place: closing an institution's name as its
/// jurisdiction ("Consiliul Judetean Arges") or in a street's name ("strada Alba Iulia") it does not; after a
/// geographic noun ("raul Mures") the noun is part of the mention (a person's name: <see cref="PersonCues"/>).
/// Built once and shared; thread-safe.
/// </summary>
internal sealed class PlaceNameContext
{
    // How far back an institution's name may reach from the place it ends with, in tokens.
    private const int LongestName = 9;

    private static readonly Lazy<PlaceNameContext> Loaded = new(() => new PlaceNameContext(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenSet<string> _institutions;
    private readonly FrozenSet<string> _features;
    private readonly FrozenSet<string> _streets;
    private readonly FrozenSet<string> _joiners;
    private readonly FrozenSet<string> _particles;
    private readonly FrozenSet<string> _lists;
    private readonly FrozenSet<string> _homeCountries;

    private PlaceNameContext()
    {
        var sets = new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["institution"] = [], ["feature"] = [], ["street"] = [], ["joiner"] = [], ["particle"] = [], ["list"] = [], ["home-country"] = [],
        };
        foreach (var row in GazetteerResources.Rows("ro-name-heads.tsv"))
        {
            if (!sets.TryGetValue(row[0], out var list)) throw new InvalidDataException($"ro-name-heads.tsv: unknown kind '{row[0]}'");
            list.AddRange(row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        _institutions = sets["institution"].ToFrozenSet(StringComparer.Ordinal);
        _features = sets["feature"].ToFrozenSet(StringComparer.Ordinal);
        _streets = sets["street"].ToFrozenSet(StringComparer.Ordinal);
        _joiners = sets["joiner"].ToFrozenSet(StringComparer.Ordinal);
        _particles = sets["particle"].ToFrozenSet(StringComparer.Ordinal);
        _lists = sets["list"].ToFrozenSet(StringComparer.Ordinal);
        _homeCountries = sets["home-country"].ToFrozenSet(StringComparer.Ordinal);
    }

    public static PlaceNameContext Default => Loaded.Value;

    /// <summary>Whether the folded word joins the last two items of a list ("si", "and").</summary>
    public bool IsListJoiner(ReadOnlySpan<char> folded) => Contains(_lists, folded);

    /// <summary>Whether a Romanian text's places in this state count as in its countries (ISO alpha-3).</summary>
    public bool IsHomeCountry(string iso3) => _homeCountries.Contains(iso3);

    /// <summary>Whether the folded word is the head noun of an institution's name ("Liceul", "Liga").</summary>
    public bool IsInstitution(ReadOnlySpan<char> folded) => Contains(_institutions, folded);

    /// <summary>
    /// Whether the name at <paramref name="first"/> closes an institution's or an event's name that a
    /// capitalised head noun opens: "Consiliul Judetean X", "Inspectoratul Scolar al Judetului X", "Dieceza de X".
    /// Between head and place only capitalised words, joiners ("de", "al", "pentru"), numbers, dots and hyphens
    /// may stand; "din" and "la" are no joiners ("Ministerul Sanatatii din X" is in X), and neither is a quote
    /// that closes a quoted name.
    /// </summary>
    public bool InsideInstitutionName(AnalyzedText text, int first)
    {
        var tokens = text.Tokens;
        var sentence = tokens[first].Sentence;
        for (var j = first - 1; j >= 0 && first - j <= LongestName && tokens[j].Sentence == sentence; j--)
        {
            var token = tokens[j];
            var folded = text.FoldedOf(token);
            if (token.Kind == TokenKind.Word)
            {
                var capitalised = char.IsUpper(text.Normalized[token.Start]);
                if (capitalised && Contains(_institutions, folded)) return true;
                if (capitalised || Contains(_joiners, folded)) continue;
                return false;
            }
            if (token.Kind == TokenKind.Number) continue;
            if (token.Length != 1) return false;
            var c = text.Normalized[token.Start];
            if (c is '.' or '-' or '&') continue;
            // A quote right before the place opens a name that starts with it; one further back closes the
            // name ('Liceul "X" din Y'), after which the place says where the institution is.
            if (j == first - 1 && c is '"' or '\u201E' or '\u201D' or '\u201C' or '\u00AB' or '\u00BB') continue;
            return false;
        }
        return false;
    }

    /// <summary>Whether a street word stands just before the name ("strada X", "str. X", "Bd. X").</summary>
    public bool AfterStreetWord(AnalyzedText text, int first) => WordBefore(text, first, out var at) && Contains(_streets, text.FoldedOf(text.Tokens[at]));

    /// <summary>
    /// How many tokens before the name belong to its mention: a geographic noun ("raul", "Muntii"), with a
    /// "de" after it ("Canalul de X"); 0 when there is none.
    /// </summary>
    public int FeatureLead(AnalyzedText text, int first)
    {
        var tokens = text.Tokens;
        if (!WordBefore(text, first, out var at)) return 0;
        if (Contains(_features, text.FoldedOf(tokens[at]))) return first - at;
        if (at >= 1 && text.FoldedOf(tokens[at]).SequenceEqual("de") && tokens[at - 1].Sentence == tokens[first].Sentence
            && tokens[at - 1].Kind == TokenKind.Word && Contains(_features, text.FoldedOf(tokens[at - 1])))
        {
            return first - at + 1;
        }
        return 0;
    }

    /// <summary>
    /// Whether a particle joins the name to a capitalised word before it ("Ducele de X", "Y de Jos"): the
    /// longer name is meant, not the place alone.
    /// </summary>
    public bool AfterNameParticle(AnalyzedText text, int first)
    {
        var tokens = text.Tokens;
        if (first < 2) return false;
        var particle = tokens[first - 1];
        var word = tokens[first - 2];
        if (particle.Sentence != tokens[first].Sentence || word.Sentence != particle.Sentence) return false;
        if (particle.Kind != TokenKind.Word || !Contains(_particles, text.FoldedOf(particle))) return false;
        return word.Kind == TokenKind.Word && char.IsUpper(text.Normalized[word.Start]) && !Contains(_particles, text.FoldedOf(word))
            && !Contains(_joiners, text.FoldedOf(word)) && !Contains(_features, text.FoldedOf(word));
    }

    // The word before the name, past the dot of an abbreviation ("str. X").
    private static bool WordBefore(AnalyzedText text, int first, out int at)
    {
        var tokens = text.Tokens;
        at = first - 1;
        if (at >= 1 && tokens[at].Length == 1 && text.Normalized[tokens[at].Start] == '.' && tokens[at - 1].End == tokens[at].Start) at--;
        return at >= 0 && tokens[at].Sentence == tokens[first].Sentence && tokens[at].Kind == TokenKind.Word;
    }

    private static bool Contains(FrozenSet<string> set, ReadOnlySpan<char> folded) => set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded);
}
