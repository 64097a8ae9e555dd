using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sitrep.Store.Sql;

/// <summary>
/// A <see cref="PreparedInsert"/> on SQLite's own statement, its values bound by position. Microsoft.Data.Sqlite
/// binds each parameter by name on every execution (the name converted to UTF-8 and looked up in the statement's
/// list), which was a fifth of the ingest writer's time: ten to twenty columns a row, hundreds of thousands of rows
/// (docs/PERFORMANCE.md, session 9). The statement runs inside the connection's open transaction like any command.
/// </summary>
internal sealed class SqliteStatementInsert : PreparedInsert
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public SqliteStatementInsert(SqliteConnection connection, string table, string[] columns, string returning = "")
        : base(columns.Length)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        var placeholders = columns.Select((_, i) => "?" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Check(raw.sqlite3_prepare_v2(_database, InsertSql(table, columns, placeholders, returning, valueOf: null), out _statement));
    }

    public override Task<long?> InsertReturningIdAsync(CancellationToken cancellationToken) => Task.FromResult(Run(cancellationToken));

    public override Task InsertAsync(CancellationToken cancellationToken)
    {
        Run(cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>Binds and runs the statement to its end; the first column of the row it returned, if any (RETURNING).</summary>
    private long? Run(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Bind();
        try
        {
            var step = raw.sqlite3_step(_statement);
            long? id = null;
            if (step == raw.SQLITE_ROW)
            {
                id = raw.sqlite3_column_int64(_statement, 0);
                step = raw.sqlite3_step(_statement);
            }
            if (step != raw.SQLITE_DONE) Check(step);
            return id;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    private void Bind()
    {
        for (var i = 0; i < Values.Length; i++)
        {
            var position = i + 1;
            Check(Values[i] switch
            {
                null or DBNull => raw.sqlite3_bind_null(_statement, position),
                string text => raw.sqlite3_bind_text(_statement, position, text),
                long number => raw.sqlite3_bind_int64(_statement, position, number),
                int number => raw.sqlite3_bind_int64(_statement, position, number),
                double number => raw.sqlite3_bind_double(_statement, position, number),
                byte[] bytes => raw.sqlite3_bind_blob(_statement, position, bytes),
                bool flag => raw.sqlite3_bind_int64(_statement, position, flag ? 1 : 0),
                var other => throw new InvalidOperationException($"a value of type {other.GetType().Name} cannot be stored in SQLite by this insert"),
            });
        }
    }

    private void Check(int code)
    {
        if (code != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(code, _database);
    }

    public override ValueTask DisposeAsync()
    {
        _statement.Dispose();
        return ValueTask.CompletedTask;
    }
}
