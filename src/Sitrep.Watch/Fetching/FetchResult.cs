namespace Sitrep.Watch.Fetching;

/// <summary>How a fetch ended.</summary>
public enum FetchStatus
{
    /// <summary>200: the body is there.</summary>
    Ok,
    /// <summary>304: what we have is current (conditional GET).</summary>
    NotModified,
    /// <summary>The server or the network failed (after the retries, for 5xx and timeouts).</summary>
    Failed,
    /// <summary>Not fetched, by our own rules: robots.txt, a non-public address, a scheme, too many redirects, too large.</summary>
    Refused,
}

/// <summary>The validators a server gave with a response, sent back to make the next GET conditional.</summary>
public sealed record Validators(string? ETag, string? LastModified)
{
    public static Validators None { get; } = new(null, null);

    public bool IsEmpty => ETag is null && LastModified is null;
}

/// <summary>What one fetch (with its redirects and retries) gave.</summary>
public sealed record FetchResult(
    FetchStatus Status,
    Uri FinalUrl,
    int? HttpStatus = null,
    byte[]? Body = null,
    string? ContentType = null,
    Validators? Validators = null,
    string? Error = null)
{
    /// <summary>Worth trying again later (server errors, timeouts, network), as opposed to 4xx and our own refusals.</summary>
    public bool Transient => Status == FetchStatus.Failed && (HttpStatus is null or >= 500 or 429 or 408);
}
