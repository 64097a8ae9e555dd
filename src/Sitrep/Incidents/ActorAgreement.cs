using Sitrep.Output;

namespace Sitrep.Incidents;

/// <summary>
/// Whether the actors of two reports contradict each other. Most reports of one event name different parts of it
/// (one names the victims, another the attacker), and both sides of a war blame each other for the same strike, so
/// differing actors alone prove nothing. What does: two different named armed groups as the perpetrator (one group's
/// raid is not another's), and, for statements, two different speakers (the UN's appeal is not the EU's).
/// </summary>
public static class ActorAgreement
{
    private static readonly HashSet<string> ArmedGroups = new(StringComparer.Ordinal) { "rebel-group", "political-militia", "identity-militia" };

    public static bool Contradict(EventRecord a, EventRecord b, bool statements)
    {
        var first = Perpetrator(a, statements);
        var second = Perpetrator(b, statements);
        if (first is null || second is null || string.Equals(first.Name, second.Name, StringComparison.Ordinal)) return false;
        // One report naming the other's perpetrator in any role is the same cast seen from another side.
        return !Names(a, second.Name) && !Names(b, first.Name);
    }

    private static Actor? Perpetrator(EventRecord record, bool statements)
    {
        if (record.Actors.IsDefaultOrEmpty) return null;
        var actor1 = record.Actors.FirstOrDefault(a => string.Equals(a.Role, "actor1", StringComparison.Ordinal));
        if (actor1 is null) return null;
        return statements || ArmedGroups.Contains(actor1.Kind) ? actor1 : null;
    }

    private static bool Names(EventRecord record, string name) =>
        record.Actors.Any(a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
