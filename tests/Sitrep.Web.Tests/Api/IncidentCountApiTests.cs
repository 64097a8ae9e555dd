using System.Net;
using System.Text.Json;
using Sitrep.Store.Model;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests.Api;

/// <summary>
/// The map and the timeline counted in incidents (unit=incidents) over a store whose articles fuse: fewer incidents
/// than events, the filters an incident has values for applied to its own, a cell of one incident naming it.
/// </summary>
[Collection(IncidentCollection.Name)]
public sealed class IncidentCountApiTests(IncidentServer server) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = server.BaseAddress };

    public void Dispose() => _client.Dispose();

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static long TimelineTotal(JsonElement timeline) => timeline.GetProperty("buckets").EnumerateArray().Sum(b => b.GetProperty("events").GetInt64());

    [Theory]
    [InlineData("api/clusters?unit=incident")]
    [InlineData("api/clusters?unit=EVENTS")]
    [InlineData("api/timeline?unit=reports")]
    [InlineData("api/timeline?unit=%20incidents")]
    public async Task A_bad_unit_is_a_400_naming_it(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("unit", out _), problem.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("country=UKR&")]
    [InlineData("from=2025-11-03&to=2025-11-03&")]
    [InlineData("type=Explosions/Remote%20violence&status=current&")]
    public async Task Fused_reports_count_as_fewer_incidents_than_events(string filters)
    {
        var events = await GetJsonAsync($"api/clusters?{filters}zoom=3&unit=events");
        var incidents = await GetJsonAsync($"api/clusters?{filters}zoom=3&unit=incidents");
        Assert.Equal("events", events.GetProperty("unit").GetString());
        Assert.Equal("incidents", incidents.GetProperty("unit").GetString());
        Assert.InRange(incidents.GetProperty("events").GetInt64(), 1, events.GetProperty("events").GetInt64() - 1);

        var eventDays = await GetJsonAsync($"api/timeline?{filters}unit=events");
        var incidentDays = await GetJsonAsync($"api/timeline?{filters}unit=incidents");
        Assert.Equal("incidents", incidentDays.GetProperty("unit").GetString());
        Assert.InRange(TimelineTotal(incidentDays), 1, TimelineTotal(eventDays) - 1);
        // The timeline counts what the incidents list holds (every stored incident here is dated and located).
        var listed = await GetJsonAsync($"api/incidents?{filters}limit=500");
        Assert.Equal(listed.GetProperty("total").GetInt64(), TimelineTotal(incidentDays));
    }

    [Fact]
    public async Task The_incidents_timeline_carries_the_reconciled_toll_not_the_sum_of_the_reports()
    {
        var strike = await server.MostReportedAsync();
        Assert.Equal(6, strike.Reports);
        var days = await GetJsonAsync("api/timeline?unit=incidents&type=Shelling/artillery/missile%20attack&from=2025-11-03&to=2025-11-03");
        var day = Assert.Single(days.GetProperty("buckets").EnumerateArray());
        // The Sumy strike (14, the governor's raised toll) and the Kupiansk shelling (2); the events would add 8 + 8 + 8 + 5 + 14 + 14 + 2 + 2.
        Assert.Equal(2, day.GetProperty("events").GetInt64());
        Assert.Equal(16, day.GetProperty("best").GetInt64());
        var eventDays = await GetJsonAsync("api/timeline?unit=events&type=Shelling/artillery/missile%20attack&from=2025-11-03&to=2025-11-03");
        Assert.True(eventDays.GetProperty("buckets")[0].GetProperty("best").GetInt64() > 16);
    }

    [Fact]
    public async Task A_cell_of_one_incident_names_it_and_words_select_incidents_by_their_reports()
    {
        // Zoomed in enough to part Sumy from Kupiansk; the words of the Kupiansk articles select its incident only.
        var answer = await GetJsonAsync("api/clusters?unit=incidents&zoom=10&text=Kupiansk");
        var cell = Assert.Single(answer.GetProperty("cells").EnumerateArray());
        Assert.Equal(1, cell.GetProperty("events").GetInt64());
        Assert.Equal(JsonValueKind.Null, cell.GetProperty("eventId").ValueKind);
        var id = cell.GetProperty("incidentId").GetString()!;
        var detail = await GetJsonAsync($"api/incidents/{id}");
        Assert.Equal(2, detail.GetProperty("incident").GetProperty("reports").GetArrayLength());
        Assert.Equal(2, cell.GetProperty("fatalities").GetInt64());
    }

    [Fact]
    public async Task An_event_names_its_incident_and_an_event_without_one_is_no_content()
    {
        var strike = await server.MostReportedAsync();
        var detail = await server.Store.GetIncidentAsync(strike.Id);
        foreach (var report in detail!.Events)
        {
            var incident = await GetJsonAsync($"api/events/{report.EventId}/incident");
            Assert.Equal(strike.Id, incident.GetProperty("id").GetString());
            Assert.Equal(6, incident.GetProperty("reports").GetInt32());
        }
        using var none = await _client.GetAsync("api/events/987654321/incident");
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
    }
}

/// <summary>A store whose incidents were never assigned answers unit=incidents in events, and says so.</summary>
[Collection(DashboardCollection.Name)]
public sealed class UnassignedIncidentCountApiTests(DashboardServer server) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = server.BaseAddress };

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task A_store_without_incidents_answers_in_events()
    {
        Assert.Equal(0, (await server.Store.QueryIncidentsAsync(new IncidentQuery(EventFilter.All))).Total);
        var asked = JsonDocument.Parse(await _client.GetStringAsync("api/clusters?unit=incidents&zoom=2")).RootElement;
        var events = JsonDocument.Parse(await _client.GetStringAsync("api/clusters?zoom=2")).RootElement;
        Assert.Equal("events", asked.GetProperty("unit").GetString());
        Assert.True(asked.GetProperty("events").GetInt64() > 0);
        Assert.Equal(events.GetProperty("events").GetInt64(), asked.GetProperty("events").GetInt64());
        var timeline = JsonDocument.Parse(await _client.GetStringAsync("api/timeline?unit=incidents")).RootElement;
        Assert.Equal("events", timeline.GetProperty("unit").GetString());
    }
}
