using System.Collections.Immutable;

namespace Sitrep.Evaluation.Quiet;

/// <summary>
/// The quality gate of <c>sitrep eval quiet</c>: the most false-alarm documents per 100 a run may give,
/// for the violent families and for all six ACLED families. A limit left null is not checked.
/// </summary>
public sealed record QuietGate(double? MaxViolentPer100, double? MaxAnyPer100)
{
    public bool IsEmpty => MaxViolentPer100 is null && MaxAnyPer100 is null;

    /// <summary>The limits the report exceeds, as readable lines; empty when the gate passes.</summary>
    public ImmutableArray<string> Breaches(QuietReport report)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        if (MaxViolentPer100 is { } violent && report.Violent.Per100 > violent + 1e-9)
            lines.Add(FormattableString.Invariant($"violent: {report.Violent.Per100:F2} documents per 100 is over --max-violent-per-100 {violent:F2}"));
        if (MaxAnyPer100 is { } any && report.AnyAcled.Per100 > any + 1e-9)
            lines.Add(FormattableString.Invariant($"any ACLED family: {report.AnyAcled.Per100:F2} documents per 100 is over --max-any-per-100 {any:F2}"));
        return lines.ToImmutable();
    }
}
