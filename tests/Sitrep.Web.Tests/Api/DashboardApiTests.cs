using System.Net;
using System.Text.Json;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests.Api;

/// <summary>
/// What the dashboard's map, timeline and filters ask the API, over the sample store: Oldtown (40.5, 45.25) and
/// Hillvale (41, 46) in Armenia, two events at Rivercity (-10, 20) in Azerbaijan, one event without a place.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardApiTests(DashboardServer server) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = server.BaseAddress };

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static List<long> Counts(JsonElement answer) =>
        [.. answer.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("events").GetInt64()).Order()];

    [Fact]
    public async Task Clusters_merge_nearby_events_at_a_far_zoom_and_split_them_closer()
    {
        // 64 pixels at zoom 2 are 22.5 degrees: Oldtown and Hillvale share a cell; at zoom 8 (0.35 degrees) they do not.
        var far = await GetJsonAsync("api/clusters?zoom=2");
        Assert.Equal(4, far.GetProperty("events").GetInt64());
        Assert.Equal([2L, 2L], Counts(far));
        var armenia = far.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("lat").GetDouble() > 0);
        Assert.Equal(1, armenia.GetProperty("byType").GetProperty("Battles").GetInt64());
        Assert.Equal(1, armenia.GetProperty("byType").GetProperty("Explosions/Remote violence").GetInt64());
        Assert.Equal(17, armenia.GetProperty("fatalities").GetInt64());
        Assert.Equal(JsonValueKind.Null, armenia.GetProperty("eventId").ValueKind);

        var close = await GetJsonAsync("api/clusters?zoom=8");
        Assert.Equal([1L, 1L, 2L], Counts(close));
        var clash = await server.EventAsync("first.txt", "e1");
        Assert.Contains(close.GetProperty("cells").EnumerateArray(), c => c.GetProperty("eventId").ValueKind == JsonValueKind.Number && c.GetProperty("eventId").GetInt64() == clash.Id);
    }

    [Theory]
    // The view keeps only the cells inside it.
    [InlineData("api/clusters?zoom=6&view=40,35,50,45", 2)]
    [InlineData("api/clusters?zoom=6&view=10,-20,30,0", 2)]
    [InlineData("api/clusters?zoom=6&view=-120,-20,-100,0", 0)]
    // A map panned past the antimeridian: a whole turn is the world.
    [InlineData("api/clusters?zoom=1&view=-250,-90,250,90", 4)]
    // Filters apply as to the list.
    [InlineData("api/clusters?zoom=2&country=AZE&status=current", 1)]
    [InlineData("api/clusters?zoom=2&minFatalities=10", 2)]
    [InlineData("api/clusters?zoom=2&minRelevance=0.3", 3)]
    public async Task Clusters_hold_the_located_events_of_the_view_and_filters(string path, long events)
    {
        Assert.Equal(events, (await GetJsonAsync(path)).GetProperty("events").GetInt64());
    }

    [Theory]
    [InlineData("api/events?bbox=44,39,47,42", 2)]
    [InlineData("api/events?bbox=44,39,45.5,42", 1)]
    [InlineData("api/events?actor=army", 1)]
    [InlineData("api/events?actor=ARMY%20OF", 1)]
    [InlineData("api/events?actor=%25", 0)]
    [InlineData("api/events?minFatalities=3", 3)]
    [InlineData("api/events?minFatalities=14", 2)]
    // The document's relevance: first.txt 0.9 (two events), second.txt 0.35 (two), hostile.html unknown (left out).
    [InlineData("api/events?minRelevance=0.5", 2)]
    [InlineData("api/events?minRelevance=0.35", 4)]
    [InlineData("api/events?minRelevance=0", 5)]
    // A country by its name in English or Romanian, or an alias the gazetteer knows.
    [InlineData("api/events?country=Azerbaijan", 2)]
    [InlineData("api/events?country=Azerbaidjan", 2)]
    [InlineData("api/events?country=armenia", 2)]
    public async Task Events_are_filtered_by_actor_fatalities_relevance_area_and_country_name(string path, int total)
    {
        Assert.Equal(total, (await GetJsonAsync(path)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_export_holds_exactly_the_filtered_events()
    {
        var geojson = JsonDocument.Parse(await _client.GetStringAsync("api/export?format=geojson&bbox=44,39,45.5,42")).RootElement;
        Assert.Single(geojson.GetProperty("features").EnumerateArray());
    }

    [Theory]
    [InlineData("day", new[] { "1995-01-01", "2024-05-06", "2024-05-07", "2024-06-01" })]
    // Weeks are keyed by their Monday: 6 and 7 May 2024 are one week.
    [InlineData("week", new[] { "1994-12-26", "2024-05-06", "2024-05-27" })]
    [InlineData("month", new[] { "1995-01", "2024-05", "2024-06" })]
    public async Task The_timeline_counts_events_by_type_per_day_week_or_month(string bucket, string[] keys)
    {
        var answer = await GetJsonAsync($"api/timeline?bucket={bucket}");
        var buckets = answer.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Equal(keys, buckets.Select(b => b.GetProperty("key").GetString()));
        Assert.Equal(5, buckets.Sum(b => b.GetProperty("events").GetInt64()));
        // The historical clash of 1995 counts as an event but its 100 dead are not current fatalities.
        var first = buckets[0];
        Assert.Equal(1, first.GetProperty("byType").GetProperty("Battles").GetInt64());
        Assert.Equal(0, first.GetProperty("best").GetInt64());
        // Every bucketing keeps the current fatalities: 14 + 3 + 2 best, 23 + 3 + 2 high.
        Assert.Equal(19, buckets.Sum(b => b.GetProperty("best").GetInt64()));
        Assert.Equal(28, buckets.Sum(b => b.GetProperty("high").GetInt64()));
    }

    [Theory]
    [InlineData("api/clusters?zoom=40", "zoom")]
    [InlineData("api/clusters?zoom=2&view=1,2,3", "view")]
    [InlineData("api/timeline?bucket=year", "bucket")]
    [InlineData("api/events?minFatalities=-1", "minFatalities")]
    [InlineData("api/events?minFatalities=many", "minFatalities")]
    [InlineData("api/events?minRelevance=1.5", "minRelevance")]
    [InlineData("api/events?minRelevance=high", "minRelevance")]
    [InlineData("api/stats?minRelevance=0,5", "minRelevance")]
    [InlineData("api/events?bbox=0,50,10,40", "bbox")]
    [InlineData("api/stats?country=Atlantida", "country")]
    [InlineData("api/timeline?from=2024-02-30", "from")]
    public async Task A_dashboard_parameter_that_makes_no_sense_is_a_400_naming_it(string path, string parameter)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
        Assert.Contains($"{parameter} '", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/clusters?zoom=2")]
    [InlineData("api/clusters?zoom=5&view=40,35,50,45")]
    [InlineData("api/clusters?zoom=8")]
    [InlineData("api/clusters?zoom=1&view=170,-90,-170,90")]
    [InlineData("api/timeline?bucket=day")]
    [InlineData("api/timeline?bucket=week")]
    // An empty filter is no filter: the statistics (totals, by day, country and side) from memory too.
    [InlineData("api/stats?text=")]
    public async Task The_unfiltered_views_from_memory_equal_the_databases_answer(string path)
    {
        // Unfiltered, the map, timeline and statistics come from the in-memory digest; "from 1900" matches every (dated) event
        // but is a filter, so the database answers it.
        var memory = await _client.GetStringAsync(path);
        var database = await _client.GetStringAsync(path + "&from=1900");
        Assert.Equal(database, memory);
    }

    [Fact]
    public async Task The_countries_list_gives_codes_and_English_names()
    {
        var list = (await GetJsonAsync("api/countries")).EnumerateArray().ToList();
        Assert.True(list.Count > 190, $"{list.Count} countries");
        var romania = list.Single(c => c.GetProperty("iso3").GetString() == "ROU");
        Assert.Equal("RO", romania.GetProperty("iso2").GetString());
        Assert.Equal("Romania", romania.GetProperty("name").GetString());
    }

    public void Dispose() => _client.Dispose();
}
