using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Documents;
using Sitrep.Extraction.Lexicons;
using Sitrep.Extraction.Matching;
using Sitrep.Output;
using Sitrep.Places;
using Sitrep.Text;

namespace Sitrep.Extraction;

/// <summary>
/// Everything the frame builders read about one document: the analysed text, its lexicon matches bucketed
/// by kind and sentence, places and actors, clause numbers and quotation regions per token. Built once per
/// document and never changed afterwards.
/// </summary>
internal sealed class DocumentScan
{
    private readonly List<LexiconMatch>[][] _bySentence;
    private readonly int[] _placeStarts;
    private readonly int[] _actorStarts;

    public DocumentScan(AnalyzedText text, PartialDate? published, ImmutableArray<LexiconMatch> matches, ImmutableArray<PlaceMention> places, ImmutableArray<ActorMention> actors)
    {
        Text = text;
        Published = published;
        Matches = matches;
        Places = [.. places.OrderBy(p => p.FirstToken)];
        Actors = [.. actors.OrderBy(a => a.FirstToken)];
        _placeStarts = [.. Places.Select(p => p.FirstToken)];
        _actorStarts = [.. Actors.Select(a => a.FirstToken)];
        var kinds = Enum.GetValues<LexiconKind>().Length;
        _bySentence = new List<LexiconMatch>[kinds][];
        for (var k = 0; k < kinds; k++)
        {
            _bySentence[k] = new List<LexiconMatch>[text.Sentences.Length];
            for (var s = 0; s < text.Sentences.Length; s++) _bySentence[k][s] = [];
        }
        foreach (var match in matches) _bySentence[(int)match.Kind][match.Sentence].Add(match);
        ClauseOf = BuildClauses(text, this, commas: true);
        PhraseOf = BuildClauses(text, this, commas: false);
        QuoteOf = BuildQuotes(text);
        GivesCrowdSize = matches.Any(m => m.Kind == LexiconKind.Refiners && string.Equals(m.Entry.Field(0), "crowd-size", StringComparison.Ordinal));
    }

    public AnalyzedText Text { get; }

    public PartialDate? Published { get; }

    public ImmutableArray<LexiconMatch> Matches { get; }

    public ImmutableArray<PlaceMention> Places { get; }

    public ImmutableArray<ActorMention> Actors { get; }

    /// <summary>ISO alpha-3 of the publishing outlet's home country, when the outlet is known and national.</summary>
    public string? OutletCountry { get; init; }

    /// <summary>Clause number of each token (document-wide, increasing).</summary>
    public int[] ClauseOf { get; }

    /// <summary>Like <see cref="ClauseOf"/> but commas do not break: "The UN, Russia and France called for" is one phrase.</summary>
    public int[] PhraseOf { get; }

    /// <summary>
    /// The text gives the size of a crowd (ACLED's size tag, "[size=dozens]"): a crowd gathered, and what it did
    /// was physical.
    /// </summary>
    public bool GivesCrowdSize { get; }

    /// <summary>Quotation number of each token, or -1 outside quotes.</summary>
    public int[] QuoteOf { get; }

    public ImmutableArray<Token> Tokens => Text.Tokens;

    public int SentenceCount => Text.Sentences.Length;

    public List<LexiconMatch> In(LexiconKind kind, int sentence) => _bySentence[(int)kind][sentence];

    public ReadOnlySpan<char> Folded(int token)
    {
        var t = Text.Tokens[token];
        return Text.Folded.AsSpan(t.Start, t.Length);
    }

    public bool IsWord(int token) => token >= 0 && token < Text.Tokens.Length && Text.Tokens[token].Kind == TokenKind.Word;

    public bool IsPunctuation(int token, char c) =>
        token >= 0 && token < Text.Tokens.Length && Text.Tokens[token].Length == 1 && Text.Normalized[Text.Tokens[token].Start] == c;

    /// <summary>An original-text span for a normalized range.</summary>
    public Span ToSpan(int start, int end)
    {
        var (s, e) = Text.ToOriginal(start, end);
        return new Span(s, e);
    }

    /// <summary>An original-text span for tokens [first, endToken).</summary>
    public Span TokenSpan(int first, int endToken) => ToSpan(Text.Tokens[first].Start, Text.Tokens[Math.Max(first, endToken - 1)].End);

    public string OriginalText(Span span) => Text.Original[span.Start..span.End];

    public Span SentenceSpan(int sentence)
    {
        var s = Text.Sentences[sentence];
        return ToSpan(s.Start, s.End);
    }

    /// <summary>Actors starting in tokens [firstToken, endToken), in text order (a binary search: long texts have many).</summary>
    public IEnumerable<ActorMention> ActorsIn(int firstToken, int endToken)
    {
        for (var i = LowerBound(_actorStarts, firstToken); i < _actorStarts.Length && _actorStarts[i] < endToken; i++) yield return Actors[i];
    }

    /// <summary>Places starting in tokens [firstToken, endToken), in text order.</summary>
    public IEnumerable<PlaceMention> PlacesIn(int firstToken, int endToken)
    {
        for (var i = LowerBound(_placeStarts, firstToken); i < _placeStarts.Length && _placeStarts[i] < endToken; i++) yield return Places[i];
    }

    /// <summary>The last actor before a token that satisfies a condition, looking back at most a bounded number of mentions.</summary>
    public ActorMention? LastActorBefore(int token, Func<ActorMention, bool> accept)
    {
        for (var i = LowerBound(_actorStarts, token) - 1; i >= 0; i--)
        {
            if (accept(Actors[i])) return Actors[i];
        }
        return null;
    }

    private static int LowerBound(int[] starts, int value)
    {
        var index = Array.BinarySearch(starts, value);
        if (index < 0) return ~index;
        while (index > 0 && starts[index - 1] == value) index--;
        return index;
    }

    /// <summary>Punctuation and clause-opening words ("which", "but", "insa") start a new clause.</summary>
    private static int[] BuildClauses(AnalyzedText text, DocumentScan scan, bool commas)
    {
        var clauses = new int[text.Tokens.Length];
        var breaks = new bool[text.Tokens.Length];
        for (var s = 0; s < text.Sentences.Length; s++)
        {
            foreach (var match in scan.In(LexiconKind.ClauseBreaks, s))
            {
                if (!string.Equals(match.Entry.Field(0), "coordination", StringComparison.Ordinal)) breaks[match.FirstToken] = true;
            }
        }
        var clause = 0;
        var sentence = 0;
        for (var i = 0; i < text.Tokens.Length; i++)
        {
            var token = text.Tokens[i];
            if (token.Sentence != sentence) { sentence = token.Sentence; clause++; }
            if (breaks[i]) clause++;
            else if (token.Kind == TokenKind.Punctuation && (text.Normalized[token.Start] is ';' or ':' or '(' or ')' or '"' || (commas && text.Normalized[token.Start] == ','))) clause++;
            clauses[i] = clause;
        }
        return clauses;
    }

    private static int[] BuildQuotes(AnalyzedText text)
    {
        var quotes = new int[text.Tokens.Length];
        var current = -1;
        var count = 0;
        for (var i = 0; i < text.Tokens.Length; i++)
        {
            var token = text.Tokens[i];
            if (token.Length == 1 && text.Normalized[token.Start] == '"')
            {
                if (current < 0) { current = count++; quotes[i] = current; continue; }
                quotes[i] = current;
                current = -1;
                continue;
            }
            quotes[i] = current;
        }
        return quotes;
    }
}
