using System.Collections.Immutable;

namespace Sitrep.Evaluation.Quiet;

/// <summary>What <c>sitrep eval quiet</c> measured on one file of texts that report no conflict event. Immutable; serialised as-is by <c>--json</c>.</summary>
/// <param name="Documents">Documents processed (readable ones).</param>
/// <param name="Skipped">Inputs or lines that could not be read (each named on standard error).</param>
/// <param name="Violent">Documents with at least one current event of a violent family.</param>
/// <param name="AnyAcled">Documents with at least one current event of any of ACLED's six families.</param>
/// <param name="Families">The six ACLED families in a fixed order, then any other family that fired, each with its sub-types.</param>
/// <param name="Errors">False-alarm documents with the evidence that fired, when asked for.</param>
public sealed record QuietReport(
    string File,
    int Documents,
    int Skipped,
    FalseAlarmRate Violent,
    FalseAlarmRate AnyAcled,
    ImmutableArray<FamilyAlarms> Families,
    double ElapsedSeconds,
    ImmutableArray<QuietCase> Errors)
{
    public string Schema { get; init; } = "sitrep-eval-quiet/1";
}

/// <summary>How many documents raised an alarm, and that per 100 documents.</summary>
public sealed record FalseAlarmRate(int Documents, double Per100)
{
    public static FalseAlarmRate Of(int alarms, int documents) => new(alarms, Per100Of(alarms, documents));

    public static double Per100Of(int alarms, int documents) => documents == 0 ? 0 : 100.0 * alarms / documents;
}

/// <summary>One event family's false alarms: documents with at least one current event of it (and per 100 documents), and the events.</summary>
/// <param name="CountedAs">"violent", "acled" or "not counted" (Statements).</param>
public sealed record FamilyAlarms(string EventType, string CountedAs, int Documents, double Per100, int Events, ImmutableArray<SubTypeAlarms> SubTypes);

/// <summary>One sub-type's false alarms within its family, counted as for the family.</summary>
public sealed record SubTypeAlarms(string SubEventType, int Documents, double Per100, int Events);

/// <summary>A false-alarm document: what fired, with the evidence in context.</summary>
public sealed record QuietCase(string Id, string? Origin, bool Violent, ImmutableArray<QuietAlarm> Events);

/// <summary>One current event that should not be there.</summary>
/// <param name="Triggers">The trigger words found inside the event's evidence (those of its sub-type when there are some), in context.</param>
/// <param name="Evidence">The event's evidence spans (usually its sentences), in context.</param>
public sealed record QuietAlarm(string EventType, string SubEventType, double Confidence, ImmutableArray<EvidenceInContext> Triggers, ImmutableArray<EvidenceInContext> Evidence);

/// <summary>An evidence span (UTF-16 offsets into the text) with its words and a few words around them.</summary>
/// <param name="Context">The span's text with some text before and after, the span itself between [[ and ]].</param>
public sealed record EvidenceInContext(int Start, int End, string Text, string Context);
