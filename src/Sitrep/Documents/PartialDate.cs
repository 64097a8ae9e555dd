using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Sitrep.Documents;

/// <summary>
/// A calendar date known to the year, the month or the day ("2020", "2020-09", "2020-09-27").
/// Immutable and thread-safe. News often carries only a month; that precision must survive.
/// </summary>
public readonly record struct PartialDate
{
    public PartialDate(int year, int? month = null, int? day = null)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year));
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month));
        if (day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(year, month.Value)))
            throw new ArgumentOutOfRangeException(nameof(day));
        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }
    public int? Month { get; }
    public int? Day { get; }

    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The first day the date can stand for.</summary>
    public DateOnly First => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day the date can stand for.</summary>
    public DateOnly Last => Day is not null ? First
        : Month is not null ? new DateOnly(Year, Month.Value, DateTime.DaysInMonth(Year, Month.Value))
        : new DateOnly(Year, 12, 31);

    public static PartialDate FromDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <summary>Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (also a full ISO timestamp, whose date part is kept). Never throws.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out PartialDate? date)
    {
        date = null;
        text = text.Trim();
        if (text.Length > 10 && (text[10] == 'T' || text[10] == ' ')) text = text[..10];
        if (text.Length is not (4 or 7 or 10)) return false;
        if (!TryDigits(text[..4], out var year) || year < 1) return false;
        if (text.Length == 4) { date = new PartialDate(year); return true; }
        if (text[4] != '-' || !TryDigits(text.Slice(5, 2), out var month) || month is < 1 or > 12) return false;
        if (text.Length == 7) { date = new PartialDate(year, month); return true; }
        if (text[7] != '-' || !TryDigits(text.Slice(8, 2), out var day) || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new PartialDate(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9') return false;
            value = (value * 10) + (c - '0');
        }
        return true;
    }

    public override string ToString() => Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };
}

/// <summary>How much of a date is known.</summary>
public enum DatePrecision
{
    Day,
    Week,
    Month,
    Year,
}
