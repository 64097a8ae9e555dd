using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sitrep.Web.Assets;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests.Api;

/// <summary>The HTTP API over the sample store, through a real socket.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class ApiTests(DashboardServer server) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = server.BaseAddress };

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Theory]
    // No filter: every event.
    [InlineData("api/events", 5)]
    [InlineData("api/events?country=aze", 2)]
    [InlineData("api/events?type=Battles&status=current", 1)]
    [InlineData("api/events?from=2024-05-07&to=2024-05-31", 1)]
    // Text search folds Romanian diacritics.
    [InlineData("api/events?text=ucisi", 2)]
    [InlineData("api/events?text=%3Cscript%3E", 1)]
    public async Task Events_are_filtered_by_the_query_string(string path, int total)
    {
        var page = await GetJsonAsync(path);
        Assert.Equal(total, page.GetProperty("total").GetInt32());
        Assert.Equal(total, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Pages_are_limited_and_offset()
    {
        var page = await GetJsonAsync("api/events?limit=2&offset=4");
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        var huge = await GetJsonAsync("api/events?limit=100000");
        Assert.Equal(500, huge.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task An_event_has_its_claims_casualties_contradictions_evidence_and_document()
    {
        var clash = await server.EventAsync("first.txt", "e1");
        var detail = await GetJsonAsync($"api/events/{clash.Id}");
        Assert.Equal(2, detail.GetProperty("record").GetProperty("claims").GetArrayLength());
        Assert.Equal(2, detail.GetProperty("record").GetProperty("casualties").GetArrayLength());
        Assert.Equal(2, detail.GetProperty("record").GetProperty("evidence").GetArrayLength());
        Assert.Equal(1, detail.GetProperty("contradictions").GetArrayLength());
        Assert.Equal("Fighting near Oldtown", detail.GetProperty("document").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_document_has_its_text_and_spans()
    {
        var clash = await server.EventAsync("first.txt", "e1");
        var document = await GetJsonAsync($"api/documents/{clash.DocumentId}");
        Assert.Equal(Sitrep.Store.Tests.Support.SampleResults.FirstText, document.GetProperty("text").GetString());
        Assert.Contains(document.GetProperty("spans").EnumerateArray(), s => s.GetProperty("kind").GetString() == "casualty");
    }

    [Theory]
    [InlineData("api/events/999999")]
    [InlineData("api/documents/999999")]
    [InlineData("no-such-file.js")]
    // Paths never reach the disk.
    [InlineData("..%2F..%2Fweb.db")]
    [InlineData("../Sitrep.Web.dll")]
    public async Task Unknown_things_are_not_found(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Statistics_give_fatalities_by_day_country_and_side()
    {
        var stats = await GetJsonAsync("api/stats");
        Assert.Equal(19, stats.GetProperty("total").GetProperty("best").GetInt32());
        Assert.Equal(3, stats.GetProperty("byDay").GetArrayLength());
        Assert.Contains(stats.GetProperty("bySide").EnumerateArray(), s => s.GetProperty("key").GetString() == "Army of Xa");
        var filtered = await GetJsonAsync("api/stats?country=AZE");
        Assert.Equal(2, filtered.GetProperty("total").GetProperty("best").GetInt32());
    }

    [Theory]
    [InlineData("acled-csv", "text/csv", "event_date,event_type")]
    [InlineData("geojson", "application/geo+json", "{\"type\":\"FeatureCollection\"")]
    [InlineData("jsonl", "application/x-ndjson", "{\"schema\":\"sitrep/1\"")]
    public async Task Exports_come_in_each_format_with_its_content_type(string format, string contentType, string start)
    {
        using var response = await _client.GetAsync($"api/export?format={format}&country=ARM");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith(start, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_export_format_is_a_bad_request()
    {
        using var response = await _client.GetAsync("api/export?format=xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("app.js")]
    [InlineData("api/events")]
    [InlineData("api/events/999999")]
    public async Task Every_response_carries_the_content_security_policy(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_has_no_inline_script_or_style()
    {
        var html = await _client.GetStringAsync("");
        Assert.Matches("<script type=\"module\" src=\"/app.js\"></script>", html);
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        foreach (var file in (string[])["app.js", "live.js", "sources.js"])
        {
            var script = await _client.GetStringAsync(file);
            Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
            Assert.DoesNotContain("insertAdjacentHTML", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_route()
    {
        var openapi = await GetJsonAsync("openapi/v1.json");
        var paths = openapi.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["/api/clusters", "/api/countries", "/api/documents/{id}", "/api/events", "/api/events/{id}", "/api/events/{id}/incident", "/api/export", "/api/incidents", "/api/incidents/{id}", "/api/live", "/api/sources", "/api/stats", "/api/timeline"], paths);
        var list = openapi.GetProperty("paths").GetProperty("/api/events").GetProperty("get");
        Assert.Equal(
            ["actor", "after", "bbox", "country", "document", "from", "limit", "minFatalities", "minRelevance", "offset", "status", "text", "to", "type"],
            list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        // What the map and the timeline count is a documented parameter of both.
        foreach (var aggregate in new[] { "/api/clusters", "/api/timeline" })
        {
            var parameters = openapi.GetProperty("paths").GetProperty(aggregate).GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
            Assert.Contains("unit", parameters);
        }
    }

    [Fact]
    public async Task The_world_outlines_are_served_with_their_countries()
    {
        var world = await GetJsonAsync("geo/countries-110m.geojson");
        Assert.True(world.GetProperty("features").GetArrayLength() > 150);
        Assert.Contains(world.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("iso3").GetString() == "ROU");
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    public void Dispose() => _client.Dispose();
}
