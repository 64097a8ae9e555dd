using System.Collections.Immutable;
using System.Globalization;

namespace Sitrep.Text;

/// <summary>
/// Finds numbers written in digits and reads them with the language's separators:
/// "30.000" is 30000 in Romanian, "30,000" in English; "1,5" and "1.5" are one and a half.
/// Thread-safe.
/// </summary>
public sealed class NumberRecognizer
{
    private readonly char _thousands;
    private readonly char _decimal;

    public NumberRecognizer(char thousandsSeparator, char decimalSeparator)
    {
        _thousands = thousandsSeparator;
        _decimal = decimalSeparator;
    }

    public ImmutableArray<NumberMention> Recognize(string normalized, ImmutableArray<Token> tokens)
    {
        var numbers = ImmutableArray.CreateBuilder<NumberMention>();
        for (var t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            if (token.Kind != TokenKind.Number) continue;
            if (TryParseDigits(normalized.AsSpan(token.Start, token.Length), out var value))
            {
                numbers.Add(new NumberMention(token.Start, token.End, t, 1, value, IsWords: false));
            }
        }
        return numbers.DrainToImmutable();
    }

    /// <summary>
    /// A separator followed by exactly three digits, in groups, is a thousands separator when it is the
    /// language's or when the text cannot mean a decimal ("1.000.000"); otherwise it is a decimal point.
    /// </summary>
    internal bool TryParseDigits(ReadOnlySpan<char> digits, out decimal value)
    {
        value = 0;
        Span<char> clean = stackalloc char[digits.Length];
        var length = 0;
        var groups = CountSeparatorGroups(digits, out var separators, out var allGroupsOfThree);
        foreach (var c in digits)
        {
            if (char.IsDigit(c)) { clean[length++] = c; continue; }
            var isThousands = allGroupsOfThree && (c == _thousands || separators > 1);
            if (isThousands) continue;
            clean[length++] = '.';
        }
        _ = groups;
        return decimal.TryParse(clean[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static int CountSeparatorGroups(ReadOnlySpan<char> digits, out int separators, out bool allGroupsOfThree)
    {
        separators = 0;
        allGroupsOfThree = true;
        var run = 0;
        var groups = 0;
        var first = true;
        foreach (var c in digits)
        {
            if (char.IsDigit(c)) { run++; continue; }
            separators++;
            if (!first && run != 3) allGroupsOfThree = false;
            if (first && run > 3) allGroupsOfThree = false;
            first = false;
            groups++;
            run = 0;
        }
        if (separators > 0 && run != 3) allGroupsOfThree = false;
        return groups;
    }
}
