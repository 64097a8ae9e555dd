namespace Sitrep.Incidents;

/// <summary>
/// Whether two reports may tell of the same day: their date ranges overlap. Relative dates were resolved against
/// each document's publication already, so "yesterday" in a paper of the 15th is the 14th of a wire of the 14th,
/// and a month-precise date overlaps every day of its month. Two days apart is two events (the same town struck
/// again the next day), however alike the reports.
/// </summary>
public static class DateAgreement
{
    public static bool Agree(ReportedEvent a, ReportedEvent b) =>
        a.From is { } aFrom && a.To is { } aTo && b.From is { } bFrom && b.To is { } bTo && aFrom <= bTo && bFrom <= aTo;
}
