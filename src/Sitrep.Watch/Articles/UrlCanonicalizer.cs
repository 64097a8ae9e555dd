using System.Text;

namespace Sitrep.Watch.Articles;

/// <summary>
/// One address per article, so that the same story reached through two feeds, a newsletter link and a share
/// button is one document: scheme and host in lower case, default port and fragment dropped, and the
/// tracking parameters that campaigns append (utm_*, fbclid, gclid...) removed. Other parameters keep their
/// order: on some sites they choose the article.
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly HashSet<string> Tracking = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl",
        "ref_src", "ref_url", "cmpid", "ocid", "at_medium", "at_campaign", "at_custom1", "at_custom2", "spm", "sr_share",
        "CMP", "ito", "smid", "xtor", "ns_source", "ns_mchannel", "ns_campaign", "ns_linkname", "ns_fee", "rss", "from_rss",
    };

    public static Uri Canonicalize(Uri url)
    {
        var builder = new UriBuilder(url)
        {
            Scheme = url.Scheme.ToLowerInvariant(),
            Host = url.Host.ToLowerInvariant(),
            Fragment = string.Empty,
        };
        if (url.IsDefaultPort) builder.Port = -1;
        builder.Query = CleanQuery(url.Query);
        return builder.Uri;
    }

    public static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || Tracking.Contains(name);

    private static string CleanQuery(string query)
    {
        if (query.Length <= 1) return string.Empty;
        var kept = new StringBuilder();
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            if (IsTracking(name)) continue;
            if (kept.Length > 0) kept.Append('&');
            kept.Append(pair);
        }
        return kept.ToString();
    }
}
