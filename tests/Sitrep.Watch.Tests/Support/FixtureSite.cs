using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sitrep.Watch.Tests.Support;

/// <summary>
/// A real news site for the tests: Kestrel on 127.0.0.1 at a free port, serving whatever the test puts at a
/// path, and counting what it was asked (requests per path, the most in flight at once per path, the
/// conditional headers it received). Unknown paths are 404s, so a site without robots.txt has none.
/// </summary>
public sealed class FixtureSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _maxInFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, string? IfNoneMatch)> _requests = new();

    private FixtureSite(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FixtureSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new FixtureSite(app);
        app.Run(site.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return site;
    }

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    public int Hits(string path) => _hits.TryGetValue(path, out var count) ? count : 0;

    public int MaxInFlight(string path) => _maxInFlight.TryGetValue(path, out var count) ? count : 0;

    public IReadOnlyList<(string Path, string? IfNoneMatch)> Requests => [.. _requests];

    public void Route(string path, Func<HttpContext, Task> handler) => _routes[path] = handler;

    /// <summary>A resource with an ETag: a request that sends the current one back gets a 304.</summary>
    public void Serve(string path, string contentType, string body, TimeSpan? delay = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var etag = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16] + "\"";
        Route(path, async context =>
        {
            if (delay is { } wait) await Task.Delay(wait, context.RequestAborted);
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                context.Response.StatusCode = 304;
                context.Response.Headers.ETag = etag;
                return;
            }
            context.Response.ContentType = contentType;
            context.Response.Headers.ETag = etag;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        });
    }

    public void ServeFeed(string path, string xml) => Serve(path, "application/rss+xml; charset=utf-8", xml);

    public void ServePage(string path, string html, TimeSpan? delay = null) => Serve(path, "text/html; charset=utf-8", html, delay);

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        _requests.Enqueue((path, context.Request.Headers.IfNoneMatch.Count > 0 ? context.Request.Headers.IfNoneMatch.ToString() : null));
        var now = _inFlight.AddOrUpdate(path, 1, (_, n) => n + 1);
        _maxInFlight.AddOrUpdate(path, now, (_, n) => Math.Max(n, now));
        try
        {
            if (_routes.TryGetValue(path, out var handler)) await handler(context);
            else context.Response.StatusCode = 404;
        }
        catch (OperationCanceledException)
        {
            // The client gave up (a timeout or a size cap): nothing more to send.
        }
        finally
        {
            _inFlight.AddOrUpdate(path, 0, (_, n) => n - 1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
