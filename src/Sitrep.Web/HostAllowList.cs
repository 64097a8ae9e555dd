namespace Sitrep.Web;

/// <summary>
/// The Host header values the server answers by default: the names it listens on. Loopback addresses
/// also answer to "localhost" (and the other way round), as a browser on the same machine uses either.
/// A wildcard address (0.0.0.0, [::], *, +) means the operator chose to serve any name: all are allowed.
/// </summary>
public static class HostAllowList
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    public static IReadOnlyList<string> FromUrls(string urls)
    {
        var hosts = new List<string>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = HostOf(url);
            if (host is null) continue;
            if (host is "*" or "+" or "0.0.0.0" or "[::]") return ["*"];
            if (Loopback.Contains(host, StringComparer.OrdinalIgnoreCase)) hosts.AddRange(Loopback);
            else hosts.Add(host);
        }
        return [.. hosts.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The host of "http://HOST:PORT/..." as written (IPv6 in brackets); Kestrel's wildcards are not valid URIs, so parse by hand.</summary>
    private static string? HostOf(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return null;
        var rest = url[(scheme + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0) rest = rest[..slash];
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? null : rest[..(close + 1)];
        }
        var colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }
}
