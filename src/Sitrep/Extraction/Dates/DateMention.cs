using Sitrep.Output;

namespace Sitrep.Extraction.Dates;

/// <summary>A time expression resolved against the publication date. Tokens [FirstToken, EndToken), normalized offsets.</summary>
/// <param name="IsComparison">Follows "since"/"din" ("the bloodiest since 2016"): a point of comparison, never an event's date.</param>
internal sealed record DateMention(int FirstToken, int EndToken, int Start, int End, DateRange Range, bool IsComparison);

/// <summary>A bare year ("2016", "1994"); tells whether a clause is about the past. Never an event's date by itself.</summary>
internal sealed record YearMention(int Token, int Year, bool IsComparison);
