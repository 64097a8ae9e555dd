using System.Collections.Frozen;
using Sitrep.Documents;

namespace Sitrep.Readers;

/// <summary>
/// Reads the publication dates that inputs carry, in the shapes they come in: ISO 8601 ("2020-05-09",
/// "2020-05-09T14:30:00+03:00", "2020-05"), RFC 822 as in RSS ("Sat, 09 May 2020 14:30:00 GMT"), and
/// ACLED's "09 May 2020", "9-May-20" and "May 9, 2020". The date is kept as written (the publisher's
/// local date), not converted to UTC. Never throws. Month names are English because these formats are.
/// </summary>
public static class PublicationDateParser
{
    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["sept"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["june"] = 6, ["july"] = 7,
        ["august"] = 8, ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthLookup = Months.GetAlternateLookup<ReadOnlySpan<char>>();

    public static PartialDate? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var span = text.AsSpan().Trim();
        if (PartialDate.TryParse(span, out var iso)) return iso;
        return ParseWords(span);
    }

    // Splits into numbers and words and reads day, month name and year in either order.
    private static PartialDate? ParseWords(ReadOnlySpan<char> text)
    {
        int? day = null, month = null, year = null;
        var numbers = 0;
        var position = 0;
        while (position < text.Length)
        {
            if (!char.IsAsciiLetterOrDigit(text[position])) { position++; continue; }
            var start = position;
            var digits = char.IsAsciiDigit(text[position]);
            while (position < text.Length && (digits ? char.IsAsciiDigit(text[position]) : char.IsAsciiLetter(text[position]))) position++;
            var part = text[start..position];
            if (digits)
            {
                // A time of day ("14:30:00") follows the date; stop before it.
                if (position < text.Length && text[position] == ':') break;
                var value = int.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
                numbers++;
                if (part.Length == 4 && year is null) year = value;
                else if (day is null && part.Length <= 2 && value is >= 1 and <= 31) day = value;
                else if (year is null && part.Length == 2) year = value < 50 ? 2000 + value : 1900 + value;
                else return null;
            }
            else if (month is null && MonthLookup.TryGetValue(part, out var named))
            {
                month = named;
            }
        }
        if (year is null || month is null || numbers > 2) return null;
        if (day is { } d && d > DateTime.DaysInMonth(year.Value, month.Value)) return null;
        if (year is < 1 or > 9999) return null;
        return new PartialDate(year.Value, month, day);
    }
}
