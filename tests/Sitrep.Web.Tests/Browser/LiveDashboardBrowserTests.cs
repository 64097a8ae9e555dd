using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Sitrep.Store.Model;
using Sitrep.Store.Sql;
using Sitrep.Watch.Sources;
using Sitrep.Watch.State;
using Sitrep.Watch.Tests.Support;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests.Browser;

/// <summary>
/// The whole loop in a real browser: a fixture news site (Kestrel) publishes an article while the dashboard is
/// open; <c>watch</c> polls it into the database the dashboard's server reads; the new event appears in the
/// table within the live stream's interval, without a reload. And the Sources page tells how the source fares.
/// </summary>
public sealed class LiveDashboardBrowserTests(Support.Browser browser) : IClassFixture<Support.Browser>, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private FixtureSite _site = null!;
    private Harness _watch = null!;
    private IReadOnlyList<WatchSource> _sources = null!;
    private SqliteEventStore _store = null!;
    private WatchState _state = null!;
    private WebApplication _app = null!;
    private WatchedPage _watched = null!;
    private readonly List<Fixtures.Item> _items = [];

    public async Task InitializeAsync()
    {
        _site = await FixtureSite.StartAsync();
        _watch = Harness.Sqlite(_folder.Path);
        _sources = Harness.Sources($$"""{ "sources": [ { "url": "{{_site.Url("/rss.xml")}}", "kind": "feed", "name": "Fixture Daily", "allowPrivateAddresses": true } ] }""");
        // The morning's article, stored before the dashboard opens.
        Publish("/world/market-shelling-in-kharkiv-on-sunday.html", "Market shelled in Kharkiv", Fixtures.ShellingEn, "en");
        await _watch.RunOnceAsync(_sources);

        // The dashboard's server reads the same database, read-only, as `sitrep serve` does beside a running watcher.
        _store = await SqliteEventStore.OpenReadOnlyAsync(_watch.Database!);
        _state = WatchState.OpenForReading(_watch.Database, null);
        _app = SitrepWebHost.Build(_store, "http://127.0.0.1:0", watch: _state);
        await _app.StartAsync();
        _watched = await WatchedPage.OpenAsync(browser.Instance);
    }

    public async Task DisposeAsync()
    {
        await _watched.DisposeAsync();
        await _app.DisposeAsync();
        await _state.DisposeAsync();
        await _store.DisposeAsync();
        await _watch.DisposeAsync();
        await _site.DisposeAsync();
        _folder.Dispose();
    }

    private string Url(string fragment) => SitrepWebHost.ListeningUrls(_app).Single() + "/" + fragment;

    private void Publish(string path, string title, string body, string lang)
    {
        _site.ServePage(path, Fixtures.Page(title, body, published: "2026-11-30T08:00:00Z", lang: lang));
        _items.Insert(0, new Fixtures.Item(title, _site.Url(path).AbsoluteUri, Fixtures.Monday));
        _site.ServeFeed("/rss.xml", Fixtures.Rss("Fixture Daily", [.. _items]));
    }

    [Fact]
    public async Task An_article_published_while_the_dashboard_is_open_appears_in_the_table_without_a_reload()
    {
        var page = _watched.Page;
        await page.GotoAsync(Url("#/"));
        var rows = page.Locator("#events-table tbody tr.event-row");
        await Assertions.Expect(rows).Not.ToHaveCountAsync(0);
        var before = await rows.CountAsync();
        await Assertions.Expect(page.Locator("#live-status[data-state=on]")).ToHaveCountAsync(1);
        // A mark on this document: a reload would lose it.
        await page.EvaluateAsync("window.sitrepTestMark = 'still the same page'");

        Publish("/lumea/lupte-langa-bahmut-duminica.html", "Lupte lângă Bahmut", Fixtures.ClashRo, "ro");
        await _watch.RunOnceAsync(_sources);
        var stored = Stopwatch.StartNew();
        var added = (await _store.QueryEventsAsync(new EventQuery(EventFilter.All, 0, 100))).Items
            .Where(e => e.DocumentKey.Contains("lupte-langa-bahmut", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(added);

        foreach (var e in added)
        {
            await Assertions.Expect(page.Locator($"#events-table tr.event-row.new[data-event-id='{e.Id}']"))
                .ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        }
        var shownAfter = stored.Elapsed;
        await Assertions.Expect(rows).ToHaveCountAsync(before + added.Count);
        // The stream reads the store's version each second; with the table's reading, a few seconds at most on a busy machine.
        Assert.True(shownAfter < TimeSpan.FromSeconds(5), $"the new event took {shownAfter} to appear");
        Assert.Equal("still the same page", await page.EvaluateAsync<string>("window.sitrepTestMark"));
        // The morning's rows are there and not marked new.
        await Assertions.Expect(page.Locator("#events-table tr.event-row:not(.new)")).ToHaveCountAsync(before);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("live-new-event"), FullPage = true });
        Assert.True(_watched.Problems.Count == 0, string.Join("\n", _watched.Problems));
    }

    [Fact]
    public async Task The_sources_page_lists_the_source_with_its_health_in_english_and_romanian()
    {
        var page = _watched.Page;
        await page.GotoAsync(Url("#/sources"));
        var row = page.Locator("#sources-table tr.source-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td").Nth(0)).ToContainTextAsync("Fixture Daily");
        await Assertions.Expect(row.Locator(".source-status.source-ok")).ToHaveTextAsync("working");
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("–");
        await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("1");

        // The page follows the live stream too: a second article stored raises today's count.
        Publish("/lumea/lupte-langa-bahmut-duminica.html", "Lupte lângă Bahmut", Fixtures.ClashRo, "ro");
        await _watch.RunOnceAsync(_sources);
        await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("2", new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });

        await page.ClickAsync("#lang-ro");
        await Assertions.Expect(page.Locator("#sources-title")).ToHaveTextAsync("Surse urmărite");
        await Assertions.Expect(row.Locator(".source-status")).ToHaveTextAsync("funcționează");
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("În direct");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("sources-ro"), FullPage = true });
        Assert.True(_watched.Problems.Count == 0, string.Join("\n", _watched.Problems));
    }
}
