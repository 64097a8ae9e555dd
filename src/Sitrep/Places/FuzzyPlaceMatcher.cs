using System.Collections.Concurrent;

namespace Sitrep.Places;

/// <summary>
/// Finds a place of a given country whose name is spelled a little differently ("Nabatiye" for
/// "Nabatieh", "Petrovskoye" for "Petrovske"): transliterations of the same name differ by a letter or
/// two. Used only where the text says a place is meant (after "in", "near", "village of") and the
/// exact lookup failed, and only inside the countries the text is about. The per-country name lists are
/// built on first use; thread-safe.
/// </summary>
internal sealed class FuzzyPlaceMatcher
{
    private const int MinimumLength = 5;

    private readonly Gazetteer _gazetteer;
    private readonly ConcurrentDictionary<string, (string Key, GazetteerEntry Entry)[]> _byCountry = new(StringComparer.Ordinal);

    public FuzzyPlaceMatcher(Gazetteer gazetteer) => _gazetteer = gazetteer;

    /// <summary>The best entry of <paramref name="country"/> within the edit distance the key's length allows, or null.</summary>
    public GazetteerEntry? Find(ReadOnlySpan<char> key, string country)
    {
        if (key.Length < MinimumLength) return null;
        var allowed = key.Length >= 10 ? 2 : 1;
        var names = _byCountry.GetOrAdd(country, Build);
        GazetteerEntry? best = null;
        var bestDistance = int.MaxValue;
        Span<int> row = stackalloc int[NameKey.MaxLength + 1];
        foreach (var (name, entry) in names)
        {
            // A longer official name that begins with the text's words ("Acapulco" for "Acapulco de Juarez")
            // counts as one edit away.
            if (name.Length > key.Length + 1 && name[key.Length] == ' ' && name.AsSpan().StartsWith(key))
            {
                if (1 < bestDistance || (bestDistance == 1 && entry.Population > best!.Population)) { best = entry; bestDistance = 1; }
                continue;
            }
            if (Math.Abs(name.Length - key.Length) > allowed || name[0] != key[0]) continue;
            var distance = Distance(key, name, allowed, row);
            if (distance > allowed) continue;
            if (distance < bestDistance || (distance == bestDistance && entry.Population > best!.Population))
            {
                best = entry;
                bestDistance = distance;
            }
        }
        return best;
    }

    private (string, GazetteerEntry)[] Build(string country)
    {
        var list = new List<(string, GazetteerEntry)>();
        // One country's entries only: building every entry of the gazetteer would cost a cold run 100 ms.
        foreach (var entry in _gazetteer.EntriesIn(country))
        {
            var key = NameKey.Of(entry.Name);
            if (key.Length >= MinimumLength - 1) list.Add((key, entry));
        }
        return [.. list];
    }

    /// <summary>Levenshtein distance, giving up (returning limit + 1) once every cell of a row exceeds the limit.</summary>
    private static int Distance(ReadOnlySpan<char> a, string b, int limit, Span<int> row)
    {
        if (b.Length + 1 > row.Length) return limit + 1;
        for (var j = 0; j <= b.Length; j++) row[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            var rowMinimum = row[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                row[j] = Math.Min(Math.Min(above + 1, row[j - 1] + 1), diagonal + cost);
                diagonal = above;
                rowMinimum = Math.Min(rowMinimum, row[j]);
            }
            if (rowMinimum > limit) return limit + 1;
        }
        return row[b.Length];
    }
}
