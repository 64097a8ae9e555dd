using System.CommandLine;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Evaluation.Acled;
using Sitrep.Evaluation.Gold;
using Sitrep.Evaluation.Quiet;
using Sitrep.Evaluation.Reporting;
using Sitrep.Pipeline;
using Sitrep.Readers;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval acled FILE.csv</c>, <c>sitrep eval gold FILE.jsonl</c> and <c>sitrep eval quiet FILE.jsonl</c>:
/// score extraction against gold data, or count its false alarms on texts that report no conflict, and print a
/// table (or <c>--json</c>). Exit code 3 when a quality gate (<c>--min-f1</c>, <c>--baseline</c>,
/// <c>--max-violent-per-100</c>, <c>--max-any-per-100</c>) is not met.
/// </summary>
internal static class EvalCommand
{
    /// <summary>The scores are below the floor the caller asked for.</summary>
    public const int QualityGateNotMet = 3;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("eval", "Score extraction against gold data (ACLED rows, Sitrep's own annotated articles) or count false alarms on quiet texts.")
        {
            CreateAcled(output, error),
            CreateGold(output, error),
            CreateQuiet(output, error),
            CreateIncidents(output, error),
        };
        return command;
    }

    private static Command CreateAcled(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "An ACLED export (CSV, old or new column names): notes are the text, event_date the publication date." };
        var json = JsonOption();
        var errors = ErrorsOption("Also print the N worst rows, with the primary event's evidence.");
        var command = new Command("acled", "Compare each row's primary extracted event with the row's coded fields.") { file, json, errors };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var worst = CheckErrors(parse.GetValue(errors));
            var read = new AcledGoldReader().Read(path);
            ReportProblems(error, read.Problems);
            // Rows with nothing to score are named too, but are no failure: exit 1 is for unreadable input.
            ReportProblems(error, read.Skipped);
            if (read.Rows.Count == 0) return SitrepCommandLine.SomeInputsFailed;
            var report = new AcledEvaluator(new ExtractionPipeline()).Evaluate(path, read.Rows, read.Problems.Count + read.Skipped.Count, worst);
            output.Write(parse.GetValue(json) ? EvaluationJson.Serialize(report) + "\n" : ReportFormatter.Format(report));
            output.Flush();
            return read.Problems.Count == 0 ? SitrepCommandLine.Success : SitrepCommandLine.SomeInputsFailed;
        });
        return command;
    }

    private static Command CreateGold(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "A gold file in Sitrep's format (JSON Lines; see docs/GOLD-FORMAT.md)." };
        var json = JsonOption();
        var errors = ErrorsOption("Also print the N documents with the most misses and false positives.");
        var minF1 = new Option<double?>("--min-f1") { Description = "Exit with 3 when the pooled (overall) F1 is under this value (0 to 1)." };
        var baseline = new Option<string?>("--baseline") { Description = "Exit with 3 when a category's F1 is under its floor in this baseline file." };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write this run's F1 per category (rounded down) as the new baseline file." };
        var command = new Command("gold", "Score extraction on annotated articles: true positives, false positives and misses per category.")
        {
            file, json, errors, minF1, baseline, writeBaseline,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var worst = CheckErrors(parse.GetValue(errors));
            var floor = parse.GetValue(minF1);
            if (floor is < 0 or > 1) throw new UsageException($"--min-f1 {floor.Value.ToString(CultureInfo.InvariantCulture)}: expected a number from 0 to 1.");
            GoldBaseline? gate = null;
            if (parse.GetValue(baseline) is { } baselinePath)
            {
                gate = GoldBaseline.Load(baselinePath, out var problem) ?? throw new UsageException($"--baseline {problem}");
            }
            var read = new GoldSetReader().Read(path);
            ReportProblems(error, read.Problems);
            if (read.Documents.Count == 0) return SitrepCommandLine.SomeInputsFailed;

            var report = new GoldEvaluator(new ExtractionPipeline()).Evaluate(path, read.Documents, read.Problems.Count, worst);
            var regressions = gate?.Regressions(report).ToList();
            if (floor is { } min && report.Overall.F1 < min)
            {
                regressions ??= [];
                regressions.Add(FormattableString.Invariant($"overall: F1 {report.Overall.F1:F3} is under --min-f1 {min:F3}"));
            }
            output.Write(parse.GetValue(json) ? EvaluationJson.Serialize(report) + "\n" : ReportFormatter.Format(report, regressions));
            output.Flush();
            if (parse.GetValue(writeBaseline) is { } target)
            {
                GoldBaseline.From(report).Save(target);
                error.WriteLine($"sitrep: baseline written to {target}");
            }
            if (regressions is { Count: > 0 })
            {
                foreach (var line in regressions) error.WriteLine($"sitrep: quality gate: {line}");
                return QualityGateNotMet;
            }
            return read.Problems.Count == 0 ? SitrepCommandLine.Success : SitrepCommandLine.SomeInputsFailed;
        });
        return command;
    }

    private static Command CreateQuiet(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "Texts known to report no conflict event: JSON Lines (\"id\", \"text\", optional \"published\", \"title\", \"source\"...) or any input extract reads." };
        var json = JsonOption();
        var errors = ErrorsOption("Also print N false-alarm documents with the evidence that fired, in context.");
        var maxViolent = new Option<double?>("--max-violent-per-100") { Description = "Exit with 3 when more documents per 100 than this give a current event of a violent family." };
        var maxAny = new Option<double?>("--max-any-per-100") { Description = "Exit with 3 when more documents per 100 than this give a current event of any ACLED family." };
        var command = new Command("quiet", "Count false alarms on texts that report no conflict event: documents with a current event per 100, by family.")
        {
            file, json, errors, maxViolent, maxAny,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var worst = CheckErrors(parse.GetValue(errors));
            var gate = new QuietGate(CheckPer100("--max-violent-per-100", parse.GetValue(maxViolent)), CheckPer100("--max-any-per-100", parse.GetValue(maxAny)));
            var documents = new List<SourceDocument>();
            var problems = 0;
            foreach (var item in new InputReader().Read([path]))
            {
                if (item.Document is { } document) documents.Add(document);
                else
                {
                    problems++;
                    error.WriteLine($"sitrep: {item.Problem}");
                }
            }
            if (documents.Count == 0) return SitrepCommandLine.SomeInputsFailed;

            var report = new QuietEvaluator(new ExtractionPipeline()).Evaluate(path, documents, problems, worst);
            IReadOnlyList<string>? breaches = gate.IsEmpty ? null : gate.Breaches(report);
            output.Write(parse.GetValue(json) ? EvaluationJson.Serialize(report) + "\n" : ReportFormatter.Format(report, breaches));
            output.Flush();
            if (breaches is { Count: > 0 })
            {
                foreach (var line in breaches) error.WriteLine($"sitrep: quality gate: {line}");
                return QualityGateNotMet;
            }
            return problems == 0 ? SitrepCommandLine.Success : SitrepCommandLine.SomeInputsFailed;
        });
        return command;
    }

    private static Command CreateIncidents(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "A fusion gold file: JSON Lines documents, each with a \"gold\" object naming its incident (docs/INCIDENTS.md)." };
        var json = JsonOption();
        var errors = ErrorsOption("Also print the first N wrong merges, splits and tolls.");
        var minBCubed = new Option<double?>("--min-bcubed") { Description = "Exit with 3 when the B-cubed F1 is under this value (0 to 1)." };
        var minTolls = new Option<double?>("--min-fatalities") { Description = "Exit with 3 when the share of incidents whose toll is right is under this value (0 to 1)." };
        var baseline = new Option<string?>("--baseline") { Description = "Exit with 3 when pairwise F1, B-cubed F1 or the share of right tolls is under its floor in this baseline file." };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write this run's scores (rounded down) as the new baseline file." };
        var command = new Command("incidents", "Score the fusion of documents into incidents: pairwise and B-cubed precision, recall and F1, and incident tolls.")
        {
            file, json, errors, minBCubed, minTolls, baseline, writeBaseline,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var worst = CheckErrors(parse.GetValue(errors));
            Sitrep.Evaluation.Incidents.IncidentBaseline? gate = null;
            if (parse.GetValue(baseline) is { } baselinePath)
                gate = Sitrep.Evaluation.Incidents.IncidentBaseline.Load(baselinePath, out var problem) ?? throw new UsageException($"--baseline {problem}");
            var problems = new List<string>();
            var gold = Sitrep.Evaluation.Incidents.IncidentGold.Read(path, problems);
            var fusion = new Sitrep.Incidents.IncidentFusion();
            var pipeline = new ExtractionPipeline();
            foreach (var item in new InputReader().Read([path]))
            {
                if (item.Document is { } document) fusion.Add(pipeline.Process(document));
                else problems.Add(item.Problem!.ToString());
            }
            foreach (var problem in problems) error.WriteLine($"sitrep: {problem}");
            if (gold.Count == 0) return SitrepCommandLine.SomeInputsFailed;
            var scores = Sitrep.Evaluation.Incidents.IncidentScorer.Score(gold, fusion.Build());
            var tolls = Sitrep.Evaluation.Incidents.IncidentBaseline.TollShare(scores);
            if (parse.GetValue(json)) output.WriteLine(EvaluationJson.Serialize(scores));
            else
            {
                output.WriteLine(FormattableString.Invariant($"{path}: {scores.Documents} documents, {scores.GoldIncidents} gold incidents, {scores.SystemIncidents} found"));
                output.WriteLine(FormattableString.Invariant($"pairwise  precision {scores.PairPrecision:F3}  recall {scores.PairRecall:F3}  F1 {scores.PairF1:F3}"));
                output.WriteLine(FormattableString.Invariant($"B-cubed   precision {scores.BCubedPrecision:F3}  recall {scores.BCubedRecall:F3}  F1 {scores.BCubedF1:F3}"));
                output.WriteLine(FormattableString.Invariant($"tolls     {scores.FatalitiesRight} of {scores.FatalitiesScored} right ({tolls:P1})"));
                foreach (var mistake in scores.Mistakes.Take(worst)) output.WriteLine("  " + mistake);
            }
            output.Flush();
            var gates = new List<string>();
            if (parse.GetValue(minBCubed) is { } b && scores.BCubedF1 < b) gates.Add(FormattableString.Invariant($"B-cubed F1 {scores.BCubedF1:F3} is under --min-bcubed {b:F3}"));
            if (parse.GetValue(minTolls) is { } t && tolls < t) gates.Add(FormattableString.Invariant($"tolls right {tolls:F3} is under --min-fatalities {t:F3}"));
            if (gate is not null) gates.AddRange(gate.Regressions(scores));
            if (parse.GetValue(writeBaseline) is { } target)
            {
                Sitrep.Evaluation.Incidents.IncidentBaseline.From(scores).Save(target);
                error.WriteLine($"sitrep: baseline written to {target}");
            }
            foreach (var line in gates) error.WriteLine($"sitrep: quality gate: {line}");
            if (gates.Count > 0) return QualityGateNotMet;
            return problems.Count == 0 ? SitrepCommandLine.Success : SitrepCommandLine.SomeInputsFailed;
        });
        return command;
    }

    private static double? CheckPer100(string name, double? value) =>
        value is null or (>= 0 and <= 100) ? value
        : throw new UsageException($"{name} {value.Value.ToString(CultureInfo.InvariantCulture)}: expected a number of documents per 100, from 0 to 100.");

    private static Option<bool> JsonOption() => new("--json") { Description = "Print the report as JSON (for machines) instead of tables." };

    private static Option<int> ErrorsOption(string description) => new("--errors") { Description = description, DefaultValueFactory = _ => 0 };

    private static int CheckErrors(int value) =>
        value >= 0 ? value : throw new UsageException($"--errors {value.ToString(CultureInfo.InvariantCulture)}: expected a count of 0 or more.");

    private static void ReportProblems(TextWriter error, IEnumerable<InputProblem> problems)
    {
        foreach (var problem in problems) error.WriteLine($"sitrep: {problem}");
    }
}
