namespace Sitrep.Places;

/// <summary>A news outlet and its home country (null for agencies and channels that report the world).</summary>
internal sealed record Outlet(string Key, string? Country, string Language);

/// <summary>
/// The outlets Sitrep knows (data/gazetteer/lexicon/outlets.tsv): by web domain, by name, and by country-code
/// domain for the rest. A story that names no place most likely happens where its outlet is at home ("in the city"
/// in a local paper). Built once and shared; thread-safe.
/// </summary>
internal sealed class OutletRegistry
{
    private static readonly Lazy<OutletRegistry> Loaded = new(() => new OutletRegistry(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Outlet> _domains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Outlet> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Outlet> _tlds = new(StringComparer.Ordinal);

    private OutletRegistry()
    {
        foreach (var row in GazetteerResources.Rows("outlets.tsv"))
        {
            if (row.Length < 4) throw new InvalidDataException($"outlets.tsv: a row needs kind, key, country and language: '{string.Join(' ', row)}'");
            var outlet = new Outlet(row[1], row[2] == "-" ? null : row[2], row[3]);
            var table = row[0] switch
            {
                "domain" => _domains,
                "name" => _names,
                "tld" => _tlds,
                _ => throw new InvalidDataException($"outlets.tsv: unknown kind '{row[0]}'"),
            };
            table[row[1]] = outlet;
        }
    }

    public static OutletRegistry Default => Loaded.Value;

    /// <summary>The outlet a document comes from, by its URL's host, then its source written as a domain or a name; null when unknown.</summary>
    public Outlet? Find(string? source, string? url)
    {
        var host = HostOf(url) ?? (source is { } s && s.Contains('.') && !s.Contains(' ') ? HostOf("https://" + s.Trim()) : null);
        if (host is not null && ByDomain(host) is { } known) return known;
        if (source is not null && _names.TryGetValue(source.Trim().ToLowerInvariant(), out var named)) return named;
        if (host is not null && _tlds.TryGetValue(host[(host.LastIndexOf('.') + 1)..], out var national)) return national;
        return null;
    }

    /// <summary>The host and each shorter domain it belongs to, most specific first ("news.bbc.co.uk", "bbc.co.uk", "co.uk").</summary>
    private Outlet? ByDomain(string host)
    {
        var name = host;
        while (name.Contains('.'))
        {
            if (_domains.TryGetValue(name, out var outlet)) return outlet;
            name = name[(name.IndexOf('.') + 1)..];
        }
        return null;
    }

    private static string? HostOf(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Host.Length == 0) return null;
        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
