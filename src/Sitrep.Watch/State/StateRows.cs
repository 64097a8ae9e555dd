namespace Sitrep.Watch.State;

/// <summary>What the store remembers of a source between polls (table watch_sources).</summary>
public sealed class SourceRow
{
    public string SourceKey { get; set; } = "";
    public string? Name { get; set; }
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    public long? LastFetchAt { get; set; }
    public long? LastSuccessAt { get; set; }
    public string? LastError { get; set; }
    public long? LastErrorAt { get; set; }
    public long ConsecutiveFailures { get; set; }
    public long NextDueAt { get; set; }
    public string? LeaseOwner { get; set; }
    public long? LeaseUntil { get; set; }
}

/// <summary>What the store remembers of an article URL (table watch_urls).</summary>
public sealed class UrlRow
{
    public string CanonicalUrl { get; set; } = "";
    public string SourceKey { get; set; } = "";
    public string? ItemSignature { get; set; }
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    public string? ContentHash { get; set; }
    public long Revision { get; set; }
    public long FirstSeenAt { get; set; }
}

/// <summary>An alert waiting for one sink (watch_alerts joined with watch_alert_deliveries).</summary>
public sealed class PendingAlert
{
    public string AlertKey { get; set; } = "";
    public string PayloadJson { get; set; } = "";
    public long Attempts { get; set; }
}

/// <summary>An alert to record with the article that raised it.</summary>
public sealed record NewAlert(string Key, string Rule, string PayloadJson);

/// <summary>A source's health, for logs and the Sources page.</summary>
public sealed record SourceHealth(string SourceKey, string? Name, DateTimeOffset? LastSuccess, string? LastError, DateTimeOffset? LastErrorAt, long ConsecutiveFailures, long DocumentsToday);
