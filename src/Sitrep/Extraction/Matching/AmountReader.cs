using System.Collections.Immutable;
using Sitrep.Extraction.Lexicons;
using Sitrep.Output;
using Sitrep.Text;

namespace Sitrep.Extraction.Matching;

/// <summary>
/// Reads amounts: numbers (digits or words, from the text chain) with the modifier before them, and vague
/// amount words with the contract's bounds. Numbers that belong to dates are left out. Thread-safe.
/// </summary>
internal static class AmountReader
{
    public static ImmutableArray<CountMention> Read(DocumentScan scan, ISet<int> dateTokens)
    {
        var text = scan.Text;
        var counts = ImmutableArray.CreateBuilder<CountMention>();
        foreach (var number in text.Numbers)
        {
            if (dateTokens.Contains(number.FirstToken)) continue;
            if (number.Value != decimal.Truncate(number.Value) || number.Value < 0 || number.Value > 100_000_000) continue;
            // "'90", "anii '90": an apostrophe glued before the digits makes a decade, not a count.
            if (number.FirstToken > 0 && text.Tokens[number.FirstToken - 1].End == number.Start && text.Normalized[number.Start - 1] == '\'') continue;
            if (IsOrdinalOrMeasure(scan, number) || IsScore(scan, number)) continue;
            var value = (long)number.Value;
            var first = number.FirstToken;
            var modifier = FindModifier(scan, number.FirstToken, out var modifierFirst);
            if (modifier is not null) first = modifierFirst;
            var start = text.Tokens[first].Start;
            var end = number.End;
            var surface = scan.OriginalText(scan.ToSpan(start, end));
            var count = Build(modifier?.Field(0), value, surface);
            var subset = IsSubset(modifier?.Field(0)) || SubsetFollows(scan, number.FirstToken + number.TokenCount);
            counts.Add(new CountMention(first, number.FirstToken + number.TokenCount, start, end, count, value, Vague: false, subset, TollChangeLeads(scan, first)));
        }

        var numberTokens = NumberTokens(text);
        foreach (var match in scan.Matches)
        {
            if (match.Kind != LexiconKind.Amounts) continue;
            // "twenty-one", "o suta": an amount word inside a written number is a part of it, read with the number.
            if (numberTokens.Contains(match.FirstToken)) continue;
            var single = string.Equals(match.Entry.Field(0), "single", StringComparison.Ordinal);
            if (!single && !string.Equals(match.Entry.Field(0), "vague", StringComparison.Ordinal)) continue;
            if (single)
            {
                // "a man", "un barbat": one person, but only when a victim noun follows closely.
                if (!VictimFollows(scan, match.EndToken)) continue;
                var one = scan.OriginalText(scan.ToSpan(match.Start, match.End));
                counts.Add(new CountMention(match.FirstToken, match.EndToken, match.Start, match.End, new Count(1, 1, 1, Approximate: false, one), 1, Vague: false, SubsetLeads(scan, match.FirstToken)));
                continue;
            }
            // "2 dozen" or "hundreds of 5"? A vague word right after a number is a unit, already read with the number.
            if (match.FirstToken > 0 && text.Tokens[match.FirstToken - 1].Kind == TokenKind.Number) continue;
            var min = match.Entry.OptionalIntField(1);
            var max = match.Entry.OptionalIntField(2);
            var best = match.Entry.OptionalIntField(3);
            var surface = scan.OriginalText(scan.ToSpan(match.Start, match.End));
            var count = new Count(null, min, max, Approximate: true, surface);
            counts.Add(new CountMention(match.FirstToken, match.EndToken, match.Start, match.End, count, best, Vague: true, SubsetLeads(scan, match.FirstToken), TollChangeLeads(scan, match.FirstToken)));
        }
        counts.Sort(static (a, b) => a.FirstToken.CompareTo(b.FirstToken));
        return counts.DrainToImmutable();
    }

    /// <summary>The tokens that belong to a number, digits or words.</summary>
    private static HashSet<int> NumberTokens(AnalyzedText text)
    {
        var tokens = new HashSet<int>();
        foreach (var number in text.Numbers)
        {
            for (var t = number.FirstToken; t < number.FirstToken + number.TokenCount; t++) tokens.Add(t);
        }
        return tokens;
    }

    /// <summary>
    /// Digits with letters glued after them are an ordinal, a decade or a measure, never a head count: "40th",
    /// "3rd", "1990s", "5km", and with a glued hyphen "a 40-a", "al 3-lea", "a 40-year-old".
    /// </summary>
    private static bool IsOrdinalOrMeasure(DocumentScan scan, NumberMention number)
    {
        if (number.IsWords) return false;
        var next = number.FirstToken + number.TokenCount;
        var tokens = scan.Tokens;
        if (next >= tokens.Length || tokens[next].Start != number.End) return false;
        if (tokens[next].Kind == TokenKind.Word) return true;
        return scan.IsPunctuation(next, '-') && next + 1 < tokens.Length && tokens[next + 1].Start == tokens[next].End && tokens[next + 1].Kind == TokenKind.Word;
    }

    /// <summary>Neither number of a match score ("a 121-98 win") is a head count.</summary>
    private static bool IsScore(DocumentScan scan, NumberMention number) =>
        !number.IsWords && number.TokenCount == 1 && MatchScore.At(scan, number.FirstToken);

    /// <summary>A verb of change ends right before the amount (or its modifier): "rose to 25", "a crescut la peste 40".</summary>
    private static bool TollChangeLeads(DocumentScan scan, int token) =>
        AmountWordAt(scan, token, before: true, static mode => mode == "toll-link");

    private static bool IsSubset(string? mode) => mode is "subset" or "subset-either";

    /// <summary>A subset word ends right before the amount: "including a child", "printre care zeci de copii".</summary>
    private static bool SubsetLeads(DocumentScan scan, int token) =>
        AmountWordAt(scan, token, before: true, static mode => IsSubset(mode));

    /// <summary>
    /// A subset word that may follow its amount starts right after it: "four of them children", "patru dintre ei
    /// copii". Only words marked so: "12 including 4 children" keeps the 12 as the figure it is.
    /// </summary>
    private static bool SubsetFollows(DocumentScan scan, int end) =>
        end < scan.Tokens.Length && AmountWordAt(scan, end, before: false, static mode => mode == "subset-either");

    /// <summary>A word of the amounts lexicon with a mode that passes, ending right before the token or starting at it.</summary>
    private static bool AmountWordAt(DocumentScan scan, int token, bool before, Func<string, bool> mode)
    {
        foreach (var match in scan.In(LexiconKind.Amounts, scan.Tokens[token].Sentence))
        {
            if ((before ? match.EndToken : match.FirstToken) == token && mode(match.Entry.Field(0))) return true;
        }
        return false;
    }

    private static bool VictimFollows(DocumentScan scan, int token)
    {
        if (token >= scan.Tokens.Length) return false;
        foreach (var victim in scan.In(LexiconKind.Victims, scan.Tokens[token].Sentence))
        {
            if (victim.FirstToken >= token && victim.FirstToken <= token + 2) return true;
        }
        return false;
    }

    /// <summary>A modifier ending right before the number ("at least 5"), or before an article between them ("peste 20").</summary>
    private static LexiconEntry? FindModifier(DocumentScan scan, int numberToken, out int modifierFirst)
    {
        modifierFirst = numberToken;
        for (var s = 0; s < scan.In(LexiconKind.Amounts, scan.Tokens[numberToken].Sentence).Count; s++)
        {
            var match = scan.In(LexiconKind.Amounts, scan.Tokens[numberToken].Sentence)[s];
            if (match.Entry.Field(0) is "vague" or "single" or "toll-link") continue;
            if (match.EndToken == numberToken)
            {
                modifierFirst = match.FirstToken;
                return match.Entry;
            }
        }
        return null;
    }

    private static Count Build(string? mode, long value, string surface) => mode switch
    {
        "at-least" => new Count(value, value, null, Approximate: false, surface),
        "more-than" => new Count(value, value + 1, null, Approximate: false, surface),
        "about" => new Count(value, null, null, Approximate: true, surface),
        "up-to" or "at-most" => new Count(value, null, value, Approximate: false, surface),
        _ => new Count(value, value, value, Approximate: false, surface),
    };
}
