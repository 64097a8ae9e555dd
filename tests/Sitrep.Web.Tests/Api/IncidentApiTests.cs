using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Sitrep.Store.Model;
using Sitrep.Store.Sql;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Web.Tests.Api;

/// <summary>/api/incidents and /api/incidents/{id} over a real SQLite store through a real socket.</summary>
public sealed class IncidentApiTests : IAsyncLifetime
{
    private readonly string _directory = StoreFactory.TemporaryDirectory();
    private SqliteEventStore _store = null!;
    private WebApplication? _app;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _store = await SqliteEventStore.OpenAsync(Path.Combine(_directory, "incidents.db"));
        await _store.StoreBatchAsync(SampleResults.All());
        await _store.AssignIncidentsAsync();
        _app = SitrepWebHost.Build(_store, "http://127.0.0.1:0");
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(SitrepWebHost.ListeningUrls(_app).Single() + "/") };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        StoreFactory.DeleteTemporaryDirectory(_directory);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Incidents_are_listed_with_the_events_filters_and_min_reports()
    {
        var stored = await _store.QueryIncidentsAsync(new IncidentQuery(EventFilter.All, Limit: 500));
        var all = await GetJsonAsync("api/incidents");
        Assert.Equal(stored.Total, all.GetProperty("total").GetInt64());
        Assert.True(stored.Total > 0);
        // An incident matches a filter when one of its reports does: the Azerbaijani events' incidents.
        var events = await _store.QueryEventsAsync(new EventQuery(new EventFilter(Country: "AZE")));
        var byCountry = await GetJsonAsync("api/incidents?country=aze");
        Assert.InRange(byCountry.GetProperty("total").GetInt64(), 1, events.Total);
        var many = await GetJsonAsync("api/incidents?min_reports=2");
        Assert.Equal(stored.Incidents.Count(i => i.Reports >= 2), many.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("api/incidents?min_reports=0", "min_reports")]
    [InlineData("api/incidents?min_reports=many", "min_reports")]
    [InlineData("api/incidents?from=yesterday", "from")]
    public async Task A_bad_filter_is_a_400_naming_it(string path, string parameter)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incident_has_its_reports_claims_and_the_stored_event_of_each_report()
    {
        var first = (await _store.QueryIncidentsAsync(new IncidentQuery(EventFilter.All))).Incidents[0];
        var detail = await GetJsonAsync($"api/incidents/{first.Id}");
        var incident = detail.GetProperty("incident");
        Assert.Equal(first.Id, incident.GetProperty("id").GetString());
        Assert.Equal(incident.GetProperty("reports").GetArrayLength(), detail.GetProperty("events").GetArrayLength());
        var eventId = detail.GetProperty("events")[0].GetProperty("eventId").GetInt64();
        await GetJsonAsync($"api/events/{eventId}");
        using var missing = await _client.GetAsync("api/incidents/i-000000000000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
