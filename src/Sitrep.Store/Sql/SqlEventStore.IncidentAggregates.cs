using Dapper;
using Sitrep.Store.Model;

namespace Sitrep.Store.Sql;

/// <summary>
/// The map's and timeline's aggregates over stored incidents (the dashboard's default unit): the same grid and the
/// same day-by-type counts as over events, read from the <c>incidents</c> table, so that one strike told by six
/// outlets is one marker and one count, with its reconciled toll.
/// </summary>
public abstract partial class SqlEventStore
{
    public async Task<IReadOnlyList<MapCell>> GetIncidentCellsAsync(EventFilter filter, double cellDegrees, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = IncidentAggregateFilter(filter);
        parameters.Add("cell", Math.Max(1, (int)Math.Round(cellDegrees * MilliDegrees)));
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // The events' grid with the incidents table under the alias the filter writes.
        var rows = await connection.QueryAsync<IncidentCellRow>(Logged(
            GridQuery("incidents", where),
            parameters, cancellationToken)).ConfigureAwait(false);
        return [.. rows.GroupBy(r => (r.Gx, r.Gy)).Select(ToIncidentCell).OrderByDescending(c => c.Events).ThenBy(c => c.Lat).ThenBy(c => c.Lon)];
    }

    private static MapCell ToIncidentCell(IEnumerable<IncidentCellRow> cellRows)
    {
        var rows = cellRows.ToList();
        var cell = ToCell(rows.Select(r => r.AsCellRow()));
        // A cell of one incident names it (the map opens its view); no event id, since an incident is many events.
        return cell with { EventId = null, IncidentId = cell.Events == 1 ? rows[0].FirstId : null };
    }

    public async Task<IReadOnlyList<DayTypeCount>> GetIncidentDayTypeCountsAsync(EventFilter filter, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = IncidentAggregateFilter(filter);
        return await DayTypeCountsAsync("incidents", where, parameters, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> HasIncidentsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(Logged("SELECT COUNT(*) FROM (SELECT 1 FROM incidents LIMIT 1) x", cancellationToken)).ConfigureAwait(false) > 0;
    }

    public async Task<IncidentSummary?> GetIncidentOfEventAsync(long eventId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // Two primary-key seeks: the event's (document, ordinal), then its incident.
        var row = await connection.QuerySingleOrDefaultAsync<IncidentRow>(Logged(
            $"SELECT {IncidentSummaryColumns} FROM events e JOIN incident_reports r ON r.document_id = e.document_id AND r.ordinal = e.ordinal " +
            "JOIN incidents i ON i.id = r.incident_id WHERE e.id = @eventId", new { eventId }, cancellationToken)).ConfigureAwait(false);
        return row?.ToSummary();
    }

    /// <summary>
    /// The events' filters over incidents. Those an incident has values for (dates, country, type, status, fatalities,
    /// map area) test the incident's own reconciled values, the columns of the incidents table having the events'
    /// names; those it has not (words of the article, actor, document, relevance) keep the incidents with a report
    /// that matches, as /api/incidents does.
    /// </summary>
    private (string Where, DynamicParameters Parameters) IncidentAggregateFilter(EventFilter filter)
    {
        var own = filter with { Text = null, Actor = null, DocumentId = null, MinRelevance = null };
        var byReports = new EventFilter(Text: filter.Text, Actor: filter.Actor, DocumentId: filter.DocumentId, MinRelevance: filter.MinRelevance);
        var (where, parameters) = BuildFilter(own);
        if (byReports != EventFilter.All)
        {
            // Inside the subquery "e" is the events table (the inner alias hides the outer one); the parameter names of the two halves differ.
            var (reportWhere, reportParameters) = BuildFilter(byReports);
            where += " AND e.id IN (SELECT r.incident_id FROM incident_reports r JOIN events e ON e.document_id = r.document_id AND e.ordinal = r.ordinal WHERE " + reportWhere + ")";
            parameters.AddDynamicParams(reportParameters);
        }
        return (where, parameters);
    }

    private sealed class IncidentCellRow
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
        public string FirstId { get; set; } = "";

        public CellRow AsCellRow() => new()
        {
            Gx = Gx, Gy = Gy, EventType = EventType, Events = Events, LatSum = LatSum, LonSum = LonSum,
            South = South, North = North, West = West, East = East, Fatalities = Fatalities,
        };
    }
}
