using System.Collections.Frozen;

namespace Sitrep.Evaluation.Gold;

/// <summary>The contract's closed vocabularies, used to reject gold annotations with a typo in a label.</summary>
public static class GoldVocabulary
{
    public static FrozenDictionary<string, FrozenSet<string>> SubEventTypes { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Battles"] = ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
        ["Explosions/Remote violence"] = ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
        ["Violence against civilians"] = ["Sexual violence", "Attack", "Abduction/forced disappearance"],
        ["Protests"] = ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
        ["Riots"] = ["Violent demonstration", "Mob violence"],
        ["Strategic developments"] = ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"],
        ["Statements"] = ["Appeal", "Support", "Accusation", "Denial", "Claim of responsibility", "Threat", "Diplomatic contact"],
    }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    public static FrozenSet<string> Statuses { get; } = new[] { "current", "historical", "future", "hypothetical", "negated" }.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> Outcomes { get; } = new[] { "killed", "wounded", "missing", "captured", "abducted", "arrested" }.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> Categories { get; } = new[] { "military", "civilian", "combatant", "police", "protester", "unknown" }.ToFrozenSet(StringComparer.Ordinal);
}
