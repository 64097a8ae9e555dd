using System.Collections.Immutable;
using Sitrep.Incidents;

namespace Sitrep.Evaluation.Incidents;

/// <summary>How well incidents match a fusion gold set.</summary>
/// <param name="Documents">Gold documents that report an incident (the items clustered).</param>
/// <param name="Mistakes">Pairs of documents put together wrongly ("merged") or kept apart wrongly ("split").</param>
public sealed record IncidentScores(
    int Documents,
    int GoldIncidents,
    int SystemIncidents,
    double PairPrecision,
    double PairRecall,
    double PairF1,
    double BCubedPrecision,
    double BCubedRecall,
    double BCubedF1,
    int FatalitiesRight,
    int FatalitiesScored,
    ImmutableArray<string> Mistakes);

/// <summary>
/// Scores a clustering of documents into incidents against gold labels: each gold document that reports an incident
/// is an item, its system cluster the incident holding its primary event (the first current event that is not a
/// statement). Pairwise precision/recall count pairs of items put in one cluster; B-cubed averages, per item, the
/// share of its cluster that belongs with it. A gold incident's toll is right when the best figure of the incident
/// holding most of its documents lies within the gold low-high.
/// </summary>
public static class IncidentScorer
{
    public static IncidentScores Score(IReadOnlyList<IncidentGold> gold, IReadOnlyList<Incident> incidents)
    {
        var clusterOf = PrimaryIncidents(incidents);
        var items = gold.Where(g => g.Incident is not null).ToList();
        // A document whose primary event is in no incident is a cluster of its own.
        var system = items.Select(g => clusterOf.TryGetValue(g.Document, out var id) ? id : "none:" + g.Document).ToList();
        var truth = items.Select(g => g.Incident!).ToList();
        long both = 0, systemPairs = 0, goldPairs = 0;
        var mistakes = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                var sameSystem = system[i] == system[j];
                var sameGold = truth[i] == truth[j];
                if (sameSystem) systemPairs++;
                if (sameGold) goldPairs++;
                if (sameSystem && sameGold) both++;
                if (sameSystem != sameGold) mistakes.Add($"{(sameSystem ? "merged" : "split")}: {items[i].Document} ({truth[i]}) / {items[j].Document} ({truth[j]})");
            }
        }
        double bPrecision = 0, bRecall = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var inSystem = Enumerable.Range(0, items.Count).Where(j => system[j] == system[i]).ToList();
            var inGold = Enumerable.Range(0, items.Count).Where(j => truth[j] == truth[i]).ToList();
            var shared = inSystem.Count(j => truth[j] == truth[i]);
            bPrecision += (double)shared / inSystem.Count;
            bRecall += (double)shared / inGold.Count;
        }
        var n = Math.Max(items.Count, 1);
        bPrecision /= n;
        bRecall /= n;
        var byId = incidents.ToDictionary(i => i.Id, StringComparer.Ordinal);
        int right = 0, scored = 0;
        foreach (var expected in items.Where(g => g.FatalitiesLow is not null || g.FatalitiesHigh is not null))
        {
            scored++;
            var majority = items.Select((g, k) => (g, k)).Where(x => x.g.Incident == expected.Incident).GroupBy(x => system[x.k]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            var best = byId.TryGetValue(majority, out var incident) ? incident.Fatalities?.Best ?? 0 : 0;
            if (best >= (expected.FatalitiesLow ?? 0) && best <= (expected.FatalitiesHigh ?? int.MaxValue)) right++;
            else mistakes.Add($"toll: {expected.Incident}: best {best}, gold {expected.FatalitiesLow}-{expected.FatalitiesHigh}");
        }
        return new IncidentScores(
            items.Count,
            truth.Distinct(StringComparer.Ordinal).Count(),
            system.Distinct(StringComparer.Ordinal).Count(),
            Ratio(both, systemPairs),
            Ratio(both, goldPairs),
            F1(Ratio(both, systemPairs), Ratio(both, goldPairs)),
            bPrecision,
            bRecall,
            F1(bPrecision, bRecall),
            right,
            scored,
            mistakes.ToImmutable());
    }

    /// <summary>For each document, the incident holding its primary event: the lowest-numbered current event that is not a statement.</summary>
    private static Dictionary<string, string> PrimaryIncidents(IReadOnlyList<Incident> incidents)
    {
        var best = new Dictionary<string, (string Event, string Incident)>(StringComparer.Ordinal);
        foreach (var incident in incidents)
        {
            if (incident.EventType == "Statements" || incident.Status != "current") continue;
            foreach (var report in incident.Reports)
            {
                if (!best.TryGetValue(report.Document, out var known) || EventOrder(report.Event, known.Event) < 0) best[report.Document] = (report.Event, incident.Id);
            }
        }
        return best.ToDictionary(p => p.Key, p => p.Value.Incident, StringComparer.Ordinal);
    }

    private static int EventOrder(string a, string b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    /// <summary>No pairs predicted (or expected) is perfect on that side: nothing was wrongly merged (or missed).</summary>
    private static double Ratio(long part, long whole) => whole == 0 ? 1 : (double)part / whole;

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
