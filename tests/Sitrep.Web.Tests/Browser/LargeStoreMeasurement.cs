using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Sitrep.Store.Sql;
using Sitrep.Web.Tests.Support;
using Xunit.Abstractions;

namespace Sitrep.Web.Tests.Browser;

/// <summary>Runs only when SITREP_DASHBOARD_BENCH_DB names a SQLite store (e.g. one seeded by bench/Sitrep.StoreLoad).</summary>
public sealed class LargeStoreFactAttribute : FactAttribute
{
    public const string Variable = "SITREP_DASHBOARD_BENCH_DB";

    public LargeStoreFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable))) Skip = $"set {Variable} to a large SQLite store to measure the dashboard over it";
    }
}

/// <summary>
/// The overview over a large store, measured in the browser: time from navigation to the first map render
/// (clusters drawn, table and timeline there), and frames during a one-second pan of the map. Numbers go to
/// the test output and to docs/PERFORMANCE.md by hand; the test fails past the issue's 2 s goal only when
/// SITREP_DASHBOARD_BENCH_STRICT is set, since a shared machine's timing is no verdict.
/// </summary>
public sealed class LargeStoreMeasurement(Support.Browser browser, ITestOutputHelper output) : IClassFixture<Support.Browser>
{
    [LargeStoreFact]
    public async Task The_overview_over_a_large_store_loads_and_pans()
    {
        var path = Environment.GetEnvironmentVariable(LargeStoreFactAttribute.Variable)!;
        await using var store = await SqliteEventStore.OpenReadOnlyAsync(path);
        var counts = await store.CountAsync();
        await using var app = SitrepWebHost.Build(store, "http://127.0.0.1:0");
        await app.StartAsync();
        var baseAddress = SitrepWebHost.ListeningUrls(app).Single();
        // Each run in a new browser context: an analyst's first visit, with no answer cached by the browser.
        async Task<WatchedPage> OpenAsync()
        {
            var opened = await WatchedPage.OpenAsync(browser.Instance);
            // The page's own clock: when the map first says it is drawn, and when the timeline's canvas appears
            // (a poll from the test would add its own interval).
            await opened.Page.AddInitScriptAsync(@"new MutationObserver(() => {
                const map = document.querySelector('#map[data-ready=true]');
                if (map && window.__mapAt === undefined) window.__mapAt = performance.now();
                if (document.querySelector('#timeline canvas') && window.__timelineAt === undefined) window.__timelineAt = performance.now();
            }).observe(document, { subtree: true, childList: true, attributes: true });");
            return opened;
        }
        // The first run pays the server's cold caches (the gazetteer, SQLite's pages, the in-memory digest); the second is
        // another analyst once the server is warm. Two filtered overviews follow for the record: one a country (an indexed filter), one a
        // minimum relevance (no index: the database reads every event); only the warm unfiltered one is held to 2 s.
        (string Name, string Fragment)[] runs = [("cold", "#/"), ("warm", "#/"), ("country", "#/?country=SDN"), ("relevance", "#/?minRelevance=0.9")];
        for (var run = 1; run <= runs.Length; run++)
        {
            var (name, fragment) = runs[run - 1];
            await using var visit = await OpenAsync();
            var page = visit.Page;
            await page.GotoAsync($"{baseAddress}/?run={run}{fragment}");
            await Assertions.Expect(page.Locator("#map[data-ready=true]")).ToHaveCountAsync(1, new() { Timeout = 120_000 });
            await Assertions.Expect(page.Locator("#timeline canvas")).ToHaveCountAsync(1, new() { Timeout = 120_000 });
            var map = await page.EvaluateAsync<double>("() => window.__mapAt / 1000");
            var all = await page.EvaluateAsync<double>("() => window.__timelineAt / 1000");
            var markers = await page.Locator("#map .leaflet-marker-icon").CountAsync();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run} ({name}, {fragment}): {counts.Events:N0} events: from navigation start, map drawn at {map:F2} s ({markers} markers), timeline at {all:F2} s"));
            // Every request's own time once all have answered (statistics and the table may come after the map).
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 120_000 });
            var requests = await page.EvaluateAsync<string[]>(
                "() => performance.getEntriesByType('resource').filter(r => r.name.includes('/api/') || r.name.includes('/geo/')).map(r => `${new URL(r.name).pathname} start ${(r.startTime / 1000).toFixed(2)} s, took ${(r.duration / 1000).toFixed(2)} s`)");
            foreach (var request in requests) output.WriteLine("  " + request);
            if (Environment.GetEnvironmentVariable("SITREP_DASHBOARD_BENCH_STRICT") is not null && name == "warm") Assert.True(map < 2, $"first map render {map:F2} s");
        }

        // Back to the unfiltered overview for the pan.
        await using var watched = await OpenAsync();
        var panned = watched.Page;
        await panned.GotoAsync($"{baseAddress}/?run=pan#/");
        await Assertions.Expect(panned.Locator("#map[data-ready=true]")).ToHaveCountAsync(1, new() { Timeout = 120_000 });
        await panned.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // A one-second pan with the mouse, counting the frames the page paints meanwhile and the longest gap between two.
        await panned.EvaluateAsync("() => { window.__frames = []; const tick = (t) => { window.__frames.push(t); if (window.__frames.length < 100000) requestAnimationFrame(tick); }; requestAnimationFrame(tick); }");
        var box = (await panned.Locator("#map").BoundingBoxAsync())!;
        var clockPan = Stopwatch.StartNew();
        await panned.Mouse.MoveAsync(box.X + box.Width * 0.7f, box.Y + box.Height / 2);
        await panned.Mouse.DownAsync();
        for (var step = 1; step <= 30; step++)
        {
            await panned.Mouse.MoveAsync(box.X + box.Width * 0.7f - step * 10, box.Y + box.Height / 2 + step * 3);
            await panned.WaitForTimeoutAsync(33);
        }
        // Releasing the mouse ends the move: the map asks for the clusters of its new view.
        var newView = panned.WaitForResponseAsync(r => r.Url.Contains("/api/clusters", StringComparison.Ordinal), new() { Timeout = 120_000 });
        await panned.Mouse.UpAsync();
        var panSeconds = clockPan.Elapsed.TotalSeconds;
        var refreshed = Stopwatch.StartNew();
        var frames = await panned.EvaluateAsync<double[]>("() => window.__frames");
        var gaps = frames.Zip(frames.Skip(1), (a, b) => b - a).ToList();
        await newView;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pan: {frames.Length} frames in {panSeconds:F2} s ({frames.Length / panSeconds:F0} fps), longest gap {(gaps.Count > 0 ? gaps.Max() : 0):F0} ms; clusters of the new view {refreshed.Elapsed.TotalSeconds:F2} s after release"));
        await panned.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("large-store"), FullPage = true });
        Assert.True(frames.Length > 10, $"only {frames.Length} frames during the pan");
        SqliteConnection.ClearAllPools();
    }
}
