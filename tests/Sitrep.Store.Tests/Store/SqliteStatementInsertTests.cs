using Microsoft.Data.Sqlite;
using Sitrep.Store.Sql;

namespace Sitrep.Store.Tests.Store;

/// <summary>SQLite's position-bound insert of the write path: every kind of value the store writes, ids, conflicts and errors.</summary>
public sealed class SqliteStatementInsertTests : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:;Pooling=False");

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, n INTEGER, x REAL, b BLOB, flag INTEGER)";
        await create.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => _connection.DisposeAsync().AsTask();

    [Fact]
    public async Task Every_kind_of_value_is_stored_as_it_was_given_and_each_row_gets_its_id()
    {
        await using (var insert = new SqliteStatementInsert(_connection, "t", ["name", "n", "x", "b", "flag"], "ON CONFLICT (name) DO NOTHING RETURNING id"))
        {
            insert.Set("Chișinău «sud»", 12_345_678_901L, 0.25, new byte[] { 0, 1, 255 }, true);
            Assert.Equal(1, await insert.InsertReturningIdAsync(CancellationToken.None));
            insert.Set("second", 7, null, null, false);
            Assert.Equal(2, await insert.InsertReturningIdAsync(CancellationToken.None));
            // The same name again: nothing inserted, so no id.
            insert.Set("second", 8, 1.0, null, false);
            Assert.Null(await insert.InsertReturningIdAsync(CancellationToken.None));
        }

        await using var read = _connection.CreateCommand();
        read.CommandText = "SELECT name, n, x, b, flag FROM t ORDER BY id";
        await using var rows = await read.ExecuteReaderAsync();
        Assert.True(await rows.ReadAsync());
        Assert.Equal(("Chișinău «sud»", 12_345_678_901L, 0.25, 1L), (rows.GetString(0), rows.GetInt64(1), rows.GetDouble(2), rows.GetInt64(4)));
        Assert.Equal(new byte[] { 0, 1, 255 }, (byte[])rows[3]);
        Assert.True(await rows.ReadAsync());
        Assert.Equal(("second", 7L, true, true, 0L), (rows.GetString(0), rows.GetInt64(1), rows.IsDBNull(2), rows.IsDBNull(3), rows.GetInt64(4)));
        Assert.False(await rows.ReadAsync());
    }

    [Fact]
    public async Task A_row_the_table_refuses_is_an_error_naming_the_constraint_and_the_statement_stays_usable()
    {
        await using var insert = new SqliteStatementInsert(_connection, "t", ["name", "n"]);
        insert.Set(null, 1);

        var error = await Assert.ThrowsAsync<SqliteException>(() => insert.InsertAsync(CancellationToken.None));

        Assert.Contains("NOT NULL constraint failed: t.name", error.Message, StringComparison.Ordinal);
        insert.Set("after", 2);
        await insert.InsertAsync(CancellationToken.None);
        await using var count = _connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM t";
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_value_of_a_kind_the_store_never_writes_is_refused_before_anything_is_inserted()
    {
        await using var insert = new SqliteStatementInsert(_connection, "t", ["name", "n"]);
        insert.Set("when", DateTime.UnixEpoch);

        await Assert.ThrowsAsync<InvalidOperationException>(() => insert.InsertAsync(CancellationToken.None));
    }
}
