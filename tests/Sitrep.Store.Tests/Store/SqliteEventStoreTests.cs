using Microsoft.Data.Sqlite;
using Sitrep.Store.Sql;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Store.Tests.Store;

/// <summary>The store contract on SQLite, plus what only the file database does (WAL, migrations on open).</summary>
public sealed class SqliteEventStoreTests : EventStoreContractTests
{
    private readonly string _directory = StoreFactory.TemporaryDirectory();

    protected override async Task<IEventStore> OpenEmptyStoreAsync() => await StoreFactory.CreateSqliteAsync(_directory);

    protected override Task CleanUpAsync()
    {
        SqliteConnection.ClearAllPools();
        StoreFactory.DeleteTemporaryDirectory(_directory);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_database_is_in_wal_mode_and_at_the_newest_schema_version()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "test.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "SELECT MAX(version) FROM schema_migrations";
        Assert.Equal((long)Sitrep.Store.Schema.Migration.For("sqlite")[^1].Version, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Opening_an_existing_database_again_keeps_its_data()
    {
        await using var again = await SqliteEventStore.OpenAsync(Path.Combine(_directory, "test.db"));
        Assert.Equal(3, (await again.CountAsync()).Documents);
    }

    [Fact]
    public async Task A_database_from_a_newer_program_is_refused_with_a_reason()
    {
        var path = Path.Combine(_directory, "newer.db");
        await using (var store = await SqliteEventStore.OpenAsync(path))
        {
            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'now')";
            await command.ExecuteNonQueryAsync();
        }
        var error = await Assert.ThrowsAsync<StoreException>(() => SqliteEventStore.OpenAsync(path));
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_with_its_path()
    {
        var path = Path.Combine(_directory, "notes.db");
        await File.WriteAllTextAsync(path, "these are notes, not a database, and long enough to look like a header of something");
        var error = await Assert.ThrowsAsync<StoreException>(() => SqliteEventStore.OpenAsync(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
