namespace Sitrep.Incidents;

/// <summary>
/// Whether two reports may be of one real event: families that may be one (<see cref="FamilyTable"/>), places
/// and dates that agree within their precision, actors that do not contradict. Only current events are ever
/// matched, and statements only with statements: a statement is about an incident, not part of it. Two events of
/// one document are never one incident: the extraction already told them apart (a clash and the capture that
/// followed it, a strike and the drones shot down the same night), as ACLED codes them apart.
/// </summary>
public sealed class ReportMatcher
{
    private readonly FamilyTable _families;

    public ReportMatcher(FamilyTable families)
    {
        _families = families;
    }

    public bool MayBeOne(ReportedEvent a, ReportedEvent b)
    {
        if (!a.IsCurrent || !b.IsCurrent || a.IsStatement != b.IsStatement) return false;
        if (string.Equals(a.Document.Id, b.Document.Id, StringComparison.Ordinal)) return false;
        if (!_families.MayBeOne(a.Event.SubEventType, b.Event.SubEventType)) return false;
        if (a.Place is not { } first || b.Place is not { } second || !PlaceAgreement.Agree(first, second)) return false;
        if (!DateAgreement.Agree(a, b)) return false;
        return !ActorAgreement.Contradict(a.Event, b.Event, a.IsStatement);
    }

    /// <summary>How alike two matching reports are, to merge the likeliest pairs first: same sub-event type, same place name.</summary>
    public static int Affinity(ReportedEvent a, ReportedEvent b)
    {
        var score = 0;
        if (string.Equals(a.Event.SubEventType, b.Event.SubEventType, StringComparison.Ordinal)) score += 2;
        if (a.Place is { } p && b.Place is { } q && string.Equals(p.Name, q.Name, StringComparison.OrdinalIgnoreCase)) score += 1;
        return score;
    }
}
