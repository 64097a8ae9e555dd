using Sitrep.Output;

namespace Sitrep.Extraction.Dates;

/// <summary>A time expression resolved against the publication date. Tokens [FirstToken, EndToken), normalized offsets.</summary>
/// <param name="IsComparison">Follows "since"/"din" ("the bloodiest since 2016"): a point of comparison, never an event's date.</param>
/// <param name="IsCalendar">Names a day or month of the calendar ("9 May 2020"), not a day relative to another ("yesterday", "on Sunday").</param>
internal sealed record DateMention(int FirstToken, int EndToken, int Start, int End, DateRange Range, bool IsComparison, bool IsCalendar);

/// <summary>A bare year ("2016", "1994"); tells whether a clause is about the past. Never an event's date by itself.</summary>
internal sealed record YearMention(int Token, int Year, bool IsComparison);
