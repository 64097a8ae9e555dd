using Sitrep.Output;

namespace Sitrep.Evaluation.Acled;

/// <summary>
/// Picks the event of a document that stands for the one event an ACLED row codes.
/// </summary>
/// <remarks>
/// The rule never looks at the gold answer (that would reward listing many guesses): among the events
/// with status <c>current</c> that belong to ACLED's six families (our Statements family has no ACLED
/// counterpart), take the one with the highest confidence; on a tie, the one whose evidence starts
/// first in the text. A document has been "detected" when such an event exists.
/// </remarks>
public static class PrimaryEventSelector
{
    public const string Rule =
        "highest-confidence current event of ACLED's six families (Statements excluded); ties: earliest evidence";

    public const string StatementsFamily = "Statements";

    public static EventRecord? Select(DocumentResult result)
    {
        EventRecord? best = null;
        foreach (var candidate in result.Events)
        {
            if (!IsAcledCurrent(candidate)) continue;
            if (best is null || candidate.Confidence > best.Confidence
                || (candidate.Confidence.Equals(best.Confidence) && FirstEvidence(candidate) < FirstEvidence(best)))
            {
                best = candidate;
            }
        }
        return best;
    }

    public static bool IsAcledCurrent(EventRecord candidate) =>
        string.Equals(candidate.Status, "current", StringComparison.Ordinal)
        && !string.Equals(candidate.EventType, StatementsFamily, StringComparison.Ordinal);

    private static int FirstEvidence(EventRecord candidate) =>
        candidate.Evidence.IsDefaultOrEmpty ? int.MaxValue : candidate.Evidence.Min(s => s.Start);
}
