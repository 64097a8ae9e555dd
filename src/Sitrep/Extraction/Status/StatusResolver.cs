using System.Collections.Immutable;
using Sitrep.Extraction.Dates;
using Sitrep.Extraction.Lexicons;

namespace Sitrep.Extraction.Status;

/// <summary>
/// Says whether what a word reports is current, historical, future, hypothetical or negated, from the cues
/// around it: historical markers over their scope (their clause, or the whole sentence for lasting-state and
/// period markers), years before publication in the same clause (not those after "since"), modal and future
/// words and negation shortly before it in the same clause. Thread-safe.
/// </summary>
internal sealed class StatusResolver
{
    private const int ModalReach = 6;
    private const int NegationReach = 3;

    private readonly DocumentScan _scan;
    // Years by sentence: a word's status looks at its own sentence's years only, and a long text has many.
    private readonly ILookup<int, YearMention> _years;

    public StatusResolver(DocumentScan scan, ImmutableArray<YearMention> years)
    {
        _scan = scan;
        _years = years.ToLookup(y => scan.Tokens[y.Token].Sentence);
    }

    /// <param name="token">The word whose status is asked (a trigger, an outcome).</param>
    /// <param name="checkNegation">Whether a negation before it negates it (events yes; figures decide themselves).</param>
    public string StatusAt(int token, bool checkNegation = true)
    {
        if (IsHistorical(token)) return EventStatus.Historical;
        var sentence = _scan.Tokens[token].Sentence;
        var clause = _scan.ClauseOf[token];
        foreach (var match in _scan.In(LexiconKind.Modality, sentence))
        {
            // "threatened to" around the word "threatened" itself is the statement, not a modality of it.
            if (match.EndToken > token || token - match.EndToken > ModalReach || _scan.ClauseOf[match.FirstToken] != clause) continue;
            switch (match.Entry.Field(0))
            {
                case "hypothetical": return EventStatus.Hypothetical;
                case "future":
                case "threat": return EventStatus.Future;
            }
        }
        if (checkNegation && IsNegated(token)) return EventStatus.Negated;
        return EventStatus.Current;
    }

    public bool IsNegated(int token)
    {
        var sentence = _scan.Tokens[token].Sentence;
        foreach (var match in _scan.In(LexiconKind.Negation, sentence))
        {
            if (!string.Equals(match.Entry.Field(0), "negation", StringComparison.Ordinal)) continue;
            if (match.FirstToken < token && token - match.EndToken <= NegationReach && _scan.ClauseOf[match.FirstToken] == _scan.ClauseOf[token]) return true;
        }
        return false;
    }

    public bool IsHistorical(int token)
    {
        var sentence = _scan.Tokens[token].Sentence;
        var clause = _scan.ClauseOf[token];
        foreach (var match in _scan.In(LexiconKind.Historical, sentence))
        {
            var kind = match.Entry.Field(0);
            if (string.Equals(kind, "since", StringComparison.Ordinal)) continue;
            var sentenceScope = string.Equals(match.Entry.Field(1), "sentence", StringComparison.Ordinal);
            if (sentenceScope || _scan.ClauseOf[match.FirstToken] == clause) return true;
        }
        if (_scan.Published is { } published)
        {
            foreach (var year in _years[sentence])
            {
                if (year.IsComparison || year.Year >= published.Year) continue;
                // "In 1994, militias attacked": a year that opens the sentence dates all of it.
                if (_scan.ClauseOf[year.Token] == clause || year.Token < token) return true;
            }
        }
        return false;
    }
}
