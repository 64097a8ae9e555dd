using System.Globalization;
using System.Text;
using Sitrep.Evaluation.Acled;
using Sitrep.Evaluation.Gold;
using Sitrep.Evaluation.Metrics;
using Sitrep.Evaluation.Quiet;

namespace Sitrep.Evaluation.Reporting;

/// <summary>Human-readable reports: a few aligned tables, then the worst cases when asked for.</summary>
public static class ReportFormatter
{
    private const int SnippetLength = 240;

    public static string Format(AcledReport report)
    {
        var text = new StringBuilder();
        text.Append(Invariant($"ACLED evaluation of {report.File}: {report.Rows} rows scored, {report.Skipped} skipped, {report.ElapsedSeconds:F1} s\n"));
        text.Append("Primary event: ").Append(report.PrimaryEventRule).Append("\n\n");
        var metrics = new TextTable("metric", "correct", "rows", "rate", "on detected");
        foreach (var metric in report.Metrics)
        {
            metrics.Add(metric.Name, Count(metric.AllRows.Correct), Count(metric.AllRows.Total),
                metric.AllRows.Total == 0 ? "n/a" : Percent(metric.AllRows.Rate),
                metric.DetectedRows.Total == 0 ? "n/a" : Percent(metric.DetectedRows.Rate));
        }
        text.Append(metrics).Append('\n');
        var labels = new TextTable("labels", "accuracy", "macro F1", "weighted F1");
        labels.Add("event_type", Score(report.EventType.Accuracy), Score(report.EventType.MacroF1), Score(report.EventType.WeightedF1));
        labels.Add("sub_event_type", Score(report.SubEventType.Accuracy), Score(report.SubEventType.MacroF1), Score(report.SubEventType.WeightedF1));
        text.Append(labels).Append('\n');
        AppendConfusions(text, "event_type", report.EventType.TopConfusions);
        AppendConfusions(text, "sub_event_type", report.SubEventType.TopConfusions);
        if (!report.Worst.IsEmpty)
        {
            text.Append(Invariant($"Worst {report.Worst.Length} cases:\n"));
            foreach (var c in report.Worst) AppendCase(text, c);
        }
        return text.ToString();
    }

    public static string Format(GoldReport report, IReadOnlyList<string>? regressions = null)
    {
        var text = new StringBuilder();
        text.Append(Invariant($"Gold evaluation of {report.File}: {report.Documents} documents, {report.Skipped} skipped, {report.ElapsedSeconds:F1} s\n"));
        text.Append(Invariant($"Non-conflict texts without a current event: {report.NonConflictClean.Correct}/{report.NonConflictClean.Total}\n\n"));
        var table = new TextTable("category", "TP", "FP", "missed", "precision", "recall", "F1");
        foreach (var c in report.Categories.Append(report.Overall)) table.Add(c.Name, Count(c.TruePositives), Count(c.FalsePositives), Count(c.Misses), Score(c.Precision), Score(c.Recall), Score(c.F1));
        text.Append(table).Append('\n');
        var languages = new TextTable("language", "documents", "precision", "recall", "F1");
        foreach (var l in report.ByLanguage) languages.Add(l.Language, Count(l.Documents), Score(l.Overall.Precision), Score(l.Overall.Recall), Score(l.Overall.F1));
        text.Append(languages).Append('\n');
        if (!report.Worst.IsEmpty)
        {
            text.Append(Invariant($"Worst {report.Worst.Length} documents:\n"));
            foreach (var c in report.Worst)
            {
                text.Append(Invariant($"- {c.Id} (line {c.Line})\n"));
                foreach (var miss in c.Misses) text.Append("    missed ").Append(miss).Append('\n');
                foreach (var extra in c.FalsePositives) text.Append("    false  ").Append(extra).Append('\n');
            }
            text.Append('\n');
        }
        if (regressions is not null)
        {
            if (regressions.Count == 0) text.Append("Baseline: met.\n");
            else
            {
                text.Append("Baseline: NOT met:\n");
                foreach (var line in regressions) text.Append("  ").Append(line).Append('\n');
            }
        }
        return text.ToString();
    }

    public static string Format(QuietReport report, IReadOnlyList<string>? breaches = null)
    {
        var text = new StringBuilder();
        text.Append(Invariant($"Quiet evaluation of {report.File}: {report.Documents} documents, {report.Skipped} skipped, {report.ElapsedSeconds:F1} s\n"));
        text.Append("False alarms: documents with at least one current event, per 100 documents.\n\n");
        var rates = new TextTable("false alarms", "documents", "per 100");
        rates.Add("violent families", Count(report.Violent.Documents), Rate(report.Violent.Per100));
        rates.Add("any ACLED family", Count(report.AnyAcled.Documents), Rate(report.AnyAcled.Per100));
        text.Append(rates).Append('\n');
        var families = new TextTable("family / sub-type", "counted as", "documents", "per 100", "events");
        foreach (var family in report.Families)
        {
            families.Add(family.EventType, family.CountedAs, Count(family.Documents), Rate(family.Per100), Count(family.Events));
            foreach (var sub in family.SubTypes) families.Add("  " + sub.SubEventType, "", Count(sub.Documents), Rate(sub.Per100), Count(sub.Events));
        }
        text.Append(families).Append('\n');
        if (!report.Errors.IsEmpty)
        {
            text.Append(Invariant($"{report.Errors.Length} false-alarm documents (violent first, most confident first):\n"));
            foreach (var c in report.Errors)
            {
                text.Append(Invariant($"- {c.Id}{(c.Origin is null ? "" : $" ({c.Origin})")}\n"));
                foreach (var alarm in c.Events)
                {
                    text.Append(Invariant($"    {alarm.EventType} / {alarm.SubEventType} (confidence {alarm.Confidence:F2})\n"));
                    foreach (var span in alarm.Triggers) text.Append(Invariant($"      trigger \"{span.Text}\" [{span.Start}..{span.End}]: {span.Context}\n"));
                    foreach (var span in alarm.Evidence) text.Append(Invariant($"      evidence [{span.Start}..{span.End}]: {Snippet(span.Text)}\n"));
                }
            }
            text.Append('\n');
        }
        if (breaches is not null)
        {
            if (breaches.Count == 0) text.Append("Quality gate: met.\n");
            else
            {
                text.Append("Quality gate: NOT met:\n");
                foreach (var line in breaches) text.Append("  ").Append(line).Append('\n');
            }
        }
        return text.ToString();
    }

    private static void AppendConfusions(StringBuilder text, string column, IReadOnlyList<Confusion> confusions)
    {
        if (confusions.Count == 0) return;
        var table = new TextTable($"top {column} confusions (gold -> predicted)", "count");
        foreach (var c in confusions) table.Add($"{c.Gold} -> {c.Predicted}", Count(c.Count));
        text.Append(table).Append('\n');
    }

    private static void AppendCase(StringBuilder text, AcledCase c)
    {
        text.Append(Invariant($"- {c.Id} (line {c.Line}, badness {c.Badness:F1}): {string.Join("; ", c.Problems)}\n"));
        text.Append("    gold:      ").Append(Side(c.Gold)).Append('\n');
        text.Append("    predicted: ").Append(c.Predicted is null ? "(no current event)" : Side(c.Predicted)).Append('\n');
        foreach (var span in c.Evidence) text.Append(Invariant($"    evidence [{span.Start}..{span.End}]: {Snippet(span.Text)}\n"));
        text.Append("    text: ").Append(Snippet(c.Text)).Append('\n');
    }

    private static string Side(AcledSide side) =>
        Invariant($"{side.EventType} / {side.SubEventType}, fatalities {side.Fatalities}, {side.Location ?? "?"} ({side.Country ?? "?"}), {side.Date ?? "no date"}");

    private static string Snippet(string value)
    {
        var flat = value.Replace('\n', ' ').Replace('\r', ' ');
        return flat.Length <= SnippetLength ? flat : string.Concat(flat.AsSpan(0, SnippetLength), "...");
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Score(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    private static string Rate(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    private static string Percent(double value) => value.ToString("P1", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString value) => FormattableString.Invariant(value);
}
