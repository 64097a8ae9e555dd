using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Sitrep.Watch.Fetching;

/// <summary>
/// Fetches one URL the way a well-behaved crawler does: http and https only, robots.txt asked first (and
/// kept for a while per site), public addresses only unless allowed, the host's turn awaited
/// (<see cref="HostThrottle"/>), a conditional GET when validators are known, redirects followed one hop at
/// a time up to a limit (each hop checked again), and the body read up to a size cap. Retries of 5xx and
/// timeouts happen inside the HttpClient's pipeline (<see cref="WatchHttp"/>). Never throws for what the
/// network or a server does: every outcome is a <see cref="FetchResult"/>.
/// </summary>
public sealed class PoliteFetcher
{
    private readonly IHttpClientFactory _clients;
    private readonly FetchOptions _options;
    private readonly HostThrottle _throttle;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, Lazy<Task<(RobotsRules Rules, DateTimeOffset Until)>>> _robots = new(StringComparer.OrdinalIgnoreCase);

    public PoliteFetcher(IHttpClientFactory clients, FetchOptions options, ILogger logger, TimeProvider? clock = null)
    {
        _clients = clients;
        _options = options;
        _logger = logger;
        _clock = clock ?? TimeProvider.System;
        _throttle = new HostThrottle(options.ConcurrencyPerHost, options.HostGap, _clock);
    }

    public async Task<FetchResult> FetchAsync(Uri url, Validators? validators, bool allowPrivate, CancellationToken cancellationToken)
    {
        var current = url;
        for (var hop = 0; ; hop++)
        {
            if (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps)
            {
                return new FetchResult(FetchStatus.Refused, current, Error: $"only http and https are fetched, not {current.Scheme}:");
            }
            if (!allowPrivate && await NonPublicAsync(current, cancellationToken).ConfigureAwait(false) is { } refusal)
            {
                return new FetchResult(FetchStatus.Refused, current, Error: refusal);
            }
            var robots = await RobotsAsync(current, allowPrivate, cancellationToken).ConfigureAwait(false);
            if (!robots.IsAllowed(current.PathAndQuery))
            {
                return new FetchResult(FetchStatus.Refused, current, Error: $"robots.txt of {current.Authority} disallows {current.PathAndQuery}");
            }
            // Validators belong to the URL they came with: only the first request is conditional.
            var result = await SendAsync(current, hop == 0 ? validators : null, allowPrivate, robots.CrawlDelay, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            if (result.Redirect is not { } next) return result.Result!;
            if (hop >= _options.MaxRedirects)
            {
                return new FetchResult(FetchStatus.Refused, current, result.Status, Error: $"more than {_options.MaxRedirects} redirects (started at {url})");
            }
            current = next;
        }
    }

    private async Task<(Uri? Redirect, int Status, FetchResult? Result)> SendAsync(
        Uri url, Validators? validators, bool allowPrivate, TimeSpan crawlDelay, long maxBytes, CancellationToken cancellationToken)
    {
        using var turn = await _throttle.EnterAsync(url.Authority, crawlDelay, cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Options.Set(WatchHttp.AllowPrivate, allowPrivate);
        if (validators?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
        if (validators?.LastModified is { } modified && DateTimeOffset.TryParse(modified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
        {
            request.Headers.IfModifiedSince = since;
        }
        var client = _clients.CreateClient(WatchHttp.ClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = e is TimeoutRejectedException or OperationCanceledException ? "timed out" : e.Message;
            _logger.LogInformation("fetch {Url} failed: {Reason}", url, reason);
            return (null, 0, new FetchResult(FetchStatus.Failed, url, Error: reason));
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && status != 304 && response.Headers.Location is { } location)
            {
                return (new Uri(url, location), status, null);
            }
            var got = new Validators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return (null, status, new FetchResult(FetchStatus.NotModified, url, status, Validators: got.IsEmpty ? validators : got));
            }
            if (!response.IsSuccessStatusCode)
            {
                return (null, status, new FetchResult(FetchStatus.Failed, url, status, Error: $"HTTP {status} {response.ReasonPhrase}"));
            }
            if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
            {
                return (null, status, new FetchResult(FetchStatus.Refused, url, status, Error: $"the response is {length} bytes, over the {maxBytes}-byte cap"));
            }
            using var bodyTime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bodyTime.CancelAfter(_options.BodyTimeout);
            try
            {
                var body = await ReadCappedAsync(response, maxBytes, bodyTime.Token).ConfigureAwait(false);
                if (body is null)
                {
                    return (null, status, new FetchResult(FetchStatus.Refused, url, status, Error: $"the response is over the {maxBytes}-byte cap; reading stopped there"));
                }
                return (null, status, new FetchResult(FetchStatus.Ok, url, status, body, response.Content.Headers.ContentType?.MediaType, got));
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var reason = e is OperationCanceledException ? $"the body took longer than {_options.BodyTimeout.TotalSeconds} s" : e.Message;
                return (null, status, new FetchResult(FetchStatus.Failed, url, status is >= 200 and < 300 ? null : status, Error: reason));
            }
        }
    }

    /// <summary>The body, or null as soon as it passes the cap (the rest is never read).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0) return buffer.ToArray();
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
    }

    private static async Task<string?> NonPublicAsync(Uri url, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.IdnHost, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Net.Sockets.SocketException)
        {
            // Unknown names fail in the request itself, with the resolver's message.
            return null;
        }
        return addresses.Length > 0 && !Array.Exists(addresses, AddressPolicy.IsPublic)
            ? $"{url.Host} is a loopback, private or link-local address; the source must set \"allowPrivateAddresses\": true to fetch it"
            : null;
    }

    /// <summary>The site's rules, read once per <see cref="FetchOptions.RobotsLifetime"/> (one read at a time per site).</summary>
    private async Task<RobotsRules> RobotsAsync(Uri url, bool allowPrivate, CancellationToken cancellationToken)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        while (true)
        {
            var entry = _robots.GetOrAdd(origin, _ => new Lazy<Task<(RobotsRules, DateTimeOffset)>>(() => ReadRobotsAsync(new Uri(origin + "/robots.txt"), allowPrivate)));
            var (rules, until) = await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (until > _clock.GetUtcNow()) return rules;
            _robots.TryRemove(new KeyValuePair<string, Lazy<Task<(RobotsRules, DateTimeOffset)>>>(origin, entry));
        }
    }

    private async Task<(RobotsRules, DateTimeOffset)> ReadRobotsAsync(Uri robots, bool allowPrivate)
    {
        var now = _clock.GetUtcNow();
        FetchResult result;
        var current = robots;
        // Redirects of robots.txt are followed (RFC 9309 asks for at least five).
        for (var hop = 0; ; hop++)
        {
            var sent = await SendAsync(current, null, allowPrivate, TimeSpan.Zero, 512 * 1024, CancellationToken.None).ConfigureAwait(false);
            if (sent.Redirect is { } next && hop < _options.MaxRedirects && next.Scheme is "http" or "https")
            {
                current = next;
                continue;
            }
            result = sent.Result ?? new FetchResult(FetchStatus.Failed, current, sent.Status, Error: "too many redirects");
            break;
        }
        if (result.Status == FetchStatus.Ok)
        {
            return (RobotsRules.Parse(Encoding.UTF8.GetString(result.Body!), _options.RobotsToken), now + _options.RobotsLifetime);
        }
        if (result.HttpStatus is >= 400 and < 500)
        {
            // No robots.txt (or one we may not read): no rules.
            return (RobotsRules.AllowAll, now + _options.RobotsLifetime);
        }
        // Unreachable or a server error: assume everything disallowed, and ask again soon.
        _logger.LogWarning("robots.txt of {Origin} unreachable ({Reason}); the site is not fetched for now", robots.GetLeftPart(UriPartial.Authority), result.Error);
        return (RobotsRules.DisallowAll, now + TimeSpan.FromMinutes(5));
    }
}
