using Dapper;
using Sitrep.Store.Model;

namespace Sitrep.Store.Sql;

/// <summary>
/// The dashboard's side of the read path: the filters on an event's arguments (actor, fatalities, map
/// area) and the map's and timeline's aggregates. Same SQL on both databases.
/// </summary>
public abstract partial class SqlEventStore : IEventAggregates
{
    /// <summary>Grid coordinates are computed on integer thousandths of a degree: integer division floors the same way in SQLite and PostgreSQL.</summary>
    private const int MilliDegrees = 1000;

    private static void AddArgumentConditions(EventFilter filter, List<string> conditions, DynamicParameters parameters)
    {
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            // Words of the name anywhere in it, case ignored (names are stored lower-cased); the user's % and _ are literal.
            conditions.Add("e.actors LIKE @actor ESCAPE '\\'");
            var escaped = filter.Actor.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            parameters.Add("actor", "%" + escaped + "%");
        }
        if (filter.MinFatalities is { } minimum)
        {
            conditions.Add("COALESCE(e.fatalities_best, e.fatalities_low) >= @minFatalities");
            parameters.Add("minFatalities", minimum);
        }
        if (filter.MinRelevance is { } relevance)
        {
            // A null relevance (a store written before it was kept) is unknown, and NULL >= x leaves it out.
            conditions.Add("e.relevance >= @minRelevance");
            parameters.Add("minRelevance", relevance);
        }
        if (filter.Area is { } area)
        {
            conditions.Add("e.lat >= @areaSouth AND e.lat <= @areaNorth");
            conditions.Add(area.CrossesAntimeridian ? "(e.lon >= @areaWest OR e.lon <= @areaEast)" : "e.lon >= @areaWest AND e.lon <= @areaEast");
            parameters.Add("areaSouth", area.South);
            parameters.Add("areaNorth", area.North);
            parameters.Add("areaWest", area.West);
            parameters.Add("areaEast", area.East);
        }
    }

    public async Task<IReadOnlyList<MapCell>> GetMapCellsAsync(EventFilter filter, double cellDegrees, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = BuildFilter(filter);
        parameters.Add("cell", Math.Max(1, (int)Math.Round(cellDegrees * MilliDegrees)));
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<CellRow>(Logged(
            GridQuery("events", where),
            parameters, cancellationToken)).ConfigureAwait(false);
        return [.. rows.GroupBy(r => (r.Gx, r.Gy)).Select(ToCell).OrderByDescending(c => c.Events).ThenBy(c => c.Lat).ThenBy(c => c.Lon)];
    }

    /// <summary>
    /// The map's grid over a table with the events' columns of place, type and fatalities under the alias e (events, or
    /// incidents): per cell of integer thousandths of a degree and per type, the counts, sums and bounds a cell is built from.
    /// </summary>
    private static string GridQuery(string table, string where) =>
        $"SELECT CAST(ROUND((e.lon + 180) * {MilliDegrees}) AS INTEGER) / @cell AS Gx, CAST(ROUND((e.lat + 90) * {MilliDegrees}) AS INTEGER) / @cell AS Gy, " +
        "e.event_type AS EventType, COUNT(*) AS Events, SUM(e.lat) AS LatSum, SUM(e.lon) AS LonSum, " +
        "MIN(e.lat) AS South, MAX(e.lat) AS North, MIN(e.lon) AS West, MAX(e.lon) AS East, " +
        "COALESCE(SUM(COALESCE(e.fatalities_best, e.fatalities_low)), 0) AS Fatalities, MIN(e.id) AS FirstId " +
        $"FROM {table} e WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL GROUP BY 1, 2, 3";

    private static MapCell ToCell(IEnumerable<CellRow> cellRows)
    {
        var rows = cellRows.ToList();
        var events = rows.Sum(r => r.Events);
        var byType = new SortedDictionary<string, long>(rows.ToDictionary(r => r.EventType, r => r.Events, StringComparer.Ordinal), StringComparer.Ordinal);
        var bounds = new GeoBox(rows.Min(r => r.West), rows.Min(r => r.South), rows.Max(r => r.East), rows.Max(r => r.North));
        return new MapCell(
            Math.Round(rows.Sum(r => r.LatSum) / events, 5), Math.Round(rows.Sum(r => r.LonSum) / events, 5),
            events, byType, rows.Sum(r => r.Fatalities), events == 1 ? rows[0].FirstId : null, bounds);
    }

    public async Task<IReadOnlyList<DayTypeCount>> GetDayTypeCountsAsync(EventFilter filter, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = BuildFilter(filter);
        return await DayTypeCountsAsync("events", where, parameters, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Counts and current fatalities by start day and type over a table with the events' columns under the alias e
    /// (events, or incidents). As in the statistics: a missing bound falls back on the figure that is known, so high
    /// is never below low.
    /// </summary>
    private async Task<IReadOnlyList<DayTypeCount>> DayTypeCountsAsync(string table, string where, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        const string Current = "CASE WHEN e.status = 'current' THEN";
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DayTypeRow>(Logged(
            "SELECT e.date_start AS Day, e.event_type AS EventType, COUNT(*) AS Events, " +
            $"COALESCE(SUM({Current} e.fatalities_low END), 0) AS Low, " +
            $"COALESCE(SUM({Current} COALESCE(e.fatalities_best, e.fatalities_low) END), 0) AS Best, " +
            $"COALESCE(SUM({Current} COALESCE(e.fatalities_high, e.fatalities_best, e.fatalities_low) END), 0) AS High " +
            $"FROM {table} e WHERE {where} AND e.date_start IS NOT NULL GROUP BY e.date_start, e.event_type ORDER BY e.date_start, e.event_type",
            parameters, cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new DayTypeCount(r.Day, r.EventType, r.Events, r.Low, r.Best, r.High))];
    }

    public async Task<IReadOnlyList<EventDigest>> GetEventDigestsAsync(long afterId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // The primary key walks the new rows only, so asking "anything new?" costs one index seek; each event's killed
        // figures come beside it (one row per figure, none for most events), the page being counted in events.
        var rows = await connection.QueryAsync<DigestRow>(new CommandDefinition(
            "SELECT e.id AS Id, e.lat AS Lat, e.lon AS Lon, e.event_type AS EventType, e.date_start AS DateStart, e.status AS Status, " +
            "e.fatalities_low AS Low, e.fatalities_best AS Best, e.fatalities_high AS High, e.country AS Country, e.document_id AS DocumentId, " +
            "k.side AS Side, k.low AS KillLow, k.best AS KillBest, k.high AS KillHigh " +
            "FROM (SELECT id, lat, lon, event_type, date_start, status, fatalities_low, fatalities_best, fatalities_high, country, document_id, ordinal " +
            "FROM events WHERE id > @afterId ORDER BY id LIMIT @limit) e " +
            "LEFT JOIN event_kills k ON k.document_id = e.document_id AND k.ordinal = e.ordinal ORDER BY e.id",
            new { afterId, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        // Rows come in event order, an event's figures one after the other: one pass folds them (a million rows at start).
        var digests = new List<EventDigest>(limit);
        DigestRow? current = null;
        List<SideKill>? kills = null;
        foreach (var row in rows)
        {
            if (current is not null && row.Id != current.Id)
            {
                digests.Add(current.ToDigest(kills));
                kills = null;
            }
            current = row;
            if (row.Side is not null) (kills ??= new List<SideKill>(1)).Add(new SideKill(row.Side, row.KillLow, row.KillBest, row.KillHigh));
        }
        if (current is not null) digests.Add(current.ToDigest(kills));
        return digests;
    }

    private sealed class DigestRow
    {
        public long Id { get; set; }
        public double? Lat { get; set; }
        public double? Lon { get; set; }
        public string EventType { get; set; } = "";
        public string? DateStart { get; set; }
        public string Status { get; set; } = "";
        public long? Low { get; set; }
        public long? Best { get; set; }
        public long? High { get; set; }
        public string? Country { get; set; }
        public long DocumentId { get; set; }
        public string? Side { get; set; }
        public long? KillLow { get; set; }
        public long? KillBest { get; set; }
        public long? KillHigh { get; set; }

        public EventDigest ToDigest(IReadOnlyList<SideKill>? kills) =>
            new(Id, Lat, Lon, EventType, DateStart, Status == "current", Low, Best, High, Country, DocumentId, kills);
    }

    private sealed class CellRow
    {
        public long Gx { get; set; }
        public long Gy { get; set; }
        public string EventType { get; set; } = "";
        public long Events { get; set; }
        public double LatSum { get; set; }
        public double LonSum { get; set; }
        public double South { get; set; }
        public double North { get; set; }
        public double West { get; set; }
        public double East { get; set; }
        public long Fatalities { get; set; }
        public long FirstId { get; set; }
    }

    private sealed class DayTypeRow
    {
        public string Day { get; set; } = "";
        public string EventType { get; set; } = "";
        public long Events { get; set; }
        public long Low { get; set; }
        public long Best { get; set; }
        public long High { get; set; }
    }
}
