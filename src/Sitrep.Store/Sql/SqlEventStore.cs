using System.Data.Common;

namespace Sitrep.Store.Sql;

/// <summary>
/// The store over any SQL database with the Sitrep schema. Dialects supply connections, the
/// document insert (skip a known hash, return the id) and full-text search; everything else is shared.
/// </summary>
public abstract partial class SqlEventStore : IEventStore
{
    public abstract string Description { get; }

    /// <summary>An open connection; the caller disposes it (pools make this cheap).</summary>
    private protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A connection for a write transaction (a dialect may set write-only options on it).</summary>
    private protected virtual Task<DbConnection> OpenForWriteAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>Nothing is put off by default: PostgreSQL's bulk path (binary COPY, the server's own index work) needs no help.</summary>
    public virtual Task<bool> BeginBulkLoadAsync(CancellationToken cancellationToken = default) => Task.FromResult(false);

    public virtual Task EndBulkLoadAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
