namespace Sitrep.Incidents;

/// <summary>
/// Finds the figures a claimant later replaced: a toll that rises ("12 killed" on Tuesday, "17 killed" on
/// Wednesday, both from the governor) is one toll with a history, not two tolls. Figures are grouped by claimant,
/// outcome and victims; a figure is revised by the first different figure of its group first published on a
/// later day than the figure's own last report. Unattributed figures form one group across outlets: the press's
/// own count follows the same toll as it is updated. Figures of the same day stay side by side.
/// </summary>
internal static class TollReviser
{
    /// <returns>The groups in which a figure was revised, each in time order.</returns>
    public static List<List<ClaimDraft>> Revise(List<ClaimDraft> drafts)
    {
        var histories = new List<List<ClaimDraft>>();
        var groups = drafts
            .Where(d => d.Casualty is { Status: "current", Count: not null })
            .GroupBy(d => (d.ClaimantKey, d.Casualty!.Outcome, d.Casualty.Victims.Category, d.Casualty.Victims.Side ?? ""));
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
}
