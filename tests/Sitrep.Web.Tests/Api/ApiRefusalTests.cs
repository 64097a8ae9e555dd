using System.Net;
using System.Text.Json;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests.Api;

/// <summary>
/// The API refuses what makes no sense with a 400 naming the parameter (never an empty success), answers
/// every error with an RFC 9457 problem document, answers HEAD where it answers GET, and refuses Host
/// names it does not listen on (DNS rebinding).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ApiRefusalTests(DashboardServer server) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = server.BaseAddress };

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    [Theory]
    // A month 13 and a 30th of February are not days.
    [InlineData("api/events?from=2025-13-01", "from")]
    [InlineData("api/stats?to=2025-02-30", "to")]
    [InlineData("api/events?from=yesterday", "from")]
    // A range that ends before it starts can match nothing.
    [InlineData("api/events?from=2025-03-01&to=2025-02-01", "from")]
    // Neither a code nor an English name of a country.
    [InlineData("api/events?country=Narnia", "country")]
    [InlineData("api/stats?country=QQQ", "country")]
    [InlineData("api/events?type=War", "type")]
    [InlineData("api/export?format=jsonl&status=ongoing", "status")]
    [InlineData("api/export?format=xml", "format")]
    public async Task A_filter_that_makes_no_sense_is_a_400_naming_the_parameter(string path, string parameter)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
        Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    // English names and codes of any case name the same country; types and statuses ignore case.
    [InlineData("api/events?country=Azerbaijan", "api/events?country=AZE")]
    [InlineData("api/events?country=azerbaijan", "api/events?country=aze")]
    [InlineData("api/events?country=AZ", "api/events?country=AZE")]
    [InlineData("api/events?type=battles&status=CURRENT", "api/events?type=Battles&status=current")]
    public async Task Names_and_codes_of_any_case_give_the_same_events(string written, string canonical)
    {
        var first = await GetStringOkAsync(written);
        var second = await GetStringOkAsync(canonical);
        Assert.Equal(second, first);
        Assert.NotEqual(0, JsonDocument.Parse(first).RootElement.GetProperty("total").GetInt32());
    }

    private async Task<string> GetStringOkAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("api/events/999999", HttpStatusCode.NotFound)]
    [InlineData("api/documents/999999", HttpStatusCode.NotFound)]
    [InlineData("api/events/not-a-number", HttpStatusCode.NotFound)]
    [InlineData("api/events?limit=many", HttpStatusCode.BadRequest)]
    [InlineData("no-such-file.js", HttpStatusCode.NotFound)]
    public async Task Every_error_has_a_problem_body(string path, HttpStatusCode status)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        await ProblemAsync(response);
    }

    [Theory]
    [InlineData("api/events?country=AZE")]
    [InlineData("api/stats")]
    [InlineData("api/export?format=geojson")]
    [InlineData("")]
    [InlineData("app.js")]
    public async Task HEAD_is_answered_where_GET_is(string path)
    {
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        using var get = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    // A page on attacker.example whose name now resolves to 127.0.0.1 sends its own name.
    [InlineData("attacker.example")]
    [InlineData("attacker.example:5080")]
    [InlineData("127.0.0.1.nip.io")]
    public async Task A_foreign_Host_header_is_refused(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/events");
        request.Headers.Host = host;
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemAsync(response);
    }

    [Theory]
    // The server listens on 127.0.0.1: a browser on the same machine may call it localhost.
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task The_hosts_it_listens_on_are_answered(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/stats");
        request.Headers.Host = $"{host}:{server.BaseAddress.Port}";
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose() => _client.Dispose();
}
