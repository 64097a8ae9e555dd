using System.Collections.Frozen;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Dapper;
using Sitrep.Documents;
using Sitrep.Output;
using Sitrep.Store.Model;

namespace Sitrep.Store.Sql;

/// <summary>The read path shared by both databases: filters, pages, details, statistics and exports.</summary>
public abstract partial class SqlEventStore
{
    private const string SummaryColumns = """
        e.id AS Id, e.document_id AS DocumentId, d.doc_key AS DocumentKey, d.title AS Title, d.published AS Published,
        e.local_id AS LocalId, e.event_type AS EventType, e.sub_event_type AS SubEventType, e.status AS Status,
        e.date_start AS DateStart, e.date_end AS DateEnd, e.date_precision AS DatePrecision,
        e.location_name AS Location, e.country AS Country, e.admin1 AS Admin1, e.lat AS Lat, e.lon AS Lon,
        e.fatalities_low AS FatalitiesLow, e.fatalities_best AS FatalitiesBest, e.fatalities_high AS FatalitiesHigh,
        e.claim_count AS ClaimCount, e.confidence AS Confidence
        """;

    private const string PageColumns = """
        e.id, e.document_id, e.local_id, e.event_type, e.sub_event_type, e.status, e.date_start, e.date_end, e.date_precision,
        e.location_name, e.country, e.admin1, e.lat, e.lon, e.fatalities_low, e.fatalities_best, e.fatalities_high, e.claim_count, e.confidence
        """;

    private const int ExportPageSize = 1000;

    private const string DocumentColumnsRead =
        "id AS Id, content_hash AS ContentHash, doc_key AS DocKey, published AS Published, language AS Language, title AS Title, " +
        "source AS Source, url AS Url, body AS Body, warnings_json AS WarningsJson";

    /// <summary>The taxonomy's event types (CONTRACT.md); any other type filter names a sub-event type.</summary>
    private static readonly FrozenSet<string> EventTypes = new[]
    {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments", "Statements",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>When set (by tests), every read query is added to it with its parameters, to be checked with EXPLAIN.</summary>
    internal List<(string Sql, object? Parameters)>? QueryLog { get; set; }

    /// <summary>A connection for reading, as the read methods open them (for tests that look at query plans).</summary>
    internal Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken = default) => OpenAsync(cancellationToken);

    private CommandDefinition Logged(string sql, object? parameters, CancellationToken cancellationToken)
    {
        QueryLog?.Add((sql, parameters));
        return new CommandDefinition(sql, parameters, cancellationToken: cancellationToken);
    }

    private CommandDefinition Logged(string sql, CancellationToken cancellationToken) => Logged(sql, null, cancellationToken);

    public async Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        var limit = Math.Clamp(query.Limit, 1, EventQuery.MaxLimit);
        var offset = Math.Max(0, query.Offset);
        var (where, parameters) = BuildFilter(query.Filter);
        parameters.Add("limit", limit);
        parameters.Add("offset", offset);
        // The page's conditions: the filter, and past a cursor one or two ranges of the list's order (see AfterRanges).
        string[] pageWheres = [where];
        if (query.After is { } after)
        {
            pageWheres = [.. AfterRanges(after.DateStart is null).Select(range => $"{where} AND {range}")];
            parameters.Add("afterDate", after.DateStart);
            parameters.Add("afterId", after.Id);
        }
        // The count reads every matching index entry (at a million events, hundreds of milliseconds for a broad
        // filter), while the page reads its 25 rows: the count is computed once per store version, like statistics.
        var version = await GetVersionAsync(cancellationToken).ConfigureAwait(false);
        var total = await _counts.GetAsync(version, query.Filter, async () =>
        {
            // Its own parameters and connection: the computation may be shared with other requests.
            var (countWhere, countParameters) = BuildFilter(query.Filter);
            await using var counting = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
            return await counting.ExecuteScalarAsync<long>(
                Logged($"SELECT COUNT(*) FROM events e WHERE {countWhere}", countParameters, CancellationToken.None)).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // The count and the page's selection touch the events table (and its indexes) only; documents
        // are joined to the one page of rows that is returned.
        // Two ways to a page: walk the list's order (an index on date) and keep the rows that match, or take every
        // matching row by the filter's own index and sort them. Walking wins when matches are many; when they
        // are few, or gathered in another part of the order (a word found only in last year's articles), the walk
        // reads most of the index for its 25 rows (3 s at a million events). The count decides, since it is known.
        // Two ranges are read as two selections joined by UNION ALL, which the database merges in the list's order
        // (each walked on its own index), so that the walk still stops after the page's rows.
        string Matches(string columns) => string.Join(" UNION ALL ", pageWheres.Select(pageWhere => $"SELECT {columns} FROM events e WHERE {pageWhere}"));
        // Sorting keeps only each match's id and date; the page's rows are read again by id. A word's 2,000 matches
        // copied whole into the sort took three times as long as their ids and dates (SQLite, a million events).
        var selection = query.Filter != EventFilter.All && total <= SortMatchesBelow
            ? $"WITH m AS MATERIALIZED ({Matches("e.id, e.date_start")}) SELECT {PageColumns} FROM events e " +
              "WHERE e.id IN (SELECT id FROM m ORDER BY date_start DESC, id DESC LIMIT @limit OFFSET @offset)"
            : $"{Matches(PageColumns)} ORDER BY date_start DESC, id DESC LIMIT @limit OFFSET @offset";
        var rows = (await connection.QueryAsync<EventRow>(Logged(
            $"SELECT {SummaryColumns} FROM ({selection}) e JOIN documents d ON d.id = e.document_id " +
            "ORDER BY e.date_start DESC, e.id DESC", parameters, cancellationToken)).ConfigureAwait(false)).ToList();
        var next = rows.Count == limit ? new EventCursor(rows[^1].DateStart, rows[^1].Id).ToString() : null;
        return new EventPage(total, offset, limit, [.. rows.Select(r => r.ToSummary())]) { Next = next };
    }

    /// <summary>Whether the database puts a null date first in ascending order, below every date (SQLite), or last (PostgreSQL).</summary>
    private protected abstract bool NullsSortFirst { get; }

    /// <summary>
    /// The events after a cursor in the list's order (date_start DESC, id DESC), as ranges the date indexes can
    /// seek to. Events without a date come last on SQLite and first on PostgreSQL, as in the list. On SQLite a
    /// dated cursor is followed by two ranges: the older dated events, then every undated one. Written as one
    /// condition with OR, SQLite could not seek the index at all and walked from the newest event to the cursor
    /// (1.6 s for a cursor near the oldest of a million events); as two, each is one seek. On PostgreSQL an undated
    /// cursor's OR costs nothing: every dated event follows it, so the walk from the start keeps what it reads.
    /// </summary>
    private string[] AfterRanges(bool afterUndated) => (NullsSortFirst, afterUndated) switch
    {
        (true, false) => ["(e.date_start, e.id) < (@afterDate, @afterId)", "e.date_start IS NULL"],
        (true, true) => ["(e.date_start IS NULL AND e.id < @afterId)"],
        (false, false) => ["(e.date_start, e.id) < (@afterDate, @afterId)"],
        (false, true) => ["(e.date_start IS NOT NULL OR e.id < @afterId)"],
    };

    public async Task<EventDetail?> GetEventAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<EventRow>(Logged(
            $"SELECT {SummaryColumns}, e.ordinal AS Ordinal, d.body AS Body, d.language AS Language, d.source AS Source, d.url AS Url " +
            "FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = @id", new { id }, cancellationToken)).ConfigureAwait(false);
        if (row is null) return null;
        var record = DocumentBody.Decode(row.Body!).Events[row.Ordinal];
        var document = new DocumentInfo(row.DocumentKey, row.Published, row.Language ?? "und", row.Title, row.Source, row.Url);
        return new EventDetail(row.ToSummary(), record, document, PairContradictions(record));
    }

    public async Task<DocumentDetail?> GetDocumentAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var document = await connection.QuerySingleOrDefaultAsync<DocumentRow>(Logged(
            $"SELECT {DocumentColumnsRead} FROM documents WHERE id = @id", new { id }, cancellationToken)).ConfigureAwait(false);
        if (document is null) return null;
        var body = DocumentBody.Decode(document.Body);
        var mentions = await connection.QueryAsync<SpanRow>(Logged(
            "SELECT kind AS Kind, span_start AS SpanStart, span_end AS SpanEnd, label AS Label, event_id AS EventId " +
            "FROM evidence_spans WHERE document_id = @id ORDER BY id", new { id }, cancellationToken)).ConfigureAwait(false);
        var events = (await connection.QueryAsync<EventRow>(Logged(
            $"SELECT {SummaryColumns}, e.ordinal AS Ordinal FROM events e JOIN documents d ON d.id = e.document_id WHERE e.document_id = @id ORDER BY e.id",
            new { id }, cancellationToken)).ConfigureAwait(false)).ToList();
        var eventIds = events.ToDictionary(e => e.Ordinal, e => e.Id);
        // The events' spans first, in the order they were always listed, then the stored mentions; a stable
        // sort by position keeps that order among equal spans.
        var spans = SpanCollector.Events(body.Events, body.Text.Length)
            .Select(s => new StoredSpan(s.Kind, s.Start, s.End, s.Label, eventIds.TryGetValue(s.EventIndex, out var eventId) ? eventId : null))
            .Concat(mentions.Select(s => new StoredSpan(s.Kind, (int)s.SpanStart, (int)s.SpanEnd, s.Label, s.EventId)))
            .OrderBy(s => s.Start).ThenByDescending(s => s.End);
        return new DocumentDetail(
            document.Id, document.ToInfo(), document.ContentHash, body.Text,
            JsonSerializer.Deserialize<string[]>(document.WarningsJson, StoreJson.Options) ?? [],
            [.. spans], [.. events.Select(e => e.ToSummary())]);
    }

    /// <summary>Up to this many matching events, a page is chosen by sorting the matches rather than by walking the date order.</summary>
    private const long SortMatchesBelow = 5_000;

    /// <summary>The number of events a filter matches, computed once per store version.</summary>
    private readonly VersionedMemo<EventFilter, long> _counts = new(capacity: 1024);

    /// <summary>Statistics of one filter, computed once per store version (see <see cref="VersionedMemo{TKey, TValue}"/>).</summary>
    private readonly VersionedMemo<EventFilter, FatalityStats> _stats = new(capacity: 256);

    public async Task<FatalityStats> GetStatsAsync(EventFilter filter, CancellationToken cancellationToken = default)
    {
        var version = await GetVersionAsync(cancellationToken).ConfigureAwait(false);
        return await _stats.GetAsync(version, filter, () => ComputeStatsAsync(filter, CancellationToken.None), cancellationToken).ConfigureAwait(false);
    }

    private async Task<FatalityStats> ComputeStatsAsync(EventFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = BuildFilter(filter);
        // A missing bound falls back on the figure that is known (an open "at least 27" counts 27 as its high),
        // so that a sum's high is never below its low.
        const string Sums = "COUNT(*) AS Events, COALESCE(SUM(e.fatalities_low), 0) AS Low, " +
            "COALESCE(SUM(COALESCE(e.fatalities_best, e.fatalities_low)), 0) AS Best, " +
            "COALESCE(SUM(COALESCE(e.fatalities_high, e.fatalities_best, e.fatalities_low)), 0) AS High";
        var from = $"FROM events e WHERE {where} AND e.status = 'current'";
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var allEvents = await connection.ExecuteScalarAsync<long>(Logged(
            $"SELECT COUNT(*) FROM events e WHERE {where}", parameters, cancellationToken)).ConfigureAwait(false);
        var documents = await connection.ExecuteScalarAsync<long>(Logged(
            $"SELECT COUNT(DISTINCT e.document_id) FROM events e WHERE {where}", parameters, cancellationToken)).ConfigureAwait(false);
        var total = await connection.QuerySingleAsync<BucketRow>(Logged(
            $"SELECT 'all' AS Key, {Sums} {from}", parameters, cancellationToken)).ConfigureAwait(false);
        var byDay = await connection.QueryAsync<BucketRow>(Logged(
            $"SELECT e.date_start AS Key, {Sums} {from} AND e.date_start IS NOT NULL GROUP BY e.date_start ORDER BY e.date_start", parameters, cancellationToken)).ConfigureAwait(false);
        var byCountry = await connection.QueryAsync<BucketRow>(Logged(
            $"SELECT COALESCE(e.country, 'unknown') AS Key, {Sums} {from} GROUP BY COALESCE(e.country, 'unknown') ORDER BY Best DESC, Key", parameters, cancellationToken)).ConfigureAwait(false);
        // By side: the current killed claims, each with its own bounds (an open bound falls back on the figure it has).
        var bySide = await connection.QueryAsync<BucketRow>(Logged(
            "SELECT k.side AS Key, COUNT(DISTINCT e.id) AS Events, COALESCE(SUM(k.low), 0) AS Low, COALESCE(SUM(k.best), 0) AS Best, COALESCE(SUM(k.high), 0) AS High " +
            $"FROM event_kills k JOIN events e ON e.document_id = k.document_id AND e.ordinal = k.ordinal WHERE {where} AND e.status = 'current' " +
            "GROUP BY k.side ORDER BY Best DESC, Key", parameters, cancellationToken)).ConfigureAwait(false);
        return new FatalityStats(
            allEvents, documents, total.ToBucket(),
            [.. byDay.Select(b => b.ToBucket())], [.. byCountry.Select(b => b.ToBucket())], [.. bySide.Select(b => b.ToBucket())]);
    }

    public async IAsyncEnumerable<ExportedDocument> ExportAsync(EventFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (where, parameters) = BuildFilter(filter);
        long lastDocument = -1;
        long lastEvent = -1;
        ExportedDocumentBuilder? pending = null;
        while (true)
        {
            parameters.Add("lastDocument", lastDocument);
            parameters.Add("lastEvent", lastEvent);
            parameters.Add("pageSize", ExportPageSize);
            List<ExportRow> page;
            Dictionary<long, DocumentRow> documents;
            // One connection per page: a long export never holds a read transaction for its whole length.
            await using (var connection = await OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                page = [.. await connection.QueryAsync<ExportRow>(Logged(
                    "SELECT e.id AS Id, e.document_id AS DocumentId, e.ordinal AS Ordinal FROM events e " +
                    $"WHERE {where} AND (e.document_id > @lastDocument OR (e.document_id = @lastDocument AND e.id > @lastEvent)) " +
                    "ORDER BY e.document_id, e.id LIMIT @pageSize", parameters, cancellationToken)).ConfigureAwait(false)];
                var ids = page.Select(r => r.DocumentId).Distinct().ToArray();
                documents = ids.Length == 0 ? [] : (await LoadDocumentsAsync(connection, null, ids, cancellationToken).ConfigureAwait(false)).ToDictionary(d => d.Id);
            }
            foreach (var row in page)
            {
                if (pending is not null && pending.Id != row.DocumentId)
                {
                    yield return pending.Build();
                    pending = null;
                }
                pending ??= new ExportedDocumentBuilder(documents[row.DocumentId]);
                pending.Events.Add(pending.Body.Events[row.Ordinal]);
                lastDocument = row.DocumentId;
                lastEvent = row.Id;
            }
            if (page.Count < ExportPageSize) break;
        }
        if (pending is not null) yield return pending.Build();
    }

    public async Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleAsync<StoreCounts>(Logged(
            "SELECT (SELECT COUNT(*) FROM documents) AS Documents, (SELECT COUNT(*) FROM events) AS Events, " +
            "(SELECT COUNT(*) FROM event_kills) AS KilledFigures, (SELECT COUNT(*) FROM evidence_spans) AS MentionSpans",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The dialect's condition that an event's document (e.document_id) contains the words of @text.</summary>
    private protected abstract string TextCondition { get; }

    /// <summary>Turns the user's words into the dialect's search query, or null when nothing searchable is left.</summary>
    private protected abstract string? PrepareTextQuery(string text);

    private async Task<IEnumerable<DocumentRow>> LoadDocumentsAsync(DbConnection connection, DbTransaction? transaction, long[] ids, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var names = Parameters(parameters, "d", ids);
        return await connection.QueryAsync<DocumentRow>(new CommandDefinition(
            $"SELECT {DocumentColumnsRead} FROM documents WHERE id IN ({names})", parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private (string Where, DynamicParameters Parameters) BuildFilter(EventFilter filter)
    {
        var conditions = new List<string> { "1 = 1" };
        var parameters = new DynamicParameters();
        if (!string.IsNullOrWhiteSpace(filter.From))
        {
            var from = filter.From.Trim();
            conditions.Add("e.date_end >= @from");
            parameters.Add("from", from);
            // A date range spans at most a year (the coarsest precision), so no event that starts more than a
            // year before @from can reach it: this bound lets the date index skip the older events.
            if (PartialDate.TryParse(from, out var start))
            {
                conditions.Add("e.date_start >= @fromYearBefore");
                parameters.Add("fromYearBefore", start.Value.First.AddDays(-366).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        if (!string.IsNullOrWhiteSpace(filter.To))
        {
            conditions.Add("e.date_start <= @to");
            parameters.Add("to", EndOfPrefix(filter.To.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            conditions.Add("e.country = @country");
            parameters.Add("country", filter.Country.Trim().ToUpperInvariant());
        }
        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            // One column, so that its index is used: a type of the taxonomy, or else a sub-event type.
            var type = filter.Type.Trim();
            conditions.Add(EventTypes.Contains(type) ? "e.event_type = @type" : "e.sub_event_type = @type");
            parameters.Add("type", type);
        }
        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            conditions.Add("e.status = @status");
            parameters.Add("status", filter.Status.Trim());
        }
        if (filter.DocumentId is { } documentId)
        {
            conditions.Add("e.document_id = @documentId");
            parameters.Add("documentId", documentId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            // Words with nothing searchable in them match nothing, rather than everything.
            var query = PrepareTextQuery(filter.Text);
            conditions.Add(query is null ? "1 = 0" : TextCondition);
            if (query is not null) parameters.Add("text", query);
        }
        AddArgumentConditions(filter, conditions, parameters);
        return (string.Join(" AND ", conditions), parameters);
    }

    /// <summary>"2020-09" as an upper bound means through the month's end; ISO strings compare in date order.</summary>
    private static string EndOfPrefix(string to) => to.Length switch
    {
        4 => to + "-12-31",
        7 => to + "-31",
        _ => to,
    };

    private static List<Contradiction> PairContradictions(EventRecord record)
    {
        var pairs = new List<Contradiction>();
        if (record.Claims.IsDefaultOrEmpty) return pairs;
        var byId = record.Claims.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var claim in record.Claims)
        {
            if (claim.Contradicts.IsDefaultOrEmpty) continue;
            foreach (var other in claim.Contradicts)
            {
                if (!byId.TryGetValue(other, out var opposite)) continue;
                var key = string.CompareOrdinal(claim.Id, other) < 0 ? (claim.Id, other) : (other, claim.Id);
                if (seen.Add(key)) pairs.Add(new Contradiction(claim, opposite));
            }
        }
        return pairs;
    }

    private sealed class ExportedDocumentBuilder(DocumentRow document)
    {
        public long Id => document.Id;

        /// <summary>The document's text and every record; the export keeps those of the events that match.</summary>
        public DocumentBody.Contents Body { get; } = DocumentBody.Decode(document.Body);

        public List<EventRecord> Events { get; } = [];

        public ExportedDocument Build()
        {
            var warnings = JsonSerializer.Deserialize<string[]>(document.WarningsJson, StoreJson.Options) ?? [];
            return new ExportedDocument(document.Id, new DocumentResult(document.ToInfo(), [.. Events], null, [.. warnings]), Body.Text);
        }
    }
}
