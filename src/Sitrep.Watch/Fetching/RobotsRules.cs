using System.Globalization;

namespace Sitrep.Watch.Fetching;

/// <summary>
/// A site's robots.txt as RFC 9309 reads it: the group for our user-agent token (else the <c>*</c> group),
/// Allow and Disallow by the longest matching path (Allow wins a tie), <c>*</c> and <c>$</c> in patterns,
/// and the common Crawl-delay extension.
/// </summary>
public sealed class RobotsRules
{
    private readonly List<(string Pattern, bool Allow)> _rules;

    private RobotsRules(List<(string, bool)> rules, TimeSpan crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>Everything allowed (no robots.txt, or a 4xx for it).</summary>
    public static RobotsRules AllowAll { get; } = new([], TimeSpan.Zero);

    /// <summary>Nothing allowed (robots.txt unreachable through a server error: RFC 9309 says assume the worst for now).</summary>
    public static RobotsRules DisallowAll { get; } = new([("/", false)], TimeSpan.Zero);

    public TimeSpan CrawlDelay { get; }

    public static RobotsRules Parse(string text, string agentToken)
    {
        var ours = new List<(string, bool)>();
        var any = new List<(string, bool)>();
        TimeSpan? oursDelay = null, anyDelay = null;
        var foundOurs = false;
        var groupAgents = new List<string>();
        var inRules = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0) line = line[..hash];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) continue;
            var field = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (field == "user-agent")
            {
                // A user-agent line after rules starts a new group.
                if (inRules) { groupAgents.Clear(); inRules = false; }
                groupAgents.Add(value.ToLowerInvariant());
                continue;
            }
            if (field is not ("allow" or "disallow" or "crawl-delay")) continue;
            inRules = true;
            var forUs = groupAgents.Exists(a => a.Length > 0 && a != "*" && agentToken.StartsWith(a, StringComparison.OrdinalIgnoreCase));
            var forAny = groupAgents.Contains("*");
            if (!forUs && !forAny) continue;
            foundOurs |= forUs;
            if (field == "crawl-delay")
            {
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                {
                    var delay = TimeSpan.FromSeconds(Math.Min(seconds, 60));
                    if (forUs) oursDelay = delay; else anyDelay = delay;
                }
                continue;
            }
            // An empty Disallow allows everything: it adds no rule.
            if (value.Length == 0) continue;
            (forUs ? ours : any).Add((value, field == "allow"));
        }
        return foundOurs
            ? new RobotsRules(ours, oursDelay ?? TimeSpan.Zero)
            : new RobotsRules(any, anyDelay ?? TimeSpan.Zero);
    }

    /// <param name="pathAndQuery">The URL's path and query, as sent ("/news/1?x=2").</param>
    public bool IsAllowed(string pathAndQuery)
    {
        if (pathAndQuery.Equals("/robots.txt", StringComparison.Ordinal)) return true;
        var bestLength = -1;
        var allowed = true;
        foreach (var (pattern, allow) in _rules)
        {
            if (!Matches(pattern, pathAndQuery)) continue;
            if (pattern.Length > bestLength || (pattern.Length == bestLength && allow))
            {
                bestLength = pattern.Length;
                allowed = allow;
            }
        }
        return allowed;
    }

    /// <summary>Prefix match with <c>*</c> for any run of characters and a final <c>$</c> for the end of the path.</summary>
    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        if (anchored) pattern = pattern[..^1];
        return Match(pattern, 0, path, 0, anchored);
    }

    private static bool Match(string pattern, int p, string path, int s, bool anchored)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == '*')
            {
                while (p < pattern.Length && pattern[p] == '*') p++;
                if (p == pattern.Length) return true;
                for (var k = s; k <= path.Length; k++)
                {
                    if (Match(pattern, p, path, k, anchored)) return true;
                }
                return false;
            }
            if (s >= path.Length || pattern[p] != path[s]) return false;
            p++;
            s++;
        }
        return !anchored || s == path.Length;
    }
}
