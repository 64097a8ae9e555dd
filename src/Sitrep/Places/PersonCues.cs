using System.Collections.Frozen;
using Sitrep.Extraction.Frames;
using Sitrep.Text;

namespace Sitrep.Places;

/// <summary>
/// What says a capitalised name is a person's rather than a place's (data/gazetteer/lexicon/person-names.tsv and
/// person-cues.tsv): a first name or a title before it ("Mark X", "premierul X", "President X"), a verb of saying
/// beside it ("X said", "a declarat X"), or the name itself being a common first name or surname. News names its
/// politicians far more often than the villages abroad that share their names. Built once and shared; thread-safe.
/// </summary>
internal sealed class PersonCues
{
    private static readonly Lazy<PersonCues> Loaded = new(() => new PersonCues(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenSet<string> _givenNames;
    private readonly FrozenSet<string> _surnames;
    private readonly List<string[]> _titles = [];
    private readonly List<string[]> _speechAfter = [];
    private readonly List<string[]> _speechBefore = [];
    private readonly FrozenSet<string> _weakLocatives;
    private readonly List<string[]> _agentBefore = [];

    private PersonCues()
    {
        var given = new List<string>();
        var surnames = new List<string>();
        foreach (var row in GazetteerResources.Rows("person-names.tsv"))
        {
            var words = row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (row[0])
            {
                case "given-name": given.AddRange(words); break;
                case "surname": surnames.AddRange(words); break;
                default: throw new InvalidDataException($"person-names.tsv: unknown kind '{row[0]}'");
            }
        }
        var weak = new List<string>();
        foreach (var row in GazetteerResources.Rows("person-cues.tsv"))
        {
            var words = row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (row[0])
            {
                case "title": _titles.Add(words); break;
                case "speech-after": _speechAfter.Add(words); break;
                case "speech-before": _speechBefore.Add(words); break;
                case "weak-locative": weak.Add(row[1]); break;
                case "agent-before": _agentBefore.Add(words); break;
                default: throw new InvalidDataException($"person-cues.tsv: unknown kind '{row[0]}'");
            }
        }
        _givenNames = given.ToFrozenSet(StringComparer.Ordinal);
        _surnames = surnames.ToFrozenSet(StringComparer.Ordinal);
        _weakLocatives = weak.ToFrozenSet(StringComparer.Ordinal);
    }

    public static PersonCues Default => Loaded.Value;

    /// <summary>Whether the folded word is a common first name.</summary>
    public bool IsGivenName(ReadOnlySpan<char> folded) => Contains(_givenNames, folded);

    /// <summary>Whether the folded word is a common first name or surname: alone, such a place needs a place cue.</summary>
    public bool IsPersonName(ReadOnlySpan<char> folded) => Contains(_givenNames, folded) || Contains(_surnames, folded);

    /// <summary>Whether a title ("President", "premierul", "lui") or a capitalised first name ("Mark") stands just before token <paramref name="first"/>.</summary>
    public bool AfterTitleOrGivenName(AnalyzedText text, int first)
    {
        if (first < 1) return false;
        var before = text.Tokens[first - 1];
        if (before.Sentence != text.Tokens[first].Sentence || before.Kind != TokenKind.Word) return false;
        if (char.IsUpper(text.Normalized[before.Start]) && IsGivenName(text.FoldedOf(before))) return true;
        return EndsWithAny(text, first, _titles);
    }

    /// <summary>Whether a name of several words starts with a first name ("Ion Creanga", "Mihai Viteazu").</summary>
    public bool StartsWithGivenName(AnalyzedText text, int first, int count) =>
        count > 1 && text.Tokens[first].Kind == TokenKind.Word && IsGivenName(text.FoldedOf(text.Tokens[first]));

    /// <summary>Whether a verb of saying stands right before the name or right after it ("a declarat X", "X said").</summary>
    public bool BesideSpeech(AnalyzedText text, int first, int end) => EndsWithAny(text, first, _speechBefore) || StartsWithAny(text, end, _speechAfter);

    /// <summary>Whether the word before the name is a preposition that also marks an agent or an owner ("de X", "of X").</summary>
    public bool AfterWeakLocative(AnalyzedText text, int first) =>
        first >= 1 && text.Tokens[first - 1].Kind == TokenKind.Word && Contains(_weakLocatives, text.FoldedOf(text.Tokens[first - 1]));

    /// <summary>
    /// Whether the name is the agent of a passive or a companion: a weak preposition after a participle ("condusa de
    /// X", "exprimat de X") or an agent phrase ("alaturi de X", "de catre X"). Romanian only: there "de" alone before a
    /// place is rarely locative.
    /// </summary>
    public bool AfterAgentCue(AnalyzedText text, int first)
    {
        if (EndsWithAny(text, first, _agentBefore)) return true;
        if (!SpanKeys.AllowsRomanianEndings(text) || !AfterWeakLocative(text, first) || first < 2) return false;
        var before = text.Tokens[first - 2];
        return before.Kind == TokenKind.Word && before.Sentence == text.Tokens[first].Sentence && ParticipleForms.For("ro").Matches(text.FoldedOf(before));
    }

    private static bool EndsWithAny(AnalyzedText text, int first, List<string[]> phrases)
    {
        var tokens = text.Tokens;
        foreach (var words in phrases)
        {
            var start = first - words.Length;
            if (start < 0) continue;
            var match = true;
            for (var k = 0; k < words.Length && match; k++)
            {
                var token = tokens[start + k];
                match = token.Sentence == tokens[first].Sentence && text.FoldedOf(token).SequenceEqual(words[k]);
            }
            if (match) return true;
        }
        return false;
    }

    private static bool StartsWithAny(AnalyzedText text, int next, List<string[]> phrases)
    {
        var tokens = text.Tokens;
        if (next >= tokens.Length) return false;
        foreach (var words in phrases)
        {
            if (next + words.Length > tokens.Length) continue;
            var match = true;
            for (var k = 0; k < words.Length && match; k++)
            {
                var token = tokens[next + k];
                match = token.Sentence == tokens[next - 1].Sentence && text.FoldedOf(token).SequenceEqual(words[k]);
            }
            if (match) return true;
        }
        return false;
    }

    private static bool Contains(FrozenSet<string> set, ReadOnlySpan<char> folded) => set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded);
}
