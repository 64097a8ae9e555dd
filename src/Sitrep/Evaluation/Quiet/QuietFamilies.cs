using System.Collections.Immutable;

namespace Sitrep.Evaluation.Quiet;

/// <summary>
/// Which event families count as a false alarm on a text known to hold no conflict event. The violent
/// families are the ones a reader would take as "something violent happened here"; the ACLED families add
/// protests and strategic developments. Statements (Sitrep's own family) are listed but never counted:
/// a quiet text may well quote someone appealing or accusing.
/// </summary>
public static class QuietFamilies
{
    public static ImmutableArray<string> Violent { get; } =
        ["Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"];

    public static ImmutableArray<string> Acled { get; } =
        [.. Violent, "Protests", "Strategic developments"];

    public static bool IsViolent(string eventType) => Violent.Contains(eventType, StringComparer.Ordinal);

    public static bool IsAcled(string eventType) => Acled.Contains(eventType, StringComparer.Ordinal);

    /// <summary>"violent", "acled" or "not counted": how a family enters the two rates.</summary>
    public static string CountedAs(string eventType) =>
        IsViolent(eventType) ? "violent" : IsAcled(eventType) ? "acled" : "not counted";
}
