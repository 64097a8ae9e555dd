using Microsoft.AspNetCore.Http;
using System.Diagnostics;
using Sitrep.Watch.Fetching;
using Sitrep.Watch.Tests.Support;

namespace Sitrep.Watch.Tests.Fetching;

/// <summary>The fetcher against a real HTTP server on loopback: every politeness and safety rule, counted on the server side.</summary>
public sealed class PoliteFetcherTests : IAsyncLifetime
{
    private FixtureSite _site = null!;
    private readonly TempFolder _folder = new();

    public async Task InitializeAsync() => _site = await FixtureSite.StartAsync();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<FetchResult> FetchAsync(string path, Validators? validators = null, bool allowPrivate = true, FetchOptions? options = null)
    {
        await using var harness = Harness.Sqlite(_folder.Path, options);
        return await harness.Fetcher().FetchAsync(_site.Url(path), validators, allowPrivate, CancellationToken.None);
    }

    [Fact]
    public async Task A_known_etag_makes_the_request_conditional_and_a_304_costs_no_body()
    {
        _site.ServePage("/a.html", Fixtures.Page("A", Fixtures.QuietEn));
        var first = await FetchAsync("/a.html");
        Assert.Equal(FetchStatus.Ok, first.Status);
        Assert.NotNull(first.Validators!.ETag);

        var second = await FetchAsync("/a.html", first.Validators);
        Assert.Equal(FetchStatus.NotModified, second.Status);
        Assert.Null(second.Body);
        Assert.Equal(2, _site.Hits("/a.html"));
        Assert.Equal([null, first.Validators.ETag], _site.Requests.Where(r => r.Path == "/a.html").Select(r => r.IfNoneMatch));
    }

    [Fact]
    public async Task A_path_disallowed_by_robots_txt_is_never_requested()
    {
        _site.Serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        _site.ServePage("/private/a.html", Fixtures.Page("A", Fixtures.QuietEn));
        _site.ServePage("/public/b.html", Fixtures.Page("B", Fixtures.QuietEn));
        var refused = await FetchAsync("/private/a.html");
        var allowed = await FetchAsync("/public/b.html");
        Assert.Equal(FetchStatus.Refused, refused.Status);
        Assert.Contains("robots.txt", refused.Error, StringComparison.Ordinal);
        Assert.Equal(FetchStatus.Ok, allowed.Status);
        Assert.Equal(0, _site.Hits("/private/a.html"));
    }

    [Fact]
    public async Task Robots_txt_is_read_once_per_site_and_kept()
    {
        _site.Serve("/robots.txt", "text/plain", "User-agent: *\nDisallow:\n");
        _site.ServePage("/a.html", Fixtures.Page("A", Fixtures.QuietEn));
        await using var harness = Harness.Sqlite(_folder.Path);
        var fetcher = harness.Fetcher();
        for (var i = 0; i < 3; i++) Assert.Equal(FetchStatus.Ok, (await fetcher.FetchAsync(_site.Url("/a.html"), null, true, CancellationToken.None)).Status);
        Assert.Equal(1, _site.Hits("/robots.txt"));
        Assert.Equal(3, _site.Hits("/a.html"));
    }

    [Fact]
    public async Task A_server_error_is_retried_and_the_success_after_it_is_used()
    {
        var calls = 0;
        _site.Route("/flaky.html", async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 500;
                return;
            }
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(Fixtures.Page("Back", Fixtures.QuietEn));
        });
        var result = await FetchAsync("/flaky.html");
        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(2, _site.Hits("/flaky.html"));
    }

    [Fact]
    public async Task Server_errors_that_persist_end_in_a_failure_after_the_retries()
    {
        _site.Route("/down.html", context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        var result = await FetchAsync("/down.html");
        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.True(result.Transient);
        Assert.Equal(1 + Harness.QuickOptions.Retries, _site.Hits("/down.html"));
    }

    [Fact]
    public async Task A_404_is_not_retried()
    {
        var result = await FetchAsync("/missing.html");
        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal(404, result.HttpStatus);
        Assert.False(result.Transient);
        Assert.Equal(1, _site.Hits("/missing.html"));
    }

    [Fact]
    public async Task A_slow_server_times_out_without_holding_up_another_request()
    {
        _site.ServePage("/slow.html", Fixtures.Page("Slow", Fixtures.QuietEn), delay: TimeSpan.FromSeconds(30));
        _site.ServePage("/fast.html", Fixtures.Page("Fast", Fixtures.QuietEn));
        var options = Harness.QuickOptions with { AttemptTimeout = TimeSpan.FromSeconds(1), Retries = 0 };
        await using var harness = Harness.Sqlite(_folder.Path, options);
        var fetcher = harness.Fetcher();
        var clock = Stopwatch.StartNew();
        var slow = fetcher.FetchAsync(_site.Url("/slow.html"), null, true, CancellationToken.None);
        var fast = await fetcher.FetchAsync(_site.Url("/fast.html"), null, true, CancellationToken.None);
        var fastTime = clock.Elapsed;
        var slowResult = await slow;
        Assert.Equal(FetchStatus.Ok, fast.Status);
        Assert.True(fastTime < TimeSpan.FromSeconds(1), $"the fast page took {fastTime}");
        Assert.Equal(FetchStatus.Failed, slowResult.Status);
        Assert.Contains("timed out", slowResult.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the slow page took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_50_megabyte_page_is_cut_at_the_cap()
    {
        long sent = 0;
        _site.Route("/huge.html", async context =>
        {
            // No Content-Length: the cap must hold while reading, not only by the header.
            context.Response.ContentType = "text/html";
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'a');
            for (var i = 0; i < 50 * 16; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                Interlocked.Add(ref sent, chunk.Length);
                // A megabyte every 20 ms: the whole page would take over a second to send.
                if (i % 16 == 15) await Task.Delay(20, context.RequestAborted);
            }
        });
        var clock = Stopwatch.StartNew();
        var result = await FetchAsync("/huge.html");
        var sentWhenRefused = Interlocked.Read(ref sent);
        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Contains("cap", result.Error, StringComparison.Ordinal);
        Assert.Null(result.Body);
        // Reading stopped at the 1 MB cap: the fetch did not wait for the rest of the 50 MB.
        Assert.True(sentWhenRefused < 8L * 1024 * 1024, $"the fetch ended only after {sentWhenRefused} bytes were sent");
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_is_refused_before_reading()
    {
        _site.Route("/declared.html", async context =>
        {
            context.Response.ContentLength = 50L * 1024 * 1024;
            await context.Response.Body.WriteAsync(new byte[1024], context.RequestAborted);
        });
        var result = await FetchAsync("/declared.html");
        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Contains("over the", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_loop_is_stopped()
    {
        _site.Route("/loop-a", context => { context.Response.Redirect("/loop-b"); return Task.CompletedTask; });
        _site.Route("/loop-b", context => { context.Response.Redirect("/loop-a"); return Task.CompletedTask; });
        var result = await FetchAsync("/loop-a");
        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Contains("redirects", result.Error, StringComparison.Ordinal);
        Assert.Equal(1 + Harness.QuickOptions.MaxRedirects, _site.Hits("/loop-a") + _site.Hits("/loop-b"));
    }

    [Fact]
    public async Task Redirects_within_the_limit_are_followed()
    {
        _site.Route("/old", context => { context.Response.Redirect("/new.html", permanent: true); return Task.CompletedTask; });
        _site.ServePage("/new.html", Fixtures.Page("New", Fixtures.QuietEn));
        var result = await FetchAsync("/old");
        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal("/new.html", result.FinalUrl.AbsolutePath);
    }

    [Fact]
    public async Task A_loopback_address_is_refused_unless_the_source_allows_it()
    {
        _site.ServePage("/a.html", Fixtures.Page("A", Fixtures.QuietEn));
        var refused = await FetchAsync("/a.html", allowPrivate: false);
        Assert.Equal(FetchStatus.Refused, refused.Status);
        Assert.Contains("allowPrivateAddresses", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, _site.Hits("/a.html") + _site.Hits("/robots.txt"));
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_is_refused()
    {
        _site.Route("/to-file", context => { context.Response.Redirect("file:///etc/passwd"); return Task.CompletedTask; });
        var result = await FetchAsync("/to-file");
        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Contains("only http and https", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gzip_bodies_are_decompressed()
    {
        var html = Fixtures.Page("Compressed", Fixtures.QuietEn);
        _site.Route("/gz.html", async context =>
        {
            context.Response.ContentType = "text/html";
            context.Response.Headers.ContentEncoding = "gzip";
            using var buffer = new MemoryStream();
            await using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            {
                await gzip.WriteAsync(System.Text.Encoding.UTF8.GetBytes(html));
            }
            await context.Response.Body.WriteAsync(buffer.ToArray());
        });
        var result = await FetchAsync("/gz.html");
        Assert.Equal(html, System.Text.Encoding.UTF8.GetString(result.Body!));
    }

    [Fact]
    public async Task One_host_gets_requests_at_the_polite_pace()
    {
        _site.ServePage("/p.html", Fixtures.Page("P", Fixtures.QuietEn));
        var options = Harness.QuickOptions with { HostGap = TimeSpan.FromMilliseconds(300) };
        await using var harness = Harness.Sqlite(_folder.Path, options);
        var fetcher = harness.Fetcher();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fetcher.FetchAsync(_site.Url("/p.html"), null, true, CancellationToken.None)));
        // robots.txt and four pages: five starts, at least four gaps apart.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(4 * 300 - 50), $"five requests took only {clock.Elapsed}");
        Assert.True(_site.MaxInFlight("/p.html") <= options.ConcurrencyPerHost);
    }
}
