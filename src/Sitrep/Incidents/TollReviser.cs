namespace Sitrep.Incidents;

/// <summary>
/// Finds the figures a claimant later replaced: a toll that rises ("12 killed" on Tuesday, "17 killed" on
/// Wednesday, both from the governor) is one toll with a history, not two tolls. Figures are grouped by claimant,
/// outcome and victims; a figure is revised by the first different figure of its group first published on a
/// later day than the figure's own last report. Unattributed figures form one group across outlets: the press's
/// own count follows the same toll as it is updated. A figure that names no victims ("the toll rose to 14 dead")
/// counts the same victims as the claimant's earlier figure when that claimant named only one kind of victims
/// ("eight people"). Figures of the same day stay side by side.
/// </summary>
internal static class TollReviser
{
    /// <returns>The groups in which a figure was revised, each in time order.</returns>
    public static List<List<ClaimDraft>> Revise(List<ClaimDraft> drafts)
    {
        var histories = new List<List<ClaimDraft>>();
        var figures = drafts.Where(d => d.Casualty is { Status: "current", Count: not null }).ToList();
        var named = figures
            .Where(d => d.Casualty!.Victims.Category is not "unknown")
            .GroupBy(d => (d.ClaimantKey, d.Casualty!.Outcome))
            .Select(g => (g.Key, Categories: g.Select(d => d.Casualty!.Victims.Category).Distinct(StringComparer.Ordinal).ToList()))
            .Where(g => g.Categories.Count == 1)
            .ToDictionary(g => g.Key, g => g.Categories[0]);
        var groups = figures
            .GroupBy(d => (d.ClaimantKey, d.Casualty!.Outcome,
                Category: d.Casualty.Victims.Category is "unknown" && named.TryGetValue((d.ClaimantKey, d.Casualty.Outcome), out var only) ? only : d.Casualty.Victims.Category))
            .SelectMany(BySide);
        foreach (var group in groups)
        {
            // Drafts are in the canonical order of their first report; stable sort keeps it among equal days.
            var ordered = group.OrderBy(d => d.FirstDay).ToList();
            if (ordered.Count < 2) continue;
            var revised = false;
            foreach (var draft in ordered)
            {
                var last = draft.LastDay;
                draft.RevisedBy = ordered.FirstOrDefault(later => later.FirstDay > last && later.FirstDay != int.MaxValue && later.Figure != draft.Figure);
                revised |= draft.RevisedBy is not null;
            }
            if (revised) histories.Add(ordered);
        }
        return histories;
    }

    /// <summary>
    /// A side named by one figure and left out by another ("eight people", "eight people of Borno State") is the
    /// same victims; two different sides named by one claimant ("five of ours, fifty of theirs") are two tolls.
    /// </summary>
    private static IEnumerable<IEnumerable<ClaimDraft>> BySide(IEnumerable<ClaimDraft> group)
    {
        var sides = group.Select(d => d.Casualty!.Victims.Side).Where(s => s is not null).Distinct(StringComparer.Ordinal).Count();
        return sides <= 1 ? [group] : group.GroupBy(d => d.Casualty!.Victims.Side ?? "", StringComparer.Ordinal);
    }
}
