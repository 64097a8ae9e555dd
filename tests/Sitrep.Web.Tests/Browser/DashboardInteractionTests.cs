using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests.Browser;

/// <summary>
/// The dashboard as an analyst uses it, in Debian's Chromium against the real server over the sample store
/// (Oldtown and Hillvale in Armenia, 0.75 degrees apart; two events at Rivercity, Azerbaijan; one in 1995).
/// Screenshots go to artifacts/screenshots/.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardInteractionTests(DashboardServer server, Support.Browser browser) : IClassFixture<Support.Browser>, IAsyncLifetime
{
    private readonly List<WatchedPage> _pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in _pages) await page.DisposeAsync();
    }

    private async Task<WatchedPage> OpenAsync(int width = 1360, int height = 900)
    {
        var page = await WatchedPage.OpenAsync(browser.Instance, width, height);
        _pages.Add(page);
        return page;
    }

    private string Url(string fragment) => new Uri(server.BaseAddress, fragment).ToString();

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath(name), FullPage = true });

    private static void AssertNoProblems(WatchedPage page) => Assert.True(page.Problems.Count == 0, string.Join("\n", page.Problems));

    private static async Task<string[]> MarkerKeysAsync(IPage page) =>
        [.. (await page.Locator("#map .leaflet-marker-icon").EvaluateAllAsync<string[]>(
            "nodes => nodes.map(n => n.getAttribute('data-event-id') ?? ('cluster:' + n.getAttribute('data-count') + ':' + n.getAttribute('title')))")).Order(StringComparer.Ordinal)];

    private static async Task WaitForZoomAsync(IPage page, int zoom) =>
        await Assertions.Expect(page.Locator($"#map[data-zoom='{zoom}']")).ToHaveCountAsync(1);

    [Fact]
    public async Task Zooming_and_panning_change_the_visible_markers()
    {
        var watched = await OpenAsync();
        var page = watched.Page;
        var clash = await server.EventAsync("first.txt", "e1");
        var shelling = await server.EventAsync("hostile.html", "e1");
        await page.GotoAsync(Url("#/?map=7/40.75/45.6"));
        await WaitForZoomAsync(page, 7);
        await Assertions.Expect(page.Locator("#map .event-marker")).ToHaveCountAsync(2);
        Assert.Equal([clash.Id.ToString(CultureInfo.InvariantCulture), shelling.Id.ToString(CultureInfo.InvariantCulture)], (await MarkerKeysAsync(page)).Order(StringComparer.Ordinal));

        // Pan with the mouse: drag the map 600 pixels to the left, so that the view moves east of Armenia.
        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width - 60, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width - 660, box.Y + box.Height / 2, new MouseMoveOptions { Steps = 12 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.Locator("#map .leaflet-marker-icon")).ToHaveCountAsync(0);
        Assert.Matches(@"map=7%2F4\d\.\d+%2F(5|6)\d\.\d+|map=7/4\d\.\d+/(5|6)\d\.\d+", page.Url);

        // Zoom out with the keyboard (the map takes focus; "-" zooms out): Armenia's and Azerbaijan's events come back as clusters.
        await page.Locator("#map").FocusAsync();
        for (var zoom = 6; zoom >= 3; zoom--)
        {
            await page.Keyboard.PressAsync("Minus");
            await WaitForZoomAsync(page, zoom);
        }
        await Assertions.Expect(page.Locator("#map .cluster-marker")).Not.ToHaveCountAsync(0);
        Assert.Contains(await MarkerKeysAsync(page), k => k.StartsWith("cluster:2:", StringComparison.Ordinal));
        await ShotAsync(page, "map-zoomed-out");
        AssertNoProblems(watched);
    }

    [Fact]
    public async Task A_cluster_splits_into_its_events_when_clicked()
    {
        var watched = await OpenAsync();
        var page = watched.Page;
        var clash = await server.EventAsync("first.txt", "e1");
        var shelling = await server.EventAsync("hostile.html", "e1");
        await page.GotoAsync(Url("#/?map=2/20/30"));
        await WaitForZoomAsync(page, 2);
        // At zoom 2 (cells of 22.5 degrees) Oldtown and Hillvale are one cluster of two, told by its types.
        var armenia = page.Locator("#map .cluster-marker[data-count='2'][title*='Explosions']");
        await Assertions.Expect(armenia).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"#map .event-marker[data-event-id='{clash.Id}']")).ToHaveCountAsync(0);
        await ShotAsync(page, "map-clustered");
        await armenia.ClickAsync();
        await Assertions.Expect(page.Locator($"#map .event-marker[data-event-id='{clash.Id}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"#map .event-marker[data-event-id='{shelling.Id}']")).ToHaveCountAsync(1);
        var zoom = int.Parse((await page.Locator("#map").GetAttributeAsync("data-zoom"))!, CultureInfo.InvariantCulture);
        Assert.True(zoom >= 6, $"zoom {zoom}");
        // A single event opens its summary with a link to the event.
        await page.Locator($"#map .event-marker[data-event-id='{clash.Id}']").ClickAsync();
        await Assertions.Expect(page.Locator(".leaflet-popup .popup a")).ToHaveAttributeAsync("href", $"#/event/{clash.Id}");
        await ShotAsync(page, "map-split");
        AssertNoProblems(watched);
    }

    [Fact]
    public async Task A_cluster_that_cannot_split_selects_its_events_for_the_table()
    {
        var watched = await OpenAsync();
        var page = watched.Page;
        // Rivercity's two events share one point: clicking their cluster filters the table to them.
        await page.GotoAsync(Url("#/?map=6/-10/20"));
        await WaitForZoomAsync(page, 6);
        await page.Locator("#map .cluster-marker[data-count='2']").ClickAsync();
        try
        {
            await Assertions.Expect(page.Locator("#events-count")).ToHaveTextAsync("1–2 of 2", new LocatorAssertionsToHaveTextOptions { Timeout = 15000 });
        }
        catch (PlaywrightException e)
        {
            await ShotAsync(page, "debug-select");
            throw new InvalidOperationException(page.Url + "\n" + string.Join("\n", watched.Problems), e);
        }
        Assert.Contains("bbox=", page.Url, StringComparison.Ordinal);
        Assert.All(await page.Locator("#events-table tbody td:nth-child(4)").AllTextContentsAsync(), c => Assert.Equal("AZE", c));
        await page.ClickAsync("#clear-selection");
        await Assertions.Expect(page.Locator("#events-count")).ToHaveTextAsync("1–5 of 5");
        AssertNoProblems(watched);
    }

    [Fact]
    public async Task The_legend_filters_by_event_type()
    {
        var watched = await OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(Url("#/"));
        await page.ClickAsync(".legend button[data-type='Battles']");
        await Assertions.Expect(page.Locator("#events-count")).ToHaveTextAsync("1–2 of 2");
        Assert.Contains("type=Battles", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".legend button[data-type='Battles']")).ToHaveAttributeAsync("aria-pressed", "true");
        AssertNoProblems(watched);
    }

    [Fact]
    public async Task Brushing_the_timeline_sets_the_date_filter_and_the_url()
    {
        var watched = await OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(Url("#/"));
        await Assertions.Expect(page.Locator("#events-count")).ToHaveTextAsync("1–5 of 5");
        var over = page.Locator("#timeline .u-over");
        await Assertions.Expect(over).ToHaveCountAsync(1);
        await over.ScrollIntoViewIfNeededAsync();
        var box = (await over.BoundingBoxAsync())!;
        // From the middle of 1995-2024 to past the right edge: every event of 2024, not the one of 1995.
        await page.Mouse.MoveAsync(box.X + box.Width * 0.5f, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width + 30, box.Y + box.Height / 2, new MouseMoveOptions { Steps = 10 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.Locator("#events-count")).ToHaveTextAsync("1–4 of 4");
        Assert.Matches(@"from=20[01]\d-\d\d-\d\d", page.Url);
        Assert.Contains("to=2024-06-01", page.Url, StringComparison.Ordinal);
        Assert.Matches(@"^20[01]\d-\d\d-\d\d$", await page.InputValueAsync("input[name=from]"));
        Assert.Equal("2024-06-01", await page.InputValueAsync("input[name=to]"));
        await ShotAsync(page, "timeline-brushed");
        // Back returns to the unfiltered view.
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#events-count")).ToHaveTextAsync("1–5 of 5");
        AssertNoProblems(watched);
    }

    [Theory]
    [InlineData("", "Azerbaijan")]
    [InlineData("?lang=ro", "Azerbaidjan")]
    [InlineData("", "aze")]
    public async Task A_country_typed_by_name_filters_the_events(string language, string typed)
    {
        var watched = await OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(Url("#/" + language));
        await Assertions.Expect(page.Locator("#events-count")).Not.ToHaveTextAsync("");
        await page.FillAsync("input[name=country]", typed);
        await page.ClickAsync("#filters button[type=submit]");
        await Assertions.Expect(page.Locator("#events-table tbody tr.event-row")).ToHaveCountAsync(2);
        Assert.Contains("country=AZE", page.Url, StringComparison.Ordinal);
        Assert.All(await page.Locator("#events-table tbody td:nth-child(4)").AllTextContentsAsync(), c => Assert.Equal("AZE", c));
        // The box shows the state's name in the interface's language.
        await Assertions.Expect(page.Locator("input[name=country]")).ToHaveValueAsync(language == "" ? "Azerbaijan" : "Azerbaidjan");
        await ShotAsync(page, "country-by-name" + (language == "" ? "" : "-ro"));
        AssertNoProblems(watched);
    }

    [Theory]
    // Relevance of the sample's articles: first.txt 0.9 (two events), second.txt 0.35, hostile.html unknown.
    [InlineData("", "0.5")]
    // Romanian writes a decimal comma; the URL and the API keep the dot.
    [InlineData("?lang=ro", "0,5")]
    public async Task A_minimum_relevance_typed_in_the_languages_notation_filters_the_events(string language, string typed)
    {
        var watched = await OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(Url("#/" + language));
        await Assertions.Expect(page.Locator("#events-table tbody tr.event-row")).ToHaveCountAsync(5);
        await page.FillAsync("input[name=minRelevance]", typed);
        await page.ClickAsync("#filters button[type=submit]");
        await Assertions.Expect(page.Locator("#events-table tbody tr.event-row")).ToHaveCountAsync(2);
        Assert.Contains("minRelevance=0.5", page.Url, StringComparison.Ordinal);
        // A reload (or a shared link) shows the value as the language writes it.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("input[name=minRelevance]")).ToHaveValueAsync(typed);
        await Assertions.Expect(page.Locator("#events-table tbody tr.event-row")).ToHaveCountAsync(2);
        AssertNoProblems(watched);
    }

    [Theory]
    [InlineData("#/?from=2024-02-30", "from", "from '2024-02-30'")]
    [InlineData("#/?country=Atlantis", "country", "country 'Atlantis'")]
    [InlineData("#/?minRelevance=2", "minRelevance", "minRelevance '2'")]
    public async Task A_filter_the_api_refuses_shows_its_message_beside_the_filters(string fragment, string field, string message)
    {
        var watched = await OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(Url(fragment));
        var error = page.Locator("#filter-error");
        await Assertions.Expect(error).ToBeVisibleAsync();
        await Assertions.Expect(error).ToContainTextAsync(message);
        await Assertions.Expect(page.Locator($"#filters [name={field}]")).ToHaveAttributeAsync("aria-invalid", "true");
        await ShotAsync(page, "bad-filter-" + field);
        // The browser reports the refused requests (400) on its console; nothing else may appear there.
        Assert.All(watched.Problems, p => Assert.Contains("400", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_shared_url_restores_the_same_view()
    {
        const string Shared = "#/?lang=ro&country=ARM&bucket=week&scale=sqrt&cols=date,event,fatalities&sort=fatalities:desc&map=7/40.75/45.6";
        var watched = await OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(Url(Shared));
        var clash = await server.EventAsync("first.txt", "e1");
        await WaitForZoomAsync(page, 7);
        Assert.Equal("ro", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.Locator("input[name=country]")).ToHaveValueAsync("Armenia");
        Assert.Equal("week", await page.InputValueAsync("select[name=bucket]"));
        Assert.Equal("sqrt", await page.InputValueAsync("select[name=scale]"));
        await Assertions.Expect(page.Locator("#events-table thead th")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#events-table tbody tr").First).ToHaveAttributeAsync("data-event-id", clash.Id.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#events-table thead th").Nth(2)).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(page.Locator("#map .event-marker")).ToHaveCountAsync(2);
        // Romanian interface: dates and numbers in Romanian.
        await Assertions.Expect(page.Locator("#events-title")).ToHaveTextAsync("Evenimente");
        await Assertions.Expect(page.Locator("#events-table tbody tr").First.Locator("td").First).ToHaveTextAsync("6 mai 2024");
        await ShotAsync(page, "shared-view-ro");
        AssertNoProblems(watched);
    }

    [Fact]
    public async Task The_country_page_shows_totals_sides_types_and_timeline()
    {
        var watched = await OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(Url("#/country/ARM"));
        await Assertions.Expect(page.Locator("#country-title")).ToHaveTextAsync("Armenia (ARM)");
        await Assertions.Expect(page.Locator("#by-family .bar-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".stat-value").First).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#timeline canvas")).ToHaveCountAsync(1);
        await ShotAsync(page, "country");
        AssertNoProblems(watched);
    }

    public static TheoryData<string> Views => new() { "#/", "#/?lang=ro", "event", "document", "#/country/ARM" };

    private async Task<string> FragmentAsync(string view)
    {
        var clash = await server.EventAsync("first.txt", "e1");
        return view switch
        {
            "event" => $"#/event/{clash.Id}",
            "document" => $"#/document/{clash.DocumentId}?event={clash.Id}",
            _ => view,
        };
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task At_390_pixels_nothing_is_wider_than_the_screen(string view)
    {
        var watched = await OpenAsync(390, 844);
        var page = watched.Page;
        await page.GotoAsync(Url(await FragmentAsync(view)));
        await Assertions.Expect(page.Locator("#view .loading")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#view .card").First).ToBeVisibleAsync();
        // Every element ends inside the screen, except inside a box that scrolls on its own (the table) or the map's panes.
        var overflowing = await page.EvaluateAsync<string[]>(@"() => {
            const width = document.documentElement.clientWidth;
            const out = [];
            for (const node of document.body.querySelectorAll('*')) {
                if (node.closest('.table-scroll, .leaflet-pane, .leaflet-control-container, .visually-hidden, .skip-link, datalist, option')) continue;
                const r = node.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue;
                if (r.right > width + 1 || r.left < -1) out.push(`${node.tagName.toLowerCase()}.${node.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
            }
            if (document.documentElement.scrollWidth > width) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth}`);
            return out;
        }");
        Assert.True(overflowing.Length == 0, string.Join("\n", overflowing.Take(20)));
        // The navigation collapses behind a menu button.
        await Assertions.Expect(page.Locator("#topnav")).ToBeHiddenAsync();
        await page.ClickAsync("#menu-button");
        await Assertions.Expect(page.Locator("#topnav")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#menu-button")).ToHaveAttributeAsync("aria-expanded", "true");
        await ShotAsync(page, "mobile-" + NameOf(view));
        AssertNoProblems(watched);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Axe_finds_no_serious_or_critical_violation(string view)
    {
        var watched = await OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(Url(await FragmentAsync(view)));
        await Assertions.Expect(page.Locator("#view .loading")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#view .card").First).ToBeVisibleAsync();
        if (view.StartsWith("#/", StringComparison.Ordinal) && !view.Contains("country", StringComparison.Ordinal))
        {
            await Assertions.Expect(page.Locator("#map[data-ready=true]")).ToHaveCountAsync(1);
        }
        // Evaluated through the debugging protocol, so the page's script policy does not apply to the checker.
        await page.EvaluateAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "axe-core-4.14.1", "axe.min.js")));
        var violations = await page.EvaluateAsync<JsonElement>(@"async () => {
            const result = await axe.run(document, { resultTypes: ['violations'] });
            return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} -> ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')}`);
        }");
        var found = violations.EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
        AssertNoProblems(watched);
    }

    private static string NameOf(string view) => view switch
    {
        "#/" => "overview",
        "#/?lang=ro" => "overview-ro",
        "#/country/ARM" => "country",
        _ => view,
    };
}
