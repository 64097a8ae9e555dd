using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sitrep.Watch.Alerts;
using Sitrep.Watch.Sources;
using Sitrep.Watch.Tests.Support;

namespace Sitrep.Watch.Tests.Watching;

/// <summary>
/// Whole <c>--once</c> runs against real fixture sites and a real SQLite store: what is stored, what is fetched
/// again and what is not, revisions, priors, and alerts to real sinks.
/// </summary>
public sealed class WatchRunTests : IAsyncLifetime
{
    private FixtureSite _site = null!;
    private readonly TempFolder _folder = new();

    public async Task InitializeAsync() => _site = await FixtureSite.StartAsync();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _folder.Dispose();
    }

    private string Source(string path, string extra = "") =>
        $"{{ \"url\": \"{_site.Url(path)}\", \"allowPrivateAddresses\": true{extra} }}";

    private IReadOnlyList<WatchSource> Sources(params string[] entries) => Harness.Sources($"{{ \"sources\": [ {string.Join(", ", entries)} ] }}");

    private void PublishNews()
    {
        _site.ServeFeed("/en/rss.xml", Fixtures.Rss("Fixture News",
            new Fixtures.Item("Market shelled in Kharkiv", _site.Url("/en/market-shelled.html?utm_source=rss").AbsoluteUri, Fixtures.Monday),
            new Fixtures.Item("Library budget approved", _site.Url("/en/library-budget.html").AbsoluteUri, Fixtures.Monday)));
        _site.ServePage("/en/market-shelled.html", Fixtures.Page("Market shelled in Kharkiv", Fixtures.ShellingEn, published: "2026-11-30T08:00:00Z"));
        _site.ServePage("/en/library-budget.html", Fixtures.Page("Library budget approved", Fixtures.QuietEn, published: "2026-11-30T07:00:00Z"));
        _site.ServeFeed("/ro/rss.xml", Fixtures.Rss("Stiri de proba",
            new Fixtures.Item("Lupte langa Bahmut", _site.Url("/ro/lupte-bahmut.html").AbsoluteUri, Fixtures.Monday)));
        _site.ServePage("/ro/lupte-bahmut.html", Fixtures.Page("Lupte langa Bahmut", Fixtures.ClashRo, published: "2026-11-30T06:00:00Z", lang: "ro"));
    }

    [Fact]
    public async Task New_items_are_stored_and_a_second_run_costs_only_conditional_gets_of_the_feeds()
    {
        PublishNews();
        await using var harness = Harness.Sqlite(_folder.Path);
        var sources = Sources(Source("/en/rss.xml", ", \"kind\": \"feed\", \"name\": \"Fixture News\""), Source("/ro/rss.xml", ", \"language\": \"ro\""));

        var first = await harness.RunOnceAsync(sources);
        Assert.Equal(3, first.DocumentsStored);
        Assert.Equal(0, first.SourcesFailed);
        Assert.Equal(3, await harness.ScalarAsync("SELECT COUNT(*) FROM documents"));
        // The tracking parameter is gone from the stored address; the document's key is its canonical URL.
        Assert.Contains(_site.Url("/en/market-shelled.html").AbsoluteUri, await harness.ColumnAsync("SELECT doc_key FROM documents"));
        Assert.Equal(["en", "en", "ro"], (await harness.ColumnAsync("SELECT language FROM documents ORDER BY language")));
        Assert.Equal("UKR", Assert.Single(await harness.ColumnAsync("SELECT DISTINCT e.country FROM events e JOIN documents d ON d.id = e.document_id WHERE d.title LIKE 'Market%' AND e.event_type <> 'Statements'")));
        Assert.True(await harness.ScalarAsync("SELECT COUNT(*) FROM events e JOIN documents d ON d.id = e.document_id WHERE d.language = 'ro' AND e.country = 'UKR'") >= 1);
        Assert.Equal("Fixture News", (await harness.ColumnAsync("SELECT DISTINCT source FROM documents WHERE language = 'en'")).Single());

        var second = await harness.RunOnceAsync(sources);
        Assert.Equal(0, second.DocumentsStored);
        Assert.Equal(2, second.NotModified);
        Assert.Equal(1, _site.Hits("/en/market-shelled.html"));
        Assert.Equal(1, _site.Hits("/ro/lupte-bahmut.html"));
        Assert.Equal(2, _site.Hits("/en/rss.xml"));
        Assert.Equal(3, await harness.ScalarAsync("SELECT COUNT(*) FROM documents"));
        Assert.Equal(2, await harness.ScalarAsync("SELECT COUNT(*) FROM watch_sources WHERE last_success_at IS NOT NULL AND etag IS NOT NULL"));
    }

    [Fact]
    public async Task Stored_events_join_their_incidents_in_the_same_run()
    {
        // Without an assignment after each stored batch the events would wait for the next ingest for an incident.
        PublishNews();
        await using var harness = Harness.Sqlite(_folder.Path);
        await harness.RunOnceAsync(Sources(Source("/en/rss.xml"), Source("/ro/rss.xml", ", \"language\": \"ro\"")));
        var events = await harness.ScalarAsync("SELECT COUNT(*) FROM events");
        Assert.True(events > 0);
        Assert.Equal(events, await harness.ScalarAsync("SELECT COUNT(*) FROM incident_reports"));
        Assert.True(await harness.ScalarAsync("SELECT COUNT(*) FROM incidents") > 0);
    }

    [Fact]
    public async Task The_same_article_in_two_feeds_is_stored_once()
    {
        _site.ServeFeed("/a/rss.xml", Fixtures.Rss("A", new Fixtures.Item("Market shelled", _site.Url("/story/market.html?utm_source=a&utm_medium=rss").AbsoluteUri, Fixtures.Monday)));
        _site.ServeFeed("/b/rss.xml", Fixtures.Rss("B", new Fixtures.Item("Market shelled", _site.Url("/story/market.html?fbclid=xyz#top").AbsoluteUri, Fixtures.Monday)));
        // A third feed links an alias whose page names the same canonical URL.
        _site.ServeFeed("/c/rss.xml", Fixtures.Rss("C", new Fixtures.Item("Market shelled", _site.Url("/amp/market.html").AbsoluteUri, Fixtures.Monday)));
        var page = Fixtures.Page("Market shelled", Fixtures.ShellingEn, canonical: _site.Url("/story/market.html").AbsoluteUri, published: "2026-11-30T08:00:00Z");
        _site.ServePage("/story/market.html", page);
        _site.ServePage("/amp/market.html", page);
        await using var harness = Harness.Sqlite(_folder.Path);
        await harness.RunOnceAsync(Sources(Source("/a/rss.xml"), Source("/b/rss.xml"), Source("/c/rss.xml")));
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM documents"));
        Assert.Equal(_site.Url("/story/market.html").AbsoluteUri, (await harness.ColumnAsync("SELECT doc_key FROM documents")).Single());
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM watch_revisions"));

        // Seen again: nothing fetched but the feeds (conditionally).
        await harness.RunOnceAsync(Sources(Source("/a/rss.xml"), Source("/b/rss.xml"), Source("/c/rss.xml")));
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM documents"));
        Assert.Equal(1, _site.Hits("/amp/market.html"));
    }

    [Fact]
    public async Task An_article_updated_by_its_outlet_becomes_a_new_revision_of_the_same_document()
    {
        var url = _site.Url("/en/market.html").AbsoluteUri;
        _site.ServeFeed("/rss.xml", Fixtures.Rss("N", new Fixtures.Item("Market shelled", url, Fixtures.Monday)));
        _site.ServePage("/en/market.html", Fixtures.Page("Market shelled", Fixtures.ShellingEn, published: "2026-11-30T08:00:00Z"));
        await using var harness = Harness.Sqlite(_folder.Path);
        var sources = Sources(Source("/rss.xml"));
        var rules = new[] { new AlertRule("deaths", [], [], [], ["current"], 1, null, null, []) };
        var sink = new CollectingSink();
        await harness.RunOnceAsync(sources, rules, [sink]);
        Assert.Equal("4", (await harness.ColumnAsync("SELECT fatalities_best FROM events WHERE fatalities_best IS NOT NULL")).Single());

        // The outlet corrects the toll and the feed says the item changed.
        _site.ServeFeed("/rss.xml", Fixtures.Rss("N", new Fixtures.Item("Market shelled: toll rises", url, Fixtures.Monday.AddHours(5))));
        _site.ServePage("/en/market.html", Fixtures.Page("Market shelled: toll rises", Fixtures.ShellingEnUpdated, published: "2026-11-30T08:00:00Z"));
        var second = await harness.RunOnceAsync(sources, rules, [sink]);
        Assert.Equal(1, second.Revisions);
        Assert.Equal(2, await harness.ScalarAsync("SELECT COUNT(*) FROM documents"));
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(DISTINCT doc_key) FROM documents"));
        Assert.Equal(["1", "2"], await harness.ColumnAsync($"SELECT revision FROM watch_revisions WHERE canonical_url = '{url}' ORDER BY revision"));
        Assert.Equal(2, await harness.ScalarAsync($"SELECT revision FROM watch_urls WHERE canonical_url = '{url}'"));
        // The current revision's document is the one whose hash watch_urls holds.
        Assert.Equal("9", (await harness.ColumnAsync("SELECT e.fatalities_best FROM events e JOIN documents d ON d.id = e.document_id JOIN watch_urls u ON u.content_hash = d.content_hash WHERE e.fatalities_best IS NOT NULL")).Single());
        // Same event, same article: the revision raised no second alert.
        Assert.Single(sink.Alerts);

        // Unchanged since: the third run stores nothing.
        var third = await harness.RunOnceAsync(sources, rules, [sink]);
        Assert.Equal(0, third.DocumentsStored);
        Assert.Equal(2, await harness.ScalarAsync("SELECT COUNT(*) FROM documents"));
    }

    [Theory]
    [InlineData("en", Fixtures.CityEn)]
    [InlineData("ro", Fixtures.CityRo)]
    public async Task A_sources_home_country_places_a_story_that_names_no_place(string language, string text)
    {
        _site.ServeFeed("/rss.xml", Fixtures.Rss("Local", new Fixtures.Item("Bomb at bus station", _site.Url("/local/bomb.html").AbsoluteUri, Fixtures.Monday)));
        _site.ServePage("/local/bomb.html", Fixtures.Page("Bomb at bus station", text, published: "2026-11-30T08:00:00Z", lang: language));
        await using var withHome = Harness.Sqlite(Path.Combine(_folder.Path, "home"));
        Directory.CreateDirectory(Path.Combine(_folder.Path, "home"));
        await withHome.RunOnceAsync(Sources(Source("/rss.xml", $", \"country\": \"BGD\", \"language\": \"{language}\"")));
        Assert.Contains("BGD", await withHome.ColumnAsync("SELECT country FROM events"));

        Directory.CreateDirectory(Path.Combine(_folder.Path, "none"));
        await using var without = Harness.Sqlite(Path.Combine(_folder.Path, "none"));
        await without.RunOnceAsync(Sources(Source("/rss.xml", $", \"language\": \"{language}\"")));
        Assert.DoesNotContain("BGD", await without.ColumnAsync("SELECT country FROM events"));
    }

    [Fact]
    public async Task A_front_page_has_its_article_links_followed_and_its_navigation_left()
    {
        _site.ServePage("/world/", """
            <html><body><nav><a href="/">Home</a> <a href="/tag/war">War</a> <a href="/about">About</a></nav>
            <ul><li><a href="/world/2026/11/30/market-shelled-in-kharkiv-city">Market</a></li>
                <li><a href="/world/2026/11/30/library-budget-approved-by-council?utm_source=home">Library</a></li>
                <li><a href="https://elsewhere.example.org/2026/11/30/other-site-story-here">Elsewhere</a></li></ul></body></html>
            """);
        _site.ServePage("/world/2026/11/30/market-shelled-in-kharkiv-city", Fixtures.Page("Market shelled", Fixtures.ShellingEn, published: "2026-11-30T08:00:00Z"));
        _site.ServePage("/world/2026/11/30/library-budget-approved-by-council", Fixtures.Page("Library budget", Fixtures.QuietEn, published: "2026-11-30T08:00:00Z"));
        await using var harness = Harness.Sqlite(_folder.Path);
        var report = await harness.RunOnceAsync(Sources(Source("/world/", ", \"kind\": \"page\"")));
        Assert.Equal(2, report.DocumentsStored);
        Assert.Equal(0, _site.Hits("/tag/war") + _site.Hits("/about") + _site.Hits("/"));
    }

    [Fact]
    public async Task A_webhook_gets_one_signed_alert_per_matching_event_and_a_failing_receiver_is_retried()
    {
        PublishNews();
        var received = new ConcurrentQueue<(string Body, string Id, string Signature)>();
        var posts = 0;
        _site.Route("/hook", async context =>
        {
            // The receiver is down for its first two requests.
            if (Interlocked.Increment(ref posts) <= 2)
            {
                context.Response.StatusCode = 503;
                return;
            }
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            received.Enqueue((await reader.ReadToEndAsync(), context.Request.Headers[WebhookSink.IdHeader].ToString(), context.Request.Headers[WebhookSink.SignatureHeader].ToString()));
            context.Response.StatusCode = 204;
        });
        await using var harness = Harness.Sqlite(_folder.Path);
        var settings = AlertsFile.Parse(Encoding.UTF8.GetBytes("""
            { "rules": [ { "name": "killed in Ukraine", "countries": ["UKR"], "minFatalitiesBest": 1 } ],
              "sinks": [ { "type": "webhook", "url": "HOOK", "secret": "fixture-secret" } ] }
            """.Replace("HOOK", _site.Url("/hook").AbsoluteUri, StringComparison.Ordinal)), "alerts.json", _folder.Path);
        var sink = new WebhookSink(settings.Sinks[0].Url!, settings.Sinks[0].Secret, harness.Clients);
        var sources = Sources(Source("/en/rss.xml"), Source("/ro/rss.xml"));
        var report = await harness.RunOnceAsync(sources, settings.Rules, [sink]);
        await harness.RunOnceAsync(sources, settings.Rules, [sink]);

        // The English market shelling (4 killed) and the Romanian clash (2 killed): one alert each, never repeated.
        var alerts = received.ToList();
        Assert.Equal(2, alerts.Count);
        Assert.Equal(2, alerts.Select(a => a.Id).Distinct().Count());
        Assert.True(posts >= 4);
        foreach (var (body, id, signature) in alerts)
        {
            Assert.Equal(WebhookSink.Sign("fixture-secret", Encoding.UTF8.GetBytes(body)), signature);
            Assert.NotEqual(WebhookSink.Sign("another-secret", Encoding.UTF8.GetBytes(body)), signature);
            using var json = JsonDocument.Parse(body);
            Assert.Equal(id, json.RootElement.GetProperty("id").GetString());
            Assert.Equal("UKR", json.RootElement.GetProperty("event").GetProperty("location").GetProperty("country").GetString());
        }
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM watch_alert_deliveries WHERE delivered_at IS NULL"));
        Assert.Equal(2, report.AlertsDelivered);
    }

    [Fact]
    public async Task Alerts_kept_in_a_json_lines_file_are_not_written_twice_when_the_outbox_repeats_them()
    {
        PublishNews();
        var file = Path.Combine(_folder.Path, "alerts.jsonl");
        await using var harness = Harness.Sqlite(_folder.Path);
        var rules = new[] { new AlertRule("any death", [], [], [], ["current"], 1, null, null, []) };
        await harness.RunOnceAsync(Sources(Source("/en/rss.xml"), Source("/ro/rss.xml")), rules, [new JsonLinesSink(file)]);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(2, lines.Length);

        // As if killed after writing the file but before recording the delivery: the outbox still has them pending.
        await harness.ScalarAsync("UPDATE watch_alert_deliveries SET delivered_at = NULL; SELECT 0");
        await harness.RunOnceAsync(Sources(Source("/en/rss.xml"), Source("/ro/rss.xml")), rules, [new JsonLinesSink(file)]);
        Assert.Equal(lines, await File.ReadAllLinesAsync(file));
    }

    [Fact]
    public async Task A_rule_with_words_matches_the_articles_that_contain_them_in_either_language()
    {
        PublishNews();
        await using var harness = Harness.Sqlite(_folder.Path);
        var sink = new CollectingSink();
        var rules = new[] { new AlertRule("words", [], [], [], [], null, null, null, ["market", "ministerul"]) };
        await harness.RunOnceAsync(Sources(Source("/en/rss.xml"), Source("/ro/rss.xml")), rules, [sink]);
        var urls = sink.Alerts.Select(a => JsonDocument.Parse(a).RootElement.GetProperty("document").GetProperty("url").GetString()).Distinct().Order().ToList();
        Assert.Equal([_site.Url("/en/market-shelled.html").AbsoluteUri, _site.Url("/ro/lupte-bahmut.html").AbsoluteUri], urls);
    }

    [Fact]
    public async Task A_failing_source_is_recorded_with_its_error_and_backed_off_while_the_others_are_polled()
    {
        PublishNews();
        _site.Route("/broken/rss.xml", context => { context.Response.StatusCode = 500; return Task.CompletedTask; });
        await using var harness = Harness.Sqlite(_folder.Path);
        var report = await harness.RunOnceAsync(Sources(Source("/broken/rss.xml"), Source("/en/rss.xml")));
        Assert.Equal(1, report.SourcesFailed);
        Assert.Equal(2, report.DocumentsStored);
        Assert.Equal("HTTP 500 Internal Server Error", (await harness.ColumnAsync($"SELECT last_error FROM watch_sources WHERE source_key = '{_site.Url("/broken/rss.xml")}'")).Single());
        Assert.Equal(1, await harness.ScalarAsync($"SELECT consecutive_failures FROM watch_sources WHERE source_key = '{_site.Url("/broken/rss.xml")}'"));
        // Backed off: due later than one interval from now.
        var due = await harness.ScalarAsync($"SELECT next_due_at FROM watch_sources WHERE source_key = '{_site.Url("/broken/rss.xml")}'");
        Assert.True(due > DateTimeOffset.UtcNow.Add(WatchSource.DefaultInterval).ToUnixTimeMilliseconds());
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM watch_sources WHERE lease_owner IS NOT NULL"));
    }

    private sealed class CollectingSink : IAlertSink
    {
        public ConcurrentQueue<string> Queue { get; } = new();

        public IReadOnlyList<string> Alerts => [.. Queue];

        public string Id => "test";

        public Task<string?> DeliverAsync(State.PendingAlert alert, CancellationToken cancellationToken)
        {
            Queue.Enqueue(alert.PayloadJson);
            return Task.FromResult<string?>(null);
        }
    }
}
