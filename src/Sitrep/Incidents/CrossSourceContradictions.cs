namespace Sitrep.Incidents;

/// <summary>
/// Links, both ways, the figures of different claimants that disagree about the same victims of one incident
/// (the governor's 12 civilians, the police's 9), whichever documents they came from, as sitrep/1 does within one
/// document. A figure its own claimant later revised is history, not a contradiction; a figure no one is said to
/// have given is the outlet's own reporting, not a claim anyone disputes.
/// </summary>
internal static class CrossSourceContradictions
{
    /// <summary>Figures compared per incident: a few claimants dispute a toll; a pathological input must not cost a quadratic pass.</summary>
    private const int MaxCompared = 64;

    public static void Link(List<ClaimDraft> drafts)
    {
        var figures = drafts.Where(d => d.Casualty is { Status: "current", Count: not null } && d.RevisedBy is null && d.Claimant is not null).Take(MaxCompared).ToList();
        for (var i = 0; i < figures.Count; i++)
        {
            for (var j = i + 1; j < figures.Count; j++)
            {
                var (a, b) = (figures[i], figures[j]);
                if (string.Equals(a.ClaimantKey, b.ClaimantKey, StringComparison.Ordinal) || a.Figure == b.Figure) continue;
                // Within one document, sitrep/1 has linked what contradicts already.
                if (a.Sources.Any(x => b.Sources.Any(y => x.Report == y.Report))) continue;
                var (x, y) = (a.Casualty!, b.Casualty!);
                if (!string.Equals(x.Outcome, y.Outcome, StringComparison.Ordinal) || !string.Equals(x.Victims.Category, y.Victims.Category, StringComparison.Ordinal)
                    || !string.Equals(x.Victims.Side, y.Victims.Side, StringComparison.Ordinal)) continue;
                a.Contradicts.Add(b);
                b.Contradicts.Add(a);
            }
        }
    }
}
