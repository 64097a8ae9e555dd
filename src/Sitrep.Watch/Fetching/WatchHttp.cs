using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Sitrep.Watch.Fetching;

/// <summary>
/// The one HttpClient configuration of the watcher, from <see cref="IHttpClientFactory"/>: decompression
/// (gzip, deflate, brotli), no automatic redirects (the fetcher follows them itself, checking each hop),
/// connections only to addresses the request allows, and a resilience pipeline: a total timeout, retries with
/// exponential backoff and jitter for 5xx, timeouts and network errors (never for 4xx), a per-attempt timeout.
/// </summary>
public static class WatchHttp
{
    public const string ClientName = "sitrep-watch";

    /// <summary>The client that posts alerts to webhooks (the operator's own receivers: any address).</summary>
    public const string WebhookClientName = "sitrep-webhook";

    /// <summary>Set on a request whose source allows loopback and private addresses.</summary>
    public static readonly HttpRequestOptionsKey<bool> AllowPrivate = new("sitrep-allow-private");

    public static IServiceCollection AddWatchHttp(this IServiceCollection services, FetchOptions options)
    {
        services.AddHttpClient(ClientName, client =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5");
                // The pipeline below owns the timeouts.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectTimeout = options.AttemptTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = ConnectAsync,
            })
            .AddResilienceHandler("watch", pipeline =>
            {
                pipeline.AddTimeout(options.AttemptTimeout * (options.Retries + 1) + options.RetryDelay * (1 << Math.Min(options.Retries, 10)));
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(options.Retries, 1),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryDelay,
                    // Only what may pass: server errors, timeouts, broken connections. A 4xx will be the same next time.
                    ShouldHandle = arguments => ValueTask.FromResult(options.Retries > 0 && arguments.Outcome switch
                    {
                        { Exception: HttpRequestException or TimeoutRejectedException } => true,
                        { Result: { } response } => (int)response.StatusCode >= 500,
                        _ => false,
                    }),
                });
                pipeline.AddTimeout(options.AttemptTimeout);
            });
        services.AddHttpClient(WebhookClientName, client =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .AddResilienceHandler("webhook", pipeline =>
            {
                pipeline.AddTimeout(options.AttemptTimeout * (options.Retries + 2) + options.RetryDelay * (1 << Math.Min(options.Retries + 1, 10)));
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(options.Retries + 1, 1),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryDelay,
                    // A receiver that is down or busy (5xx, 429) comes back; a 4xx says the request itself is wrong.
                    ShouldHandle = arguments => ValueTask.FromResult(arguments.Outcome switch
                    {
                        { Exception: HttpRequestException or TimeoutRejectedException } => true,
                        { Result: { } response } => (int)response.StatusCode >= 500 || (int)response.StatusCode == 429,
                        _ => false,
                    }),
                });
                pipeline.AddTimeout(options.AttemptTimeout);
            });
        return services;
    }

    /// <summary>Resolves the host and connects only to an address the request may reach (<see cref="AddressPolicy"/>).</summary>
    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var allowPrivate = context.InitialRequestMessage.Options.TryGetValue(AllowPrivate, out var allowed) && allowed;
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var usable = allowPrivate ? addresses : Array.FindAll(addresses, AddressPolicy.IsPublic);
        if (usable.Length == 0)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError,
                $"{host} resolves only to non-public addresses; a source must set \"allowPrivateAddresses\": true to fetch them");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
