using System.Text.Json;
using Microsoft.Playwright;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests.Browser;

/// <summary>
/// The incident view and the incidents/events switch in a real browser, over invented articles ingested for real
/// (Support/incident-reports.jsonl): the Sumy hospital strike told by six articles, the governor's toll rising from 8
/// to 14, the police's 5 contradicting it. Screenshots under artifacts/screenshots/; any console error fails a test.
/// </summary>
[Collection(IncidentCollection.Name)]
public sealed class IncidentBrowserTests(IncidentServer server, Support.Browser browser) : IClassFixture<Support.Browser>, IAsyncLifetime
{
    private WatchedPage? _watched;

    private IPage Page => _watched!.Page;

    public async Task InitializeAsync() => _watched = await WatchedPage.OpenAsync(browser.Instance);

    public async Task DisposeAsync()
    {
        if (_watched is not null) await _watched.DisposeAsync();
    }

    private string Url(string fragment) => new Uri(server.BaseAddress, fragment).ToString();

    private void AssertNoProblems() => Assert.True(_watched!.Problems.Count == 0, string.Join("\n", _watched.Problems));

    private async Task<string> StrikeAsync() => (await server.MostReportedAsync()).Id;

    [Fact]
    public async Task The_incident_view_lists_the_reports_in_time_order_with_each_sources_figures()
    {
        await Page.GotoAsync(Url($"#/incident/{await StrikeAsync()}"));
        var rows = Page.Locator("#incident-reports tr.report-row");
        await Assertions.Expect(rows).ToHaveCountAsync(6);
        var published = new List<string>();
        for (var i = 0; i < 6; i++) published.Add((await rows.Nth(i).GetAttributeAsync("data-published"))!);
        Assert.Equal(published.Order(StringComparer.Ordinal), published);
        Assert.Equal("2025-11-03", published[0]);
        Assert.Equal("2025-11-04", published[^1]);
        // Side by side: the police's five, the governor's eight on the first day and fourteen on the next.
        await Assertions.Expect(Page.Locator("#incident-reports tr[data-document='rm-77'] .figures")).ToContainTextAsync("5 killed");
        await Assertions.Expect(Page.Locator("#incident-reports tr[data-document='el-1101'] .figures")).ToContainTextAsync("8 killed");
        await Assertions.Expect(Page.Locator("#incident-reports tr[data-document='el-1102'] .figures")).ToContainTextAsync("14 killed");
        await Assertions.Expect(Page.Locator("#incident-fatalities")).ToHaveTextAsync("14 (5–14)");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("incident"), FullPage = true });
        AssertNoProblems();
    }

    [Fact]
    public async Task The_incident_view_shows_the_rising_toll_and_the_contradiction()
    {
        await Page.GotoAsync(Url($"#/incident/{await StrikeAsync()}"));
        // The governor's toll: 8, revised, then 14, which stands.
        var steps = Page.Locator("#revisions .revision-step");
        await Assertions.Expect(steps).ToHaveCountAsync(2);
        await Assertions.Expect(steps.Nth(0)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\brevised\\b"));
        await Assertions.Expect(steps.Nth(0).Locator(".revision-figure")).ToHaveTextAsync("8");
        await Assertions.Expect(steps.Nth(1)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bstands\\b"));
        await Assertions.Expect(steps.Nth(1).Locator(".revision-figure")).ToHaveTextAsync("14");
        await Assertions.Expect(Page.Locator("#revisions .revision-head")).ToContainTextAsync("governor");
        // The police's five against the governor's standing fourteen.
        var pair = Page.Locator("#incident-contradictions .versus");
        await Assertions.Expect(pair).Not.ToHaveCountAsync(0);
        await Assertions.Expect(pair.First).ToContainTextAsync("Police");
        await Assertions.Expect(pair.First).ToContainTextAsync("governor");
        await Assertions.Expect(Page.Locator("#incident-claims li.contested")).Not.ToHaveCountAsync(0);
        AssertNoProblems();
    }

    [Fact]
    public async Task A_claim_is_one_click_from_its_evidence_highlighted_in_the_article()
    {
        await Page.GotoAsync(Url($"#/incident/{await StrikeAsync()}"));
        var police = Page.Locator("#incident-claims li.claim", new PageLocatorOptions { HasText = "police" }).First;
        await police.Locator("a.evidence-link").First.ClickAsync();
        await Assertions.Expect(Page.Locator("#article-text")).ToBeVisibleAsync();
        Assert.Contains("span=", Page.Url, StringComparison.Ordinal);
        Assert.Contains("event=", Page.Url, StringComparison.Ordinal);
        // The claim's own words are marked inside the article, on top of its event's highlighted spans.
        var marked = string.Concat(await Page.Locator("#article-text mark.target").AllTextContentsAsync());
        Assert.Contains("Five civilians were killed", marked, StringComparison.Ordinal);
        await Assertions.Expect(Page.Locator("#article-text mark.focus")).Not.ToHaveCountAsync(0);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("incident-evidence"), FullPage = true });
        AssertNoProblems();
    }

    [Fact]
    public async Task The_switch_between_incidents_and_events_changes_the_counts_and_the_url()
    {
        await Page.GotoAsync(Url("#/"));
        await Assertions.Expect(Page.Locator("#map[data-ready=true][data-unit=incidents]")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator("#unit-incidents")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(Page.Locator("#timeline[data-unit=incidents]")).ToHaveCountAsync(1);
        var incidents = int.Parse((await Page.Locator("#timeline-count").GetAttributeAsync("data-count"))!, System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(Page.Locator("#map-count")).ToContainTextAsync("incidents");
        await Assertions.Expect(Page.Locator("#incidents-table tr.incident-row")).ToHaveCountAsync(incidents);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("overview-incidents"), FullPage = true });

        await Page.ClickAsync("#unit-events");
        await Assertions.Expect(Page.Locator("#map[data-ready=true][data-unit=events]")).ToHaveCountAsync(1);
        Assert.Contains("unit=events", Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(Page.Locator("#unit-events")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(Page.Locator("#timeline[data-unit=events]")).ToHaveCountAsync(1);
        var events = int.Parse((await Page.Locator("#timeline-count").GetAttributeAsync("data-count"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(incidents >= 1 && incidents < events, $"{incidents} incidents, {events} events");
        await Assertions.Expect(Page.Locator("#map-count")).ToContainTextAsync("events");
        await Assertions.Expect(Page.Locator("#incidents-table")).ToHaveCountAsync(0);

        // Back to incidents: the default, so the URL no longer names a unit.
        await Page.ClickAsync("#unit-incidents");
        await Assertions.Expect(Page.Locator("#map[data-ready=true][data-unit=incidents]")).ToHaveCountAsync(1);
        Assert.DoesNotContain("unit=", Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(Page.Locator("#timeline-count")).ToHaveAttributeAsync("data-count", incidents.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AssertNoProblems();
    }

    [Fact]
    public async Task An_incident_on_the_map_opens_its_view_and_an_event_names_its_incident()
    {
        // Close to Kupiansk, whose shelling is one incident of two reports.
        await Page.GotoAsync(Url("#/?map=9/49.71/37.61"));
        await Assertions.Expect(Page.Locator("#map[data-ready=true][data-zoom='9']")).ToHaveCountAsync(1);
        var marker = Page.Locator("#map .incident-marker").First;
        var id = await marker.GetAttributeAsync("data-incident-id");
        await marker.ClickAsync();
        await Page.Locator(".leaflet-popup-content a").ClickAsync();
        await Assertions.Expect(Page.Locator("#incident-reports tr.report-row")).ToHaveCountAsync(2);
        Assert.Contains($"#/incident/{id}", Page.Url, StringComparison.Ordinal);

        // Each report's event names the incident back.
        await Page.Locator("#incident-reports tr.report-row").First.Locator("td").Last.Locator("a").ClickAsync();
        await Assertions.Expect(Page.Locator("#open-incident")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"#/incident/{id}$"));
        AssertNoProblems();
    }

    [Theory]
    [InlineData("")]
    [InlineData("?lang=ro")]
    public async Task Axe_finds_no_serious_or_critical_violation_on_the_incident_view(string query)
    {
        await Page.GotoAsync(Url($"#/incident/{await StrikeAsync()}{query}"));
        await Assertions.Expect(Page.Locator("#incident-reports tr.report-row")).ToHaveCountAsync(6);
        if (query.Length > 0) await Assertions.Expect(Page.Locator("#reports-title")).ToContainTextAsync("Relatări în ordinea timpului");
        // Evaluated through the debugging protocol, so the page's script policy does not apply to the checker.
        await Page.EvaluateAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "axe-core-4.14.1", "axe.min.js")));
        var violations = await Page.EvaluateAsync<JsonElement>(@"async () => {
            const result = await axe.run(document, { resultTypes: ['violations'] });
            return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} -> ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')}`);
        }");
        var found = violations.EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
        if (query.Length > 0) await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("incident-ro"), FullPage = true });
        AssertNoProblems();
    }
}
