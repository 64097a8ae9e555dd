using Sitrep.Extraction.Frames;
using Sitrep.Extraction.Status;
using Sitrep.Output;

namespace Sitrep.Extraction.Reconciliation;

/// <summary>
/// Reconciles an event's current killed claims into low/best/high. Claims about different victim groups
/// (category and side) add up; claims about the same group are alternatives (low takes the smallest, high
/// the largest, best the most conservative), and so is a figure naming no side from another claimant when
/// only one side of that category was named. A belligerent's claim about its enemy's losses raises only the
/// high estimate. A vague amount counts as its lower bound for low, ACLED's single number for best and its
/// upper bound for high. Historical, negated, hypothetical and future figures never count.
/// </summary>
internal static class FatalityReconciler
{
    public static Fatalities? Reconcile(IEnumerable<CasualtyFrame> casualties)
    {
        var current = casualties.Where(c => c.Outcome is "killed" && c.Status == EventStatus.Current && c.Count is not null).ToList();
        if (current.Count == 0) return null;
        long low = 0, best = 0;
        long? high = 0;
        // A figure that names no victims after figures that do ("a man was shot dead ... 1 fatality") restates
        // the total; it is not more dead. Such totals bound the sum of the named groups from below.
        var own = current.Where(c => !c.EnemyClaim).ToList();
        // Both are computed once, not per figure: an event of a pathological text can hold many thousands of figures.
        var firstNamed = own.Where(o => o.Victims.Category is not "unknown").Select(o => o.AnchorToken).DefaultIfEmpty(int.MaxValue).Min();
        var totals = own.Where(c => c.Victims.Category is "unknown" && firstNamed < c.AnchorToken).ToList();
        var sided = SidedByCategory(own);
        foreach (var group in own.Except(totals).GroupBy(c => GroupKey(c, sided)))
        {
            var readings = Readings(group).ToList();
            low += readings.Min(r => r.Low);
            best += readings.Min(r => r.Best);
            high = Add(high, readings.Select(r => r.High).Aggregate((long?)0, (a, b) => a is null || b is null ? null : Math.Max(a.Value, b.Value)));
        }
        // A total from a claimant who named none of the groups is a rival count of the same dead, not a restatement.
        var named = own.Except(totals).Select(c => c.Attribution?.Claimant).ToHashSet(StringComparer.Ordinal);
        var rivals = totals.Where(t => t.Attribution?.Claimant is { } claimant && !named.Contains(claimant)).ToList();
        totals = totals.Except(rivals).ToList();
        if (totals.Count > 0)
        {
            low = Math.Max(low, totals.Max(Low));
            best = Math.Max(best, totals.Max(Best));
            high = high is null ? null : Math.Max(high.Value, totals.Select(High).Max() ?? high.Value);
        }
        foreach (var rival in rivals)
        {
            low = Math.Min(low, Low(rival));
            best = Math.Min(best, Best(rival));
            high = high is null || High(rival) is not { } rivalHigh ? null : Math.Max(high.Value, rivalHigh);
        }
        foreach (var enemy in current.Where(c => c.EnemyClaim)) high = Add(high, High(enemy));
        return new Fatalities(Clamp(low), Clamp(best), high is null ? null : Clamp(high.Value));
    }

    /// <summary>
    /// The victim group a figure is about: its category and side. A figure that names no side, given by a
    /// claimant other than the one who named the only side of that category, is another count of the same
    /// victims ("police said 12 villagers died ... residents said 19 people died"), not more dead.
    /// </summary>
    private static (string Category, string? Side) GroupKey(CasualtyFrame c, Dictionary<string, Sided> sided)
    {
        if (c.Victims.Side is not null) return (c.Victims.Category, c.Victims.Side);
        if (!sided.TryGetValue(c.Victims.Category, out var named) || named.Sides.Count != 1) return (c.Victims.Category, null);
        return named.Claimants.Contains(c.Attribution?.Claimant) ? (c.Victims.Category, null) : (c.Victims.Category, named.Sides.First());
    }

    /// <summary>Per victim category, the sides the figures name and who named them.</summary>
    private static Dictionary<string, Sided> SidedByCategory(List<CasualtyFrame> all)
    {
        var sided = new Dictionary<string, Sided>(StringComparer.Ordinal);
        foreach (var o in all)
        {
            if (o.Victims.Side is not { } side) continue;
            if (!sided.TryGetValue(o.Victims.Category, out var named)) sided[o.Victims.Category] = named = new Sided(new HashSet<string>(StringComparer.Ordinal), new HashSet<string?>(StringComparer.Ordinal));
            named.Sides.Add(side);
            named.Claimants.Add(o.Attribution?.Claimant);
        }
        return sided;
    }

    private sealed record Sided(HashSet<string> Sides, HashSet<string?> Claimants);

    /// <summary>
    /// The alternative counts of one victim group. One claimant naming different single people of the group in
    /// one sentence ("a priest and a guard") gives one reading, their sum; otherwise each figure is a reading
    /// (larger counts in one sentence are more often restatements: "3 civilians ... 3 people").
    /// </summary>
    private static IEnumerable<(long Low, long Best, long? High)> Readings(IEnumerable<CasualtyFrame> group)
    {
        foreach (var told in group.GroupBy(c => (c.Attribution?.Claimant, c.Sentence)))
        {
            var figures = told.ToList();
            var distinct = figures.Count > 1 && figures.Select(f => f.Victims.Text).Distinct(StringComparer.Ordinal).Count() == figures.Count
                && figures.All(f => f.Victims.Text is not null && f.Count!.Count is { Value: 1, Min: 1, Max: 1 });
            if (distinct)
            {
                yield return (figures.Sum(Low), figures.Sum(Best), figures.Select(High).Aggregate((long?)0, Add));
                continue;
            }
            foreach (var figure in figures) yield return (Low(figure), Best(figure), High(figure));
        }
    }

    private static long Best(CasualtyFrame c) => c.Count!.Best ?? c.Count.Count.Value ?? c.Count.Count.Min ?? 0;

    private static long Low(CasualtyFrame c) => Math.Min(c.Count!.Count.Min ?? c.Count.Count.Value ?? 0, Best(c));

    /// <summary>The largest the figure can be; null when it has no upper bound ("at least 5").</summary>
    private static long? High(CasualtyFrame c)
    {
        var count = c.Count!.Count;
        if (count.Max is { } max) return max;
        if (count.Min is not null) return null;
        return count.Value ?? c.Count.Best;
    }

    private static long? Add(long? a, long? b) => a is null || b is null ? null : a + b;

    private static int Clamp(long value) => (int)Math.Min(value, int.MaxValue);
}
