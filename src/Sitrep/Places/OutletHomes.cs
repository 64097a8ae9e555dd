using System.Collections.Concurrent;
using Sitrep.Actors;
using Sitrep.Text;

namespace Sitrep.Places;

/// <summary>
/// Where the outlet of a document is at home: the prior for a story that names no place, or names one that
/// several countries share ("Tripoli" in a Lebanese paper). In order:
/// <list type="bullet">
/// <item>the registry's outlet for the document's URL (an agency or world channel has no home: null);</item>
/// <item>for a source field, each outlet it lists ("An-Nahar; AFP; Daily Star (Lebanon)", as datasets write their
/// sources): the registry's outlet by name, else the state or people the outlet's name carries ("Yemen Times",
/// "Daily Star (Lebanon)", "Philippine Star", "Kabul Now"), the last one named when there are several (a country
/// in parentheses qualifies the name before it); the home most of the listed outlets share wins, the first listed
/// on a tie.</item>
/// </list>
/// Built once and shared; thread-safe. Names already read are remembered (a feed repeats its source).
/// </summary>
public sealed class OutletHomes
{
    // Enough for every outlet a large corpus names; past it names are read again rather than kept.
    private const int RememberedNames = 10_000;
    private static readonly char[] ListSeparators = [';', '|'];

    private readonly TextAnalyzer _analyzer;
    private readonly ActorRecognizer _actors;
    private readonly ConcurrentDictionary<string, string?> _byName = new(StringComparer.Ordinal);

    public OutletHomes(TextAnalyzer analyzer, ActorRecognizer actors)
    {
        _analyzer = analyzer;
        _actors = actors;
    }

    /// <summary>The ISO alpha-3 home of the outlet, or null when it reports the world or nothing says.</summary>
    public string? HomeOf(string? source, string? url)
    {
        if (url is not null && OutletRegistry.Default.Find(null, url) is { } byUrl) return byUrl.Country;
        if (string.IsNullOrWhiteSpace(source)) return null;
        var votes = new List<(string Country, int Count)>();
        foreach (var part in source.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (HomeOfOne(part) is not { } country) continue;
            var at = votes.FindIndex(v => v.Country == country);
            if (at < 0) votes.Add((country, 1));
            else votes[at] = (country, votes[at].Count + 1);
        }
        if (votes.Count == 0) return null;
        var best = votes[0];
        foreach (var vote in votes)
        {
            if (vote.Count > best.Count) best = vote;
        }
        return best.Country;
    }

    private string? HomeOfOne(string outlet)
    {
        if (OutletRegistry.Default.Find(outlet, null) is { } known) return known.Country;
        if (_byName.TryGetValue(outlet, out var remembered)) return remembered;
        var home = NamedHome(outlet);
        if (_byName.Count < RememberedNames) _byName.TryAdd(outlet, home);
        return home;
    }

    /// <summary>The state or people an outlet's own name carries, the last one named; null when none.</summary>
    private string? NamedHome(string outlet)
    {
        string? home = null;
        foreach (var actor in _actors.Find(_analyzer.Analyze(outlet, "en")))
        {
            // An agency in the name ("AFP Beirut bureau") says nothing more than its own registry row.
            if (actor.Kind == ActorMentionKind.Media) return null;
            if (actor.Kind is ActorMentionKind.State or ActorMentionKind.Demonym && actor.Country is { Length: > 0 } country) home = country;
        }
        return home;
    }
}
