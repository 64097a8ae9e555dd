using System.Collections.Immutable;
using System.Globalization;

namespace Sitrep.Text;

/// <summary>
/// Finds numbers in digits and in words and reads their value with the language's conventions:
/// "45.000" is 45000 in Romanian and "45,000" in English; "1,5 milioane" and "1.2 million" are
/// 1500000 and 1200000; "douazeci si trei", "two hundred and five", "a dozen" are 23, 205, 12.
/// A mention spans every token of its number. Articles ("a", "un", "o") count only before a
/// multiplier, so "un soldat" holds no number. Thread-safe.
/// </summary>
public sealed class NumberRecognizer
{
    // Word numbers stop growing here: nothing in news is larger, and decimal arithmetic must not overflow.
    private const decimal Ceiling = 1_000_000_000_000_000m;

    private readonly char _thousands;
    private readonly char _decimal;
    private readonly NumberWords _words;

    public NumberRecognizer(char thousandsSeparator, char decimalSeparator)
        : this(thousandsSeparator, decimalSeparator, NumberWords.Empty)
    {
    }

    public NumberRecognizer(char thousandsSeparator, char decimalSeparator, NumberWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _thousands = thousandsSeparator;
        _decimal = decimalSeparator;
        _words = words;
    }

    /// <param name="normalized">The normalized text.</param>
    /// <param name="tokens">Its tokens.</param>
    public ImmutableArray<NumberMention> Recognize(string normalized, ImmutableArray<Token> tokens) =>
        Recognize(normalized, TextFolding.Fold(normalized), tokens);

    /// <param name="normalized">The normalized text.</param>
    /// <param name="folded">Its folded form.</param>
    /// <param name="tokens">Its tokens.</param>
    public ImmutableArray<NumberMention> Recognize(string normalized, string folded, ImmutableArray<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(folded);
        var numbers = ImmutableArray.CreateBuilder<NumberMention>();
        bool? writtenWithDiacritics = null;
        var span = tokens.AsSpan();
        var t = 0;
        while (t < span.Length)
        {
            // Most tokens are ordinary words: ruled out here by kind, length and first letter, before any call.
            ref readonly var token = ref span[t];
            if (token.Kind != TokenKind.Number && (token.Kind != TokenKind.Word || !_words.MayBeNumberWord(folded.AsSpan(token.Start, token.Length))))
            {
                t++;
                continue;
            }
            if (TryReadNumber(normalized, folded, tokens, t, ref writtenWithDiacritics, out var mention))
            {
                numbers.Add(mention);
                t += mention.TokenCount;
            }
            else
            {
                t++;
            }
        }
        return numbers.DrainToImmutable();
    }

    private bool TryReadNumber(string normalized, string folded, ImmutableArray<Token> tokens, int first, ref bool? writtenWithDiacritics, out NumberMention mention)
    {
        mention = default;
        var token = tokens[first];
        // Nearly every token is neither digits nor a number word: rule it out before any arithmetic state exists.
        NumberWord startWord = default;
        if (token.Kind != TokenKind.Number && (token.Kind != TokenKind.Word || !_words.TryGet(folded.AsSpan(token.Start, token.Length), out startWord))) return false;
        // Only digits, a value or an article before a multiplier can start a number ("de", "si", "and" cannot).
        if (token.Kind == TokenKind.Word && startWord.Role is not (NumberWordRole.Value or NumberWordRole.Article)) return false;
        var state = new Accumulator();
        bool digits;
        if (token.Kind == TokenKind.Number)
        {
            if (!TryParseDigits(normalized.AsSpan(token.Start, token.Length), out var value)) return false;
            state.Current = value;
            state.Last = Part.Digits;
            digits = true;
        }
        else
        {
            var word = startWord;
            if (word.Role == NumberWordRole.Value)
            {
                state.Current = word.Value;
                state.Last = Part.Value;
                state.LastValue = word.Value;
            }
            else if (word.Role == NumberWordRole.Article && first + 1 < tokens.Length && IsMultiplier(folded, tokens[first + 1]))
            {
                state.Current = 1;
                state.Last = Part.Article;
            }
            else
            {
                return false;
            }
            digits = false;
        }

        var last = first;
        var next = first + 1;
        while (next < tokens.Length)
        {
            var consumed = TryExtend(normalized, folded, tokens, next, ref state, digits);
            if (consumed == 0) break;
            last = next + consumed - 1;
            next += consumed;
        }

        var count = last - first + 1;
        if (count == 1 && !digits && IsWeakAlone(normalized, folded, tokens, first, ref writtenWithDiacritics)) return false;
        var end = tokens[last];
        mention = new NumberMention(token.Start, end.End, first, count, WithoutTrailingZeros(state.Total + state.Current), IsWords: !digits);
        return true;
    }

    /// <summary>How many tokens from <paramref name="at"/> continue the number (0 when it ends before them).</summary>
    private int TryExtend(string normalized, string folded, ImmutableArray<Token> tokens, int at, ref Accumulator state, bool digits)
    {
        var token = tokens[at];
        if (token.Kind == TokenKind.Punctuation)
        {
            // "twenty-three": a hyphen with no space around it, between tens and units.
            if (normalized[token.Start] != '-' || at + 1 >= tokens.Length || state.Last != Part.Value) return 0;
            var previous = tokens[at - 1];
            var following = tokens[at + 1];
            if (previous.End != token.Start || token.End != following.Start) return 0;
            if (!TryWord(folded, following, out var unit) || unit.Role != NumberWordRole.Value) return 0;
            if (!IsTens(state.LastValue) || unit.Value >= 10) return 0;
            state.Current += unit.Value;
            state.LastValue = unit.Value;
            return 2;
        }
        if (!TryWord(folded, token, out var word)) return 0;
        switch (word.Role)
        {
            case NumberWordRole.Value:
                if (digits || !CanAdd(state, word.Value)) return 0;
                state.Current += word.Value;
                state.Last = Part.Value;
                state.LastValue = word.Value;
                return 1;

            case NumberWordRole.Multiplier:
                return ApplyMultiplier(ref state, word.Value) ? 1 : 0;

            case NumberWordRole.And:
                {
                    // "two hundred and five", "douazeci si trei": only between word parts, and only when a value follows that fits.
                    if (digits || at + 1 >= tokens.Length || !TryWord(folded, tokens[at + 1], out var after) || after.Role != NumberWordRole.Value) return 0;
                    if (!CanAdd(state, after.Value)) return 0;
                    if (state.Last == Part.Value && !IsTens(state.LastValue)) return 0;
                    state.Current += after.Value;
                    state.Last = Part.Value;
                    state.LastValue = after.Value;
                    return 2;
                }

            case NumberWordRole.Of:
                {
                    // "douazeci de mii", "30 de milioane": the link only counts before a multiplier of a thousand or more.
                    if (at + 1 >= tokens.Length || !TryWord(folded, tokens[at + 1], out var after) || after.Role != NumberWordRole.Multiplier || after.Value < 1000) return 0;
                    if (state.Current == 0) return 0;
                    return ApplyMultiplier(ref state, after.Value) ? 2 : 0;
                }

            default:
                return 0;
        }
    }

    private static bool CanAdd(in Accumulator state, decimal value)
    {
        return state.Last switch
        {
            // "twenty three" (written without a hyphen) and "douazeci trei" read as one number; "five six" does not.
            Part.Value => IsTens(state.LastValue) && value < 10,
            // After a multiplier, only what is smaller than it: "o suta douazeci", "two thousand five".
            Part.Multiplier => value < state.LastMultiplier && state.Current % Math.Max(1, state.LastMultiplier) == 0,
            _ => false,
        };
    }

    private static bool ApplyMultiplier(ref Accumulator state, decimal multiplier)
    {
        if (state.Current == 0) return false;
        if (multiplier < 1000)
        {
            // "two hundred", "two dozen": multiplies the small part. "hundred hundred" is not a number.
            if (state.Last == Part.Multiplier && state.LastMultiplier <= multiplier) return false;
            if (state.Current >= multiplier && state.Last != Part.Digits) return false;
            if (state.Current >= Ceiling / multiplier) return false; // divided, as the product of a 25-digit number overflows decimal
            state.Current *= multiplier;
        }
        else
        {
            // "two million three hundred thousand": each larger group must come before the smaller ones.
            if (state.LargestGroup != 0 && multiplier >= state.LargestGroup) return false;
            if (state.Current >= Ceiling / multiplier) return false; // divided, as the product of a 25-digit number overflows decimal
            state.Total += state.Current * multiplier;
            state.Current = 0;
            state.LargestGroup = multiplier;
        }
        state.Last = Part.Multiplier;
        state.LastMultiplier = multiplier;
        return true;
    }

    private bool IsWeakAlone(string normalized, string folded, ImmutableArray<Token> tokens, int at, ref bool? writtenWithDiacritics)
    {
        var token = tokens[at];
        if (!TryWord(folded, token, out var word) || !word.Weak) return false;
        // Capitalised inside a sentence, it is part of a name ("Lunca Noua").
        if (char.IsUpper(normalized[token.Start]) && at > 0 && tokens[at - 1].Sentence == token.Sentence) return true;
        if (at > 0 && tokens[at - 1].Kind == TokenKind.Word && TryWord(folded, tokens[at - 1], out var before)
            && before.Role is NumberWordRole.Article or NumberWordRole.Determiner)
        {
            return true;
        }
        // In a text that writes its diacritics, the plain spelling is the other word ("noua" = the new, "nouă" = nine).
        writtenWithDiacritics ??= HasDiacritics(normalized, folded);
        if (writtenWithDiacritics.Value && !normalized.AsSpan(token.Start, token.Length).Equals(word.Spelling, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return false;
    }

    private static bool HasDiacritics(string normalized, string folded)
    {
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (c >= 0xC0 && char.IsLetter(c) && char.ToLowerInvariant(c) != folded[i]) return true;
        }
        return false;
    }

    private bool IsMultiplier(string folded, Token token) =>
        TryWord(folded, token, out var word) && word.Role == NumberWordRole.Multiplier;

    private bool TryWord(string folded, Token token, out NumberWord word)
    {
        word = default;
        return token.Kind == TokenKind.Word && _words.TryGet(folded.AsSpan(token.Start, token.Length), out word);
    }

    // "1,5 milioane" is 1500000, not 1500000.0: decimal keeps the scale of its operands.
    private static decimal WithoutTrailingZeros(decimal value) => value / 1.0000000000000000000000000000m;

    private static bool IsTens(decimal value) => value is >= 20 and < 100 && value % 10 == 0;

    /// <summary>
    /// Reads digits with separators. One kind of separator used several times ("1.000.000") groups thousands;
    /// used once, it groups thousands when it is the language's thousands separator and three digits follow
    /// ("45.000" in Romanian), and is a decimal point otherwise ("1,5", "1.2"). With both kinds, the last is
    /// the decimal point ("1,234.5"). Anything else ("12.05.2020") is not read as a number.
    /// </summary>
    internal bool TryParseDigits(ReadOnlySpan<char> digits, out decimal value)
    {
        value = 0;
        if (digits.Length == 0 || digits.Length > 40) return false;
        Span<char> clean = stackalloc char[digits.Length];
        var length = 0;

        var lastSeparator = -1;
        var separators = 0;
        char? firstKind = null;
        var mixed = false;
        for (var i = 0; i < digits.Length; i++)
        {
            var c = digits[i];
            if (char.IsAsciiDigit(c)) continue;
            if (c is not ('.' or ',')) return false;
            separators++;
            lastSeparator = i;
            firstKind ??= c;
            if (c != firstKind) mixed = true;
        }

        if (separators == 0) return Parse(digits, out value);

        int? decimalAt = null;
        if (mixed)
        {
            decimalAt = lastSeparator;
            if (digits[lastSeparator] == firstKind) return false; // "1.234,5,6"
        }
        else if (separators == 1)
        {
            var groupAfter = digits.Length - lastSeparator - 1;
            var isThousands = groupAfter == 3 && digits[lastSeparator] == _thousands && lastSeparator <= 3;
            if (!isThousands) decimalAt = lastSeparator;
        }

        // Every thousands group must have three digits, and the first one to three.
        var run = 0;
        var firstGroup = true;
        for (var i = 0; i < digits.Length; i++)
        {
            var c = digits[i];
            if (char.IsAsciiDigit(c)) { clean[length++] = c; run++; continue; }
            if (i == decimalAt)
            {
                if (!firstGroup && run != 3) return false;
                clean[length++] = '.';
                run = 0;
                firstGroup = true;
                continue;
            }
            if (firstGroup ? run is < 1 or > 3 : run != 3) return false;
            firstGroup = false;
            run = 0;
        }
        if (decimalAt is null && run != 3) return false;
        return Parse(clean[..length], out value);

        static bool Parse(ReadOnlySpan<char> text, out decimal result) =>
            decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out result);
    }

    private enum Part : byte
    {
        Digits,
        Value,
        Article,
        Multiplier,
    }

    private struct Accumulator
    {
        public decimal Total;
        public decimal Current;
        public Part Last;
        public decimal LastValue;
        public decimal LastMultiplier;
        public decimal LargestGroup;
    }
}
