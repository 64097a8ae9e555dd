using Microsoft.Playwright;
using Sitrep.Store.Tests.Support;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests.Browser;

/// <summary>
/// The dashboard in a real browser against the real server. Each test saves a screenshot of its
/// view under artifacts/screenshots/, and fails on any console error or dialog.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardServer server, Support.Browser browser) : IClassFixture<Support.Browser>, IAsyncLifetime
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

    [Fact]
    public async Task The_map_shows_a_marker_for_every_located_event()
    {
        // Close enough (zoom 7, cells of 0.7 degrees) for Oldtown and Hillvale to be two markers.
        await Page.GotoAsync(Url("#/?map=7/40.75/45.6"));
        await Assertions.Expect(Page.Locator("#map[data-ready=true]")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator("#map .event-marker")).ToHaveCountAsync(2);
        await Assertions.Expect(Page.Locator("#map .cluster-marker")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#map path.leaflet-interactive, #map canvas")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#timeline canvas")).ToHaveCountAsync(1);
        // Markers are sized by the square root of fatalities: the 14-killed clash is larger than the 3-killed shelling.
        var clash = await server.EventAsync("first.txt", "e1");
        var shelling = await server.EventAsync("hostile.html", "e1");
        var clashBox = await Page.Locator($"#map .event-marker[data-event-id='{clash.Id}']").BoundingBoxAsync();
        var shellingBox = await Page.Locator($"#map .event-marker[data-event-id='{shelling.Id}']").BoundingBoxAsync();
        Assert.True(clashBox!.Width > shellingBox!.Width, $"{clashBox.Width} should exceed {shellingBox.Width}");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("overview"), FullPage = true });
        AssertNoProblems();
    }

    [Fact]
    public async Task Filtering_the_table_by_country_keeps_only_that_countrys_events()
    {
        await Page.GotoAsync(Url("#/"));
        await Assertions.Expect(Page.Locator("#events-table tbody tr.event-row")).ToHaveCountAsync(5);
        await Page.FillAsync("input[name=country]", "aze");
        await Page.ClickAsync("#filters button[type=submit]");
        await Assertions.Expect(Page.Locator("#events-count")).ToHaveTextAsync("1–2 of 2");
        var rows = Page.Locator("#events-table tbody tr.event-row");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        Assert.All(await rows.Locator("td:nth-child(4)").AllTextContentsAsync(), c => Assert.Equal("AZE", c));
        Assert.Contains("country=AZE", Page.Url, StringComparison.Ordinal);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("filtered"), FullPage = true });
        AssertNoProblems();
    }

    [Fact]
    public async Task An_event_shows_every_claim_with_its_claimant_relay_and_contradiction()
    {
        await Page.GotoAsync(Url("#/"));
        var clash = await server.EventAsync("first.txt", "e1");
        await Page.ClickAsync($"#events-table tr[data-event-id='{clash.Id}']");
        var claims = Page.Locator("#claims li.claim");
        await Assertions.Expect(claims).ToHaveCountAsync(2);
        await Assertions.Expect(claims.Nth(0).Locator(".claimant")).ToHaveTextAsync("Rebels");
        await Assertions.Expect(claims.Nth(1).Locator(".claimant")).ToHaveTextAsync("Army of Xa");
        await Assertions.Expect(claims.Nth(1).Locator(".via")).ToHaveTextAsync("via Invented Wire");
        var versus = Page.Locator(".versus .claim-card");
        await Assertions.Expect(versus).ToHaveCountAsync(2);
        await Assertions.Expect(versus.Nth(0)).ToContainTextAsync("they killed 14 soldiers near Oldtown");
        await Assertions.Expect(versus.Nth(1)).ToContainTextAsync("it regained the hills");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("event"), FullPage = true });
        AssertNoProblems();
    }

    [Fact]
    public async Task The_article_view_highlights_the_evidence_by_kind()
    {
        var clash = await server.EventAsync("first.txt", "e1");
        await Page.GotoAsync(Url($"#/event/{clash.Id}"));
        await Page.ClickAsync("#open-article");
        var article = Page.Locator("#article-text");
        await Assertions.Expect(article).ToHaveTextAsync(SampleResults.FirstText);
        await Assertions.Expect(article.Locator("mark.k-place").First).ToHaveTextAsync("Oldtown");
        Assert.Contains("14", await article.Locator("mark.k-number").AllTextContentsAsync());
        var casualty = string.Concat(await article.Locator("mark.k-casualty").AllTextContentsAsync());
        Assert.Contains("killed 14 soldiers", casualty, StringComparison.Ordinal);
        await Assertions.Expect(article.Locator("mark.k-claim").First).ToBeVisibleAsync();
        await Assertions.Expect(article.Locator("mark.focus").First).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(".kind-toggle.k-casualty")).ToHaveTextAsync("casualty (2)");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("article"), FullPage = true });
        AssertNoProblems();
    }

    [Fact]
    public async Task Markup_in_an_article_is_shown_as_text_and_never_runs()
    {
        var strike = await server.EventAsync("hostile.html", "e1");
        await Page.GotoAsync(Url($"#/document/{strike.DocumentId}?event={strike.Id}"));
        var article = Page.Locator("#article-text");
        await Assertions.Expect(article).ToHaveTextAsync(SampleResults.HostileText);
        await Assertions.Expect(article.Locator("script, img")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("h1.article-title")).ToHaveTextAsync("<b>Hillvale</b> shelled");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("untrusted-article"), FullPage = true });

        await Page.GotoAsync(Url($"#/event/{strike.Id}"));
        await Assertions.Expect(Page.Locator("#claims blockquote")).ToHaveTextAsync("<script>alert('claim')</script>");
        await Assertions.Expect(Page.Locator("#claims .claimant")).ToHaveTextAsync("<i>Someone</i>");
        Assert.Equal("Sitrep", await Page.TitleAsync());
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("untrusted-event"), FullPage = true });
        AssertNoProblems();
    }
}
