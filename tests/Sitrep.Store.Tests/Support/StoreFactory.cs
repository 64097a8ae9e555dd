using Npgsql;
using Sitrep.Store.Sql;

namespace Sitrep.Store.Tests.Support;

/// <summary>Creates empty stores for tests: a SQLite file in a temporary folder, or a fresh PostgreSQL database.</summary>
public static class StoreFactory
{
    public const string PostgresVariable = "SITREP_TEST_POSTGRES";

    /// <summary>
    /// A new folder of this run alone under the user's temporary path (never a fixed shared one: another
    /// user's run would own it); remove it with <see cref="DeleteTemporaryDirectory"/>.
    /// </summary>
    public static string TemporaryDirectory() => Directory.CreateTempSubdirectory("sitrep-store-").FullName;

    /// <summary>Removes a folder of <see cref="TemporaryDirectory"/>, also when a test left parts of it read-only.</summary>
    public static void DeleteTemporaryDirectory(string directory)
    {
        if (!Directory.Exists(directory)) return;
        foreach (var folder in Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories).Prepend(directory))
        {
            if (OperatingSystem.IsWindows()) break;
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>
    /// The server the PostgreSQL tests use. CI always sets it; a run without it must fail, not pass
    /// silently, so this throws with what to do.
    /// </summary>
    public static string PostgresServer() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set: the PostgreSQL store tests need a server, e.g. " +
                $"{PostgresVariable}=\"Host=127.0.0.1;Username=postgres;Password=postgres\" (.ci/run sets it).");

    /// <summary>A new, uniquely named database on the test server; drop it with <see cref="DropPostgresDatabaseAsync"/>.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresServer()) { Database = "postgres", Pooling = false };
        var name = "sitrep_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(PostgresServer()) { Database = name }.ConnectionString;
    }

    public static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        var server = new NpgsqlConnectionStringBuilder(PostgresServer()) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static Task<SqliteEventStore> CreateSqliteAsync(string directory) =>
        SqliteEventStore.OpenAsync(Path.Combine(directory, "test.db"));
}
