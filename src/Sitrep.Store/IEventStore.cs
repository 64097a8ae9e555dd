using Sitrep.Store.Model;

namespace Sitrep.Store;

/// <summary>
/// Where extracted documents live: SQLite for one user, PostgreSQL for a team, the same schema and
/// the same answers. Writes are idempotent by content hash and atomic per batch, so an interrupted
/// ingest resumes by simply running again. Implementations are safe to share across threads.
/// </summary>
public interface IEventStore : IAsyncDisposable
{
    /// <summary>What the store is, for messages ("SQLite /path/to.db").</summary>
    string Description { get; }

    /// <summary>Which of these content hashes are already stored (so known documents need no extraction).</summary>
    Task<IReadOnlySet<string>> FindStoredHashesAsync(IReadOnlyCollection<string> hashes, CancellationToken cancellationToken = default);

    /// <summary>Stores a batch in one transaction: all of it or none of it. Documents already present are skipped.</summary>
    Task<BatchOutcome> StoreBatchAsync(IReadOnlyList<ExtractedDocument> batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Does the CPU work of storing a document (compressing its body, deriving its rows), on the caller's thread and
    /// outside any transaction, so that a pipeline can prepare documents on every core while an earlier batch is written.
    /// </summary>
    PreparedDocument Prepare(ExtractedDocument document);

    /// <summary>Stores prepared documents in one transaction, like <see cref="StoreBatchAsync"/>.</summary>
    Task<BatchOutcome> StorePreparedBatchAsync(IReadOnlyList<PreparedDocument> batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Called before the first batch of a long load: the store may put off work that costs less done once at the end
    /// than row by row (SQLite drops the filter indexes of an empty <c>events</c> table; docs/STORE.md, "Bulk loads").
    /// True when it did: <see cref="EndBulkLoadAsync"/> must then follow the last batch.
    /// </summary>
    Task<bool> BeginBulkLoadAsync(CancellationToken cancellationToken = default);

    /// <summary>Does what <see cref="BeginBulkLoadAsync"/> put off (SQLite: builds the indexes); harmless when nothing was.</summary>
    Task EndBulkLoadAsync(CancellationToken cancellationToken = default);

    Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken = default);

    Task<EventDetail?> GetEventAsync(long id, CancellationToken cancellationToken = default);

    Task<DocumentDetail?> GetDocumentAsync(long id, CancellationToken cancellationToken = default);

    Task<FatalityStats> GetStatsAsync(EventFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Documents (in storage order) with those of their events that match, for the export formats.</summary>
    IAsyncEnumerable<ExportedDocument> ExportAsync(EventFilter filter, CancellationToken cancellationToken = default);

    Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Assigns the stored events that have no incident yet to their incidents (docs/INCIDENTS.md, "In the store"),
    /// so that the stored incidents are those of <c>sitrep incidents</c> on the stored documents. Ingest calls it after each batch.
    /// </summary>
    Task<IncidentAssignment> AssignIncidentsAsync(CancellationToken cancellationToken = default);

    Task<IncidentPage> QueryIncidentsAsync(IncidentQuery query, CancellationToken cancellationToken = default);

    Task<IncidentDetail?> GetIncidentAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The incident a stored event reports, or null (an unknown event, or one not assigned yet).</summary>
    Task<IncidentSummary?> GetIncidentOfEventAsync(long eventId, CancellationToken cancellationToken = default);

    /// <summary>Every stored incident matching the query, in the order <c>sitrep incidents</c> lists them.</summary>
    IAsyncEnumerable<Sitrep.Incidents.Incident> ExportIncidentsAsync(IncidentQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// A value that changes whenever something is stored (for HTTP ETags: an answer cached with it stays right
    /// until it changes), or null when the store cannot tell.
    /// </summary>
    Task<string?> GetVersionAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}
