using Sitrep.Store.Sql;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Store.Tests.Store;

/// <summary>
/// The store contract on PostgreSQL, in a database created for this test and dropped after it.
/// Needs SITREP_TEST_POSTGRES; without it every test here fails and says so.
/// </summary>
public sealed class PostgresEventStoreTests : EventStoreContractTests
{
    private string? _connectionString;

    protected override async Task<IEventStore> OpenEmptyStoreAsync()
    {
        _connectionString = await StoreFactory.CreatePostgresDatabaseAsync();
        return await PostgresEventStore.OpenAsync(_connectionString);
    }

    protected override async Task CleanUpAsync()
    {
        if (_connectionString is not null) await StoreFactory.DropPostgresDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task Opening_the_same_database_twice_applies_the_schema_once()
    {
        await using var again = await PostgresEventStore.OpenAsync(_connectionString!);
        Assert.Equal(3, (await again.CountAsync()).Documents);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_store_error_without_the_password()
    {
        var error = await Assert.ThrowsAsync<StoreException>(() =>
            PostgresEventStore.OpenAsync("Host=127.0.0.1;Port=1;Username=nobody;Password=secret-word;Timeout=2"));
        Assert.DoesNotContain("secret-word", error.Message, StringComparison.Ordinal);
    }
}
