namespace Sitrep.Watch.Fetching;

/// <summary>How politely and how patiently the watcher fetches (docs/WATCH.md, "Politeness").</summary>
public sealed record FetchOptions
{
    public const string DefaultUserAgent = "SitrepWatch/1.0 (news event monitor; honours robots.txt)";

    /// <summary>Sent with every request; its first word is the token robots.txt groups are matched against.</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>One attempt's time to the response headers.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Time to read a body once the headers came.</summary>
    public TimeSpan BodyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt, for 5xx, timeouts and network errors only.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>The first retry's delay; each next one doubles, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A response body larger than this (after decompression) is refused, and reading stops there.</summary>
    public long MaxResponseBytes { get; init; } = 8L * 1024 * 1024;

    public int MaxRedirects { get; init; } = 5;

    public int ConcurrencyPerHost { get; init; } = 2;

    /// <summary>The least time between the starts of two requests to one host.</summary>
    public TimeSpan HostGap { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a host's robots.txt is trusted before it is read again.</summary>
    public TimeSpan RobotsLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>The robots.txt token: the User-Agent's product name ("SitrepWatch").</summary>
    public string RobotsToken => UserAgent.Split(' ', '/')[0];
}
