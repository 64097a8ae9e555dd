namespace Sitrep.Incidents;

/// <summary>
/// Finds the reports that could match a report without comparing it with every other: buckets by day and by a
/// grid cell (for town-precise reports) or by day and country (for coarser ones). Matching costs the size of
/// the neighbouring buckets, not the size of the corpus.
/// </summary>
internal sealed class CandidateIndex
{
    /// <summary>Grid cell in degrees: wider than <see cref="PlaceAgreement.LocalityKm"/> everywhere people live, so two towns that agree sit in neighbouring cells.</summary>
    private const double CellDegrees = 0.1;

    /// <summary>The most days a coarse date is spread over; a year-long date matches nothing by itself.</summary>
    public const int MaxDays = 31;

    private readonly Dictionary<(int Day, int Lat, int Lon), List<int>> _cells = [];
    private readonly Dictionary<(int Day, string Country), List<int>> _countries = [];

    public void Add(ReportedEvent report, int id)
    {
        if (!Spread(report, out var from, out var to)) return;
        for (var day = from; day <= to; day++)
        {
            if (report.Place is { Lat: { } lat, Lon: { } lon }) Bucket(_cells, (day, Cell(lat), Cell(lon))).Add(id);
            if (report.Place?.Country is { } country) Bucket(_countries, (day, country)).Add(id);
        }
    }

    /// <summary>Ids of reports in the report's grid cell or next to it, on its days (may repeat).</summary>
    public IEnumerable<int> Near(ReportedEvent report)
    {
        if (!Spread(report, out var from, out var to) || report.Place is not { Lat: { } lat, Lon: { } lon }) yield break;
        var (y, x) = (Cell(lat), Cell(lon));
        for (var day = from; day <= to; day++)
        {
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    if (!_cells.TryGetValue((day, y + dy, x + dx), out var ids)) continue;
                    foreach (var id in ids) yield return id;
                }
            }
        }
    }

    /// <summary>Ids of reports in the report's country on its days (may repeat).</summary>
    public IEnumerable<int> SameCountry(ReportedEvent report)
    {
        if (!Spread(report, out var from, out var to) || report.Place?.Country is not { } country) yield break;
        for (var day = from; day <= to; day++)
        {
            if (!_countries.TryGetValue((day, country), out var ids)) continue;
            foreach (var id in ids) yield return id;
        }
    }

    private static bool Spread(ReportedEvent report, out int from, out int to)
    {
        from = report.From?.DayNumber ?? 0;
        to = report.To?.DayNumber ?? -1;
        return report.From is not null && to - from < MaxDays;
    }

    private static int Cell(double degrees) => (int)Math.Floor(degrees / CellDegrees);

    private static List<int> Bucket<TKey>(Dictionary<TKey, List<int>> buckets, TKey key)
        where TKey : notnull
    {
        if (!buckets.TryGetValue(key, out var ids)) buckets[key] = ids = [];
        return ids;
    }
}
