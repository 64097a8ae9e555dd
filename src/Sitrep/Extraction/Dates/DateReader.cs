using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Extraction.Lexicons;
using Sitrep.Extraction.Matching;
using Sitrep.Output;
using Sitrep.Text;

namespace Sitrep.Extraction.Dates;

/// <summary>
/// Finds time expressions and resolves them against the publication date: explicit dates ("On 9 May 2020",
/// "pe 9 mai 2020", "May 9"), weekdays ("on Sunday", "duminica dimineata": the most recent such day on or
/// before publication), relative days ("yesterday", "ieri", "a day earlier"). When the publication date is
/// known only to the month, a weekday or relative day can only be placed in that month, and the precision
/// says so. Thread-safe.
/// </summary>
internal static class DateReader
{
    public static (ImmutableArray<DateMention> Dates, ImmutableArray<YearMention> Years, HashSet<int> DateTokens) Read(DocumentScan scan)
    {
        var text = scan.Text;
        var dates = ImmutableArray.CreateBuilder<DateMention>();
        var years = ImmutableArray.CreateBuilder<YearMention>();
        var dateTokens = new HashSet<int>();
        var numbers = new Dictionary<int, NumberMention>();
        foreach (var number in text.Numbers) numbers[number.FirstToken] = number;
        var timeWords = new Dictionary<int, LexiconMatch>();
        var sinceEnds = new HashSet<int>();
        // Where a word that puts a year after it ends ("in", "during", "din", "anul": time-words.tsv `year-lead`).
        var yearLeadEnds = new HashSet<int>();
        // Words that join two years ("from 1992 to 1996", "intre 2014 si 2016"), by their first token: their end.
        var yearRanges = new Dictionary<int, int>();
        foreach (var match in scan.Matches)
        {
            if (match.Kind == LexiconKind.TimeWords) timeWords[match.FirstToken] = match;
            if (match.Kind == LexiconKind.TimeWords && string.Equals(match.Entry.Field(0), "year-lead", StringComparison.Ordinal)) yearLeadEnds.Add(match.EndToken);
            if (match.Kind == LexiconKind.TimeWords && string.Equals(match.Entry.Field(0), "year-range", StringComparison.Ordinal)) yearRanges[match.FirstToken] = match.EndToken;
            if (match.Kind == LexiconKind.Historical && string.Equals(match.Entry.Field(0), "since", StringComparison.Ordinal)) sinceEnds.Add(match.EndToken);
        }

        var tokens = text.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            var comparison = sinceEnds.Contains(i);
            // day month [year]: "9 May 2020", "9 mai", "1st of May"
            if (Day(numbers, i) is { } day)
            {
                var next = i + 1;
                if (next < tokens.Length && IsOrdinalSuffix(scan, next)) next++;
                if (next < tokens.Length && IsOf(scan, next)) next++;
                if (Month(timeWords, next) is { } monthMatch)
                {
                    var end = monthMatch.EndToken;
                    var year = Year(numbers, end);
                    if (year is null && end + 1 < tokens.Length && scan.IsPunctuation(end, ',')) year = Year(numbers, end + 1);
                    if (year is not null) end = YearEnd(numbers, end);
                    if (Resolve(scan.Published, year, monthMatch.Entry.IntField(1), day) is { } resolved)
                    {
                        Add(i, end, resolved, "day", true);
                        i = end - 1;
                        continue;
                    }
                }
            }
            if (timeWords.TryGetValue(i, out var word))
            {
                var kind = word.Entry.Field(0);
                switch (kind)
                {
                    case "month":
                    {
                        // "May 9, 2020", "May 9" or "May 2020"
                        var end = word.EndToken;
                        if (Day(numbers, end) is { } monthDay)
                        {
                            var after = end + 1;
                            if (after < tokens.Length && IsOrdinalSuffix(scan, after)) after++;
                            var yearAt = after < tokens.Length && scan.IsPunctuation(after, ',') ? after + 1 : after;
                            var year = Year(numbers, yearAt);
                            var stop = year is not null ? yearAt + 1 : after;
                            if (Resolve(scan.Published, year, word.Entry.IntField(1), monthDay) is { } resolved)
                            {
                                Add(i, stop, resolved, "day", true);
                                i = stop - 1;
                                continue;
                            }
                        }
                        if (Year(numbers, end) is { } monthYear && IsCapitalOrFolded(scan, i))
                        {
                            var first = new DateOnly(monthYear, word.Entry.IntField(1), 1);
                            Add(i, end + 1, (first, first.AddMonths(1).AddDays(-1)), "month", true);
                            i = end;
                            continue;
                        }
                        break;
                    }
                    case "weekday":
                    {
                        var end = PartOfDayAfter(timeWords, word.EndToken);
                        if (WeekdayRange(scan.Published, word.Entry.IntField(1)) is { } range)
                        {
                            Add(i, end, range.Dates, range.Precision, false);
                            i = end - 1;
                            continue;
                        }
                        break;
                    }
                    case "relative-day":
                    {
                        var end = PartOfDayAfter(timeWords, word.EndToken);
                        if (RelativeRange(scan.Published, word.Entry.IntField(1)) is { } range)
                        {
                            Add(i, end, range.Dates, range.Precision, false);
                            i = end - 1;
                            continue;
                        }
                        break;
                    }
                }
            }
            // The second year of a range ("1992 to 1996 and killed") is a year like the first.
            var closesRange = years.Count > 0 && yearRanges.TryGetValue(years[^1].Token + 1, out var rangeEnd) && rangeEnd == i;
            if (numbers.TryGetValue(i, out var bare) && IsYear(scan, bare, comparison || yearLeadEnds.Contains(i) || closesRange))
            {
                years.Add(new YearMention(i, (int)bare.Value, comparison));
                dateTokens.Add(i);
            }

            void Add(int first, int endToken, (DateOnly First, DateOnly Last) resolved, string precision, bool calendar)
            {
                var start = tokens[first].Start;
                var endOffset = tokens[endToken - 1].End;
                var span = scan.ToSpan(start, endOffset);
                var range = new DateRange(Iso(resolved.First), Iso(resolved.Last), precision, scan.OriginalText(span));
                dates.Add(new DateMention(first, endToken, start, endOffset, range, comparison, calendar));
                for (var t = first; t < endToken; t++) dateTokens.Add(t);
            }
        }
        return (dates.DrainToImmutable(), years.DrainToImmutable(), dateTokens);
    }

    /// <summary>The publication date as an event date, when nothing in the text dates the event.</summary>
    public static DateRange? FromPublication(PartialDate? published) => published is { } p
        ? new DateRange(Iso(p.First), Iso(p.Last), p.Precision.ToString().ToLowerInvariant(), null)
        : null;

    private static (DateOnly, DateOnly)? Resolve(PartialDate? published, int? year, int month, int day)
    {
        var y = year ?? published?.Year;
        if (y is null) return null;
        // A day and month without a year after the publication month belong to the year before ("on 28 December", published in January).
        if (year is null && published?.Month is { } publishedMonth && month > publishedMonth + 1) y--;
        if (day > DateTime.DaysInMonth(y.Value, month)) return null;
        var date = new DateOnly(y.Value, month, day);
        return (date, date);
    }

    private static ((DateOnly, DateOnly) Dates, string Precision)? WeekdayRange(PartialDate? published, int isoDay)
    {
        if (published is not { } p) return null;
        if (p.Precision == DatePrecision.Day)
        {
            var date = p.First;
            while (IsoDay(date) != isoDay) date = date.AddDays(-1);
            return ((date, date), "day");
        }
        // The week within the month is not known: the month is all that can be said.
        return ((p.First, p.Last), p.Precision.ToString().ToLowerInvariant());
    }

    private static ((DateOnly, DateOnly) Dates, string Precision)? RelativeRange(PartialDate? published, int offset)
    {
        if (published is not { } p) return null;
        if (p.Precision == DatePrecision.Day)
        {
            var date = p.First.AddDays(offset);
            return ((date, date), "day");
        }
        return ((p.First, p.Last), p.Precision.ToString().ToLowerInvariant());
    }

    private static int IsoDay(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;

    private static int PartOfDayAfter(Dictionary<int, LexiconMatch> timeWords, int token) =>
        timeWords.TryGetValue(token, out var next) && string.Equals(next.Entry.Field(0), "part-of-day", StringComparison.Ordinal) ? next.EndToken : token;

    private static int? Day(Dictionary<int, NumberMention> numbers, int token) =>
        numbers.TryGetValue(token, out var n) && !n.IsWords && n.TokenCount == 1 && n.Value is >= 1 and <= 31 && n.Value == decimal.Truncate(n.Value) ? (int)n.Value : null;

    private static int? Year(Dictionary<int, NumberMention> numbers, int token) =>
        numbers.TryGetValue(token, out var n) && !n.IsWords && n.Value is >= 1000 and <= 2200 && n.Value == decimal.Truncate(n.Value) && n.End - n.Start == 4 ? (int)n.Value : null;

    private static int YearEnd(Dictionary<int, NumberMention> numbers, int afterMonth) =>
        numbers.ContainsKey(afterMonth) ? afterMonth + 1 : afterMonth + 2;

    private static LexiconMatch? Month(Dictionary<int, LexiconMatch> timeWords, int token) =>
        timeWords.TryGetValue(token, out var m) && string.Equals(m.Entry.Field(0), "month", StringComparison.Ordinal) ? m : null;

    /// <summary>"may" and "mar" are also ordinary words; a month name before a year must be capitalised when the text has capitals.</summary>
    private static bool IsCapitalOrFolded(DocumentScan scan, int token) => char.IsUpper(scan.Text.Normalized[scan.Tokens[token].Start]) || scan.Tokens[token].Length > 3;

    private static bool IsOrdinalSuffix(DocumentScan scan, int token)
    {
        var folded = scan.Folded(token);
        return scan.Tokens[token].Start == scan.Tokens[token - 1].End && folded.Length == 2 && folded is "st" or "nd" or "rd" or "th";
    }

    private static bool IsOf(DocumentScan scan, int token) => scan.Folded(token) is "of";

    /// <summary>
    /// Four digits from 1800 to 2100 written without separators, and not counting people ("2000 protesters"),
    /// unless a date preposition or time word leads to them: "din 2023 s-a soldat cu zeci de morti" and "attacks
    /// since 2019 killed dozens" name a year, whatever outcome word follows.
    /// </summary>
    private static bool IsYear(DocumentScan scan, NumberMention number, bool afterYearLead)
    {
        if (number.IsWords || number.End - number.Start != 4 || number.Value is < 1800 or > 2100) return false;
        if (afterYearLead) return true;
        var next = number.FirstToken + 1;
        if (next >= scan.Tokens.Length || scan.Tokens[next].Sentence != scan.Tokens[number.FirstToken].Sentence) return true;
        if (scan.Tokens[next].Kind == TokenKind.Punctuation) return true;
        foreach (var kind in new[] { LexiconKind.Victims, LexiconKind.Outcomes })
        {
            foreach (var match in scan.In(kind, scan.Tokens[number.FirstToken].Sentence))
            {
                if (match.FirstToken == next || match.FirstToken == next + 1) return false;
            }
        }
        return true;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
