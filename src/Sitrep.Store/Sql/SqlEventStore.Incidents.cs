using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using Sitrep.Incidents;
using Sitrep.Output;
using Sitrep.Store.Model;

namespace Sitrep.Store.Sql;

/// <summary>
/// Stored incidents (migration 8): the events of all stored documents fused as <c>sitrep incidents</c> fuses them
/// (docs/INCIDENTS.md, "In the store"). Assignment recomputes the incidents the new events can affect, and only
/// those: the documents whose events' dates reach the new events' dates, closed over every chain of such reaches.
/// The fusion only ever compares reports whose date ranges overlap (a statement looks 3 days back, a range longer
/// than 31 days matches nothing), so a set closed that way fuses the same on its own as within the whole store:
/// the stored incidents equal those of <c>sitrep incidents</c> on the same documents, whatever the ingest order
/// or batch size.
/// </summary>
public abstract partial class SqlEventStore
{
    private const string IncidentSummaryColumns = """
        i.id AS Id, i.event_type AS EventType, i.sub_event_type AS SubEventType, i.status AS Status,
        i.date_start AS DateStart, i.date_end AS DateEnd, i.date_precision AS DatePrecision,
        i.location_name AS Location, i.country AS Country, i.admin1 AS Admin1, i.lat AS Lat, i.lon AS Lon,
        i.fatalities_low AS FatalitiesLow, i.fatalities_best AS FatalitiesBest, i.fatalities_high AS FatalitiesHigh,
        i.reports AS Reports, i.documents AS Documents, i.first_report AS FirstReport, i.last_report AS LastReport, i.about AS About
        """;

    private protected static readonly string[] IncidentColumns =
    [
        "id", "event_type", "sub_event_type", "status", "date_start", "date_end", "date_precision", "location_name", "country", "admin1",
        "lat", "lon", "fatalities_low", "fatalities_best", "fatalities_high", "reports", "documents", "first_report", "last_report", "about",
    ];

    private protected static readonly string[] IncidentReportColumns = ["document_id", "ordinal", "incident_id"];

    /// <summary>Ids per statement: SQLite allows a bounded number of parameters.</summary>
    private const int IdChunk = 500;

    /// <summary>Incidents written at a time at assignment (their rows are held until then).</summary>
    private const int IncidentWriteChunk = 2000;

    /// <summary>
    /// Assigns every stored event that has no incident yet (those of the batches stored since the last call) to its
    /// incident, recomputing the stored incidents it may change. Idempotent: with nothing new it does nothing.
    /// </summary>
    public async Task<IncidentAssignment> AssignIncidentsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenForWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Taking the write lock first (a no-op update of the store's one state row) makes assignments run one at a
        // time on both databases, each seeing what the one before wrote.
        await connection.ExecuteAsync(new CommandDefinition("UPDATE store_state SET version = version WHERE id = 1", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var pending = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT DISTINCT e.document_id FROM events e WHERE NOT EXISTS " +
            "(SELECT 1 FROM incident_reports r WHERE r.document_id = e.document_id AND r.ordinal = e.ordinal)",
            transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        if (pending.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return default;
        }
        var affected = await AffectedDocumentsAsync(connection, transaction, pending, cancellationToken).ConfigureAwait(false);
        var ordered = await InTimeOrderAsync(connection, transaction, affected, cancellationToken).ConfigureAwait(false);
        var incidents = await FuseAsync(connection, transaction, ordered, cancellationToken).ConfigureAwait(false);
        await BumpVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new IncidentAssignment(ordered.Length, incidents);
    }

    /// <summary>
    /// The documents in the order the windowed fusion reads them without any coming late: by their place in time
    /// (<see cref="DocumentTime"/>, from the stored dates alone), then by storage order; those with no date at all
    /// last. Storage order breaks ties so that of two stored documents with one id (revisions of an article) the
    /// fusion keeps the same one however the batches came.
    /// </summary>
    private async Task<long[]> InTimeOrderAsync(DbConnection connection, DbTransaction transaction, HashSet<long> documents, CancellationToken cancellationToken)
    {
        var times = new List<(int Time, long Id)>(documents.Count);
        foreach (var chunk in documents.Order().Chunk(IdChunk))
        {
            var ids = new DynamicParameters();
            var names = Parameters(ids, "d", chunk);
            var rows = await connection.QueryAsync<DatedRow>(new CommandDefinition(
                "SELECT d.id AS Id, d.published AS Published, e.date_start AS DateStart, e.date_end AS DateEnd " +
                $"FROM documents d LEFT JOIN events e ON e.document_id = d.id WHERE d.id IN ({names})",
                ids, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var document in rows.GroupBy(r => r.Id))
            {
                var time = DocumentTime.Of(document.First().Published, document.Select(r => (r.DateStart, r.DateEnd)));
                times.Add((time ?? int.MaxValue, document.Key));
            }
        }
        times.Sort();
        return [.. times.Select(t => t.Id)];
    }

    /// <summary>
    /// Fuses the documents (in time order) as <c>sitrep incidents</c> does, with its window: each incident is built and
    /// written as soon as no later document can join it, so only the events of about three windows of news are held,
    /// whatever the number of documents. Returns how many incidents the documents make.
    /// </summary>
    private async Task<int> FuseAsync(DbConnection connection, DbTransaction transaction, long[] ordered, CancellationToken cancellationToken)
    {
        // holdEvents 0: nothing is gained by holding more when no document comes late (the order above), and the result is the same.
        var fusion = new WindowedIncidentFusion(holdEvents: 0, inReportOrder: false);
        var writer = new IncidentRowWriter(this, connection, transaction);
        var copies = new StoredCopies(await DuplicatedDocumentKeysAsync(connection, transaction, cancellationToken).ConfigureAwait(false));
        foreach (var chunk in ordered.Chunk(IdChunk))
        {
            // Decoding runs on every core; overlapping it with the fusion of the chunk before cost more CPU than it saved (measured).
            var records = await LoadRecordsAsync(connection, transaction, chunk, cancellationToken).ConfigureAwait(false);
            foreach (var id in chunk)
            {
                var (info, events) = records[id];
                var fused = new List<EventRecord>(events.Length);
                for (var i = 0; i < events.Length; i++)
                {
                    // A document id stored twice reports each of its events once: the first copy read is fused.
                    if (copies.IsFirst(info.Id, events[i].Id, (id, i)) && writer.Locate((info.Id, events[i].Id), (id, i))) fused.Add(events[i]);
                }
                await writer.WriteAsync(fusion.Add(new DocumentResult(info, [.. fused], null, [])), cancellationToken).ConfigureAwait(false);
            }
        }
        await writer.WriteAsync(fusion.Complete(), cancellationToken).ConfigureAwait(false);
        if (fusion.LateDocuments > 0) throw new StoreException($"incident assignment read {fusion.LateDocuments} documents out of time order; nothing was changed");
        await writer.CompleteAsync(copies, cancellationToken).ConfigureAwait(false);
        return writer.Incidents;
    }

    /// <summary>Document ids (<c>doc_key</c>) stored more than once: revisions of an article, whose events must be fused once.</summary>
    private static async Task<HashSet<string>> DuplicatedDocumentKeysAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        new(await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT doc_key FROM documents GROUP BY doc_key HAVING COUNT(*) > 1", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false), StringComparer.Ordinal);

    /// <summary>Stores built incidents' summary rows (<see cref="IncidentColumns"/> order) and their reports.</summary>
    private protected virtual async Task WriteIncidentRowsAsync(
        DbConnection connection, DbTransaction transaction, List<object?[]> incidents, List<(long DocumentId, int Ordinal, string IncidentId)> reports, CancellationToken cancellationToken)
    {
        await using var insertIncident = CreateInsert(connection, transaction, "incidents", IncidentColumns);
        foreach (var values in incidents)
        {
            insertIncident.Set(values);
            await insertIncident.InsertAsync(cancellationToken).ConfigureAwait(false);
        }
        await using var insertReport = CreateInsert(connection, transaction, "incident_reports", IncidentReportColumns);
        foreach (var (documentId, ordinal, incidentId) in reports)
        {
            insertReport.Set(documentId, ordinal, incidentId);
            await insertReport.InsertAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The pending documents and every stored document their incidents may depend on: those with an event whose
    /// date reach overlaps the reach of an event already in the set, and the documents of every stored incident
    /// any of them reports, repeated until nothing is added.
    /// </summary>
    private async Task<HashSet<long>> AffectedDocumentsAsync(DbConnection connection, DbTransaction transaction, List<long> pending, CancellationToken cancellationToken)
    {
        var affected = new HashSet<long>(pending);
        var frontier = pending.ToArray();
        var covered = new DateReach();
        while (frontier.Length > 0)
        {
            var reaches = new DateReach();
            var found = new HashSet<long>();
            foreach (var chunk in frontier.Chunk(IdChunk))
            {
                var ids = new DynamicParameters();
                var names = Parameters(ids, "d", chunk);
                foreach (var row in await connection.QueryAsync<ReachRow>(new CommandDefinition(
                    $"SELECT document_id AS DocumentId, event_type AS EventType, status AS Status, date_start AS DateStart, date_end AS DateEnd FROM events WHERE document_id IN ({names})",
                    ids, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
                {
                    if (row.Reach() is { } reach && !covered.Covers(reach)) reaches.Add(reach);
                }
                // The documents of the stored incidents these documents report: those incidents are rebuilt whole.
                foreach (var document in await connection.QueryAsync<long>(new CommandDefinition(
                    $"SELECT DISTINCT o.document_id FROM incident_reports r JOIN incident_reports o ON o.incident_id = r.incident_id WHERE r.document_id IN ({names})",
                    ids, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
                {
                    found.Add(document);
                }
            }
            foreach (var (from, to) in reaches.Merged())
            {
                covered.Add((from, to));
                // Any current event whose range may reach [from, to]: a statement's reach starts 3 days before it, and an
                // event that ends on or after `from` and reaches anything spans fewer than 31 days, so it starts after
                // `from` - 31 (the bound keeps the index scan to the range instead of every earlier event).
                // Unbuffered: on a dense store the range is every event, read once and not held.
                var rows = connection.QueryUnbufferedAsync<ReachRow>(
                    "SELECT document_id AS DocumentId, event_type AS EventType, status AS Status, date_start AS DateStart, date_end AS DateEnd " +
                    "FROM events WHERE status = 'current' AND date_start >= @lower AND date_start <= @to AND date_end >= @from",
                    new { lower = Day(from.AddDays(-IncidentFusion.MaxComparedDays)), from = Day(from), to = Day(to.AddDays(IncidentFusion.StatementDaysBefore)) },
                    transaction);
                await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    if (row.Reach() is { } reach && reach.From <= to && from <= reach.To) found.Add(row.DocumentId);
                }
            }
            frontier = [.. found.Where(affected.Add)];
        }
        return affected;
    }

    public async Task<IncidentPage> QueryIncidentsAsync(IncidentQuery query, CancellationToken cancellationToken = default)
    {
        var limit = Math.Clamp(query.Limit, 1, IncidentQuery.MaxLimit);
        var offset = Math.Max(0, query.Offset);
        var (where, parameters) = IncidentFilter(query);
        parameters.Add("limit", limit);
        parameters.Add("offset", offset);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var total = await connection.ExecuteScalarAsync<long>(Logged($"SELECT COUNT(*) FROM incidents i WHERE {where}", parameters, cancellationToken)).ConfigureAwait(false);
        var rows = await connection.QueryAsync<IncidentRow>(Logged(
            $"SELECT {IncidentSummaryColumns} FROM incidents i WHERE {where} ORDER BY i.date_start DESC, i.id LIMIT @limit OFFSET @offset", parameters, cancellationToken)).ConfigureAwait(false);
        return new IncidentPage(total, offset, limit, [.. rows.Select(r => r.ToSummary())]);
    }

    public async Task<IncidentDetail?> GetIncidentAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var built = await BuildStoredAsync(connection, [id], cancellationToken).ConfigureAwait(false);
        return built.Count == 0 ? null : built[0];
    }

    /// <summary>The stored incidents matching the query (every page), in the order of their earliest report, as <c>sitrep incidents</c> lists them.</summary>
    public async IAsyncEnumerable<Incident> ExportIncidentsAsync(IncidentQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (where, parameters) = IncidentFilter(query);
        List<string> ids;
        await using (var connection = await OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            ids = [.. await connection.QueryAsync<string>(Logged($"SELECT i.id FROM incidents i WHERE {where}", parameters, cancellationToken)).ConfigureAwait(false)];
        }
        var incidents = new List<Incident>(ids.Count);
        foreach (var chunk in ids.Chunk(IdChunk))
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            incidents.AddRange((await BuildStoredAsync(connection, chunk, cancellationToken).ConfigureAwait(false)).Select(d => d.Incident));
        }
        // The order of sitrep incidents: earliest report (publication, document id, event id) first.
        incidents.Sort(static (a, b) => CompareEarliest(a.Reports[0], b.Reports[0]));
        foreach (var incident in incidents) yield return incident;
    }

    /// <summary>
    /// Stored incidents with their records built again from their reports' events (a store keeps which reports make an
    /// incident, not its record: every claim is stored once, in its document's body). Of two stored copies of one
    /// document id, the first reports, as in the fusion. Incidents not stored are left out.
    /// </summary>
    private async Task<List<IncidentDetail>> BuildStoredAsync(DbConnection connection, string[] ids, CancellationToken cancellationToken)
    {
        var names = new DynamicParameters();
        var list = Parameters(names, "i", ids);
        var rows = (await connection.QueryAsync<StoredReportRow>(Logged(
            "SELECT i.id AS IncidentId, i.about AS About, r.document_id AS DocumentId, r.ordinal AS Ordinal, e.id AS EventId FROM incidents i " +
            "JOIN incident_reports r ON r.incident_id = i.id JOIN events e ON e.document_id = r.document_id AND e.ordinal = r.ordinal " +
            $"WHERE i.id IN ({list})", names, cancellationToken)).ConfigureAwait(false)).ToList();
        var records = await LoadRecordsAsync(connection, null, [.. rows.Select(r => r.DocumentId).Distinct()], cancellationToken).ConfigureAwait(false);
        var built = new List<IncidentDetail>(ids.Length);
        foreach (var incident in rows.GroupBy(r => r.IncidentId, StringComparer.Ordinal))
        {
            var kept = new Dictionary<(string Document, string Event), (StoredReportRow Row, EventRecord Record)>();
            foreach (var row in incident.OrderBy(r => r.DocumentId).ThenBy(r => r.Ordinal))
            {
                var document = records[row.DocumentId];
                if (row.Ordinal >= document.Events.Length) throw new StoreException($"stored incident {incident.Key}: document {row.DocumentId} has no event {row.Ordinal}");
                var record = document.Events[(int)row.Ordinal];
                kept.TryAdd((document.Info.Id, record.Id), (row, record));
            }
            var group = new IncidentGroup(incident.Key, [.. kept.Keys.Select(k => new ReportKey(k.Document, k.Event))], incident.First().About);
            var rebuilt = IncidentFusion.Build(group, kept.Values.Select(k => (records[k.Row.DocumentId].Info, k.Record)));
            var events = rebuilt.Reports.Select(r => new StoredIncidentReport(kept[(r.Document, r.Event)].Row.EventId, kept[(r.Document, r.Event)].Row.DocumentId, r.Document, r.Event));
            built.Add(new IncidentDetail(rebuilt, [.. events]));
        }
        return built;
    }

    /// <summary>
    /// The document information and event records of stored documents, by document id (read in chunks, decoded on
    /// every core; the text is skipped, since only the records are read).
    /// </summary>
    private async Task<Dictionary<long, (DocumentInfo Info, EventRecord[] Events)>> LoadRecordsAsync(
        DbConnection connection, DbTransaction? transaction, long[] documentIds, CancellationToken cancellationToken)
    {
        var records = new Dictionary<long, (DocumentInfo, EventRecord[])>(documentIds.Length);
        foreach (var chunk in documentIds.Chunk(IdChunk))
        {
            var rows = (await LoadDocumentsAsync(connection, transaction, chunk, cancellationToken).ConfigureAwait(false)).ToArray();
            var events = new EventRecord[rows.Length][];
            Parallel.For(0, rows.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => events[i] = DocumentBody.DecodeEvents(rows[i].Body));
            for (var i = 0; i < rows.Length; i++) records[rows[i].Id] = (rows[i].ToInfo(), events[i]);
        }
        return records;
    }

    private static int CompareEarliest(IncidentReport a, IncidentReport b)
    {
        var order = string.CompareOrdinal(a.Published, b.Published);
        if (order == 0) order = string.CompareOrdinal(a.Document, b.Document);
        return order != 0 ? order : string.CompareOrdinal(a.Event, b.Event);
    }

    /// <summary>An incident matches when one of its reports matches the events' filter, and it has enough reports.</summary>
    private (string Where, DynamicParameters Parameters) IncidentFilter(IncidentQuery query)
    {
        var (eventWhere, parameters) = BuildFilter(query.Filter);
        var where = "i.reports >= @minReports";
        parameters.Add("minReports", Math.Max(1, query.MinReports));
        if (eventWhere != "1 = 1")
        {
            where += " AND i.id IN (SELECT r.incident_id FROM incident_reports r JOIN events e ON e.document_id = r.document_id AND e.ordinal = r.ordinal WHERE " + eventWhere + ")";
        }
        return (where, parameters);
    }

    private static object?[] IncidentValues(Incident incident)
    {
        var location = incident.Location;
        return
        [
            incident.Id, incident.EventType, incident.SubEventType, incident.Status, incident.Date?.Start, incident.Date?.End, incident.Date?.Precision,
            location?.Name, location?.Country?.ToUpperInvariant(), location?.Admin1, location?.Lat, location?.Lon,
            incident.Fatalities?.Low, incident.Fatalities?.Best, incident.Fatalities?.High,
            incident.Reports.Length, incident.Reports.Select(r => r.Document).Distinct(StringComparer.Ordinal).Count(),
            incident.FirstReport, incident.LastReport, incident.About,
        ];
    }

    /// <summary>
    /// The values as what <c>IN (...)</c> reads: one named parameter each here; SQLite overrides it, since it binds a
    /// named parameter by searching the statement's list, which makes 500 of them cost 250,000 comparisons.
    /// </summary>
    private protected virtual string Parameters<T>(DynamicParameters parameters, string prefix, T[] values)
    {
        var names = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            names[i] = "@" + prefix + i.ToString(CultureInfo.InvariantCulture);
            parameters.Add(names[i], values[i]);
        }
        return string.Join(", ", names);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Date ranges, merged where they overlap or touch.</summary>
    private sealed class DateReach
    {
        private readonly List<(DateOnly From, DateOnly To)> _ranges = [];

        public void Add((DateOnly From, DateOnly To) range) => _ranges.Add(range);

        public bool Covers((DateOnly From, DateOnly To) range) => _ranges.Any(r => r.From <= range.From && range.To <= r.To);

        public IEnumerable<(DateOnly From, DateOnly To)> Merged()
        {
            (DateOnly From, DateOnly To)? open = null;
            foreach (var range in _ranges.OrderBy(r => r.From))
            {
                if (open is { } current && range.From <= current.To.AddDays(1)) open = (current.From, range.To > current.To ? range.To : current.To);
                else
                {
                    if (open is { } done) yield return done;
                    open = range;
                }
            }
            if (open is { } last) yield return last;
        }
    }

    private sealed class ReachRow
    {
        public long DocumentId { get; set; }
        public string EventType { get; set; } = "";
        public string Status { get; set; } = "";
        public string? DateStart { get; set; }
        public string? DateEnd { get; set; }

        /// <summary>
        /// The days an event can be compared over: its own range for a current event of at most 31 days (a longer
        /// one matches nothing), from 3 days earlier for a statement (it may be about an event of those days);
        /// null for an event that joins nothing (not current, undated).
        /// </summary>
        public (DateOnly From, DateOnly To)? Reach()
        {
            if (Status != "current" || !DateOnly.TryParseExact(DateStart, "yyyy-MM-dd", out var from) || !DateOnly.TryParseExact(DateEnd, "yyyy-MM-dd", out var to) || to < from) return null;
            if (EventType == "Statements") return (from.AddDays(-IncidentFusion.StatementDaysBefore), to);
            return to.DayNumber - from.DayNumber < IncidentFusion.MaxComparedDays ? (from, to) : null;
        }
    }

    private sealed class StoredReportRow
    {
        public string IncidentId { get; set; } = "";
        public string? About { get; set; }
        public long DocumentId { get; set; }
        public long Ordinal { get; set; }
        public long EventId { get; set; }
    }

    private sealed class DatedRow
    {
        public long Id { get; set; }
        public string? Published { get; set; }
        public string? DateStart { get; set; }
        public string? DateEnd { get; set; }
    }

    private sealed class IncidentRow
    {
        public string Id { get; set; } = "";
        public string EventType { get; set; } = "";
        public string? SubEventType { get; set; }
        public string Status { get; set; } = "";
        public string? DateStart { get; set; }
        public string? DateEnd { get; set; }
        public string? DatePrecision { get; set; }
        public string? Location { get; set; }
        public string? Country { get; set; }
        public string? Admin1 { get; set; }
        public double? Lat { get; set; }
        public double? Lon { get; set; }
        public long? FatalitiesLow { get; set; }
        public long? FatalitiesBest { get; set; }
        public long? FatalitiesHigh { get; set; }
        public long Reports { get; set; }
        public long Documents { get; set; }
        public string? FirstReport { get; set; }
        public string? LastReport { get; set; }
        public string? About { get; set; }

        public IncidentSummary ToSummary() => new(
            Id, EventType, SubEventType, Status, DateStart, DateEnd, DatePrecision, Location, Country, Admin1, Lat, Lon,
            FatalitiesLow, FatalitiesBest, FatalitiesHigh, (int)Reports, (int)Documents, FirstReport, LastReport, About);
    }
}
