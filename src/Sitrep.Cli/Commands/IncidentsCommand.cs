using System.CommandLine;
using System.Globalization;
using Sitrep.Incidents;
using Sitrep.Output;
using Sitrep.Pipeline;
using Sitrep.Readers;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep incidents</c>: extract every input as <c>extract</c> does (same readers, options and error
/// behaviour), then fuse the events of all documents into incidents and write those.
/// </summary>
internal static class IncidentsCommand
{
    private const string Description = """
        Fuse the events of many news articles into incidents: one real event, with every
        document that reports it and every claim side by side (see docs/INCIDENTS.md).

        Inputs are read exactly as by 'sitrep extract' (text, JSON Lines, HTML, RSS/Atom,
        ACLED CSV, folders, .gz, - for standard input). Events of different documents are
        one incident when their event types may be one event, their places and dates agree
        within the precision each has and their actors do not contradict; historical,
        future, hypothetical and negated events stay alone, and statements link to the
        incident they are about ("about") without joining it. The result does not depend
        on the order of the inputs.

        Examples:
          sitrep incidents news/ --format jsonl          one incident a line
          sitrep incidents a.jsonl b.jsonl --format geojson --out incidents.geojson

        Exit codes: 0 all inputs read; 1 some inputs could not be read (each is named on
        standard error, the incidents of the others are still written); 2 usage error.
        """;

    private static readonly string[] Formats = ["json", "jsonl", "acled-csv", "geojson"];

    public static Command Create(TextWriter output, TextWriter error, Func<Stream>? standardInput = null)
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Files, directories (read recursively, hidden ones skipped) or - for standard input (the default).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: json (a JSON array of incidents), jsonl (one incident a line), acled-csv (ACLED's columns, one row an incident), geojson (a FeatureCollection, one feature an incident).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong(Formats);
        var language = new Option<string>("--lang")
        {
            Description = "Language of the inputs: auto (detect each document's), or a code such as en, ro.",
            HelpName = "auto|en|ro",
            DefaultValueFactory = _ => "auto",
        };
        var published = new Option<string?>("--published")
        {
            Description = "Publication date for inputs that do not carry one; relative dates (\"yesterday\") are resolved against it.",
            HelpName = "YYYY-MM[-DD]",
        };
        var minRelevance = new Option<double>("--min-relevance")
        {
            Description = "Leave out the events of documents whose conflict relevance (0 to 1) is under this.",
            HelpName = "0..1",
            DefaultValueFactory = _ => 0,
        };
        var outFile = new Option<string?>("--out", "-o")
        {
            Description = "Write to this file instead of standard output (written whole or not at all).",
            HelpName = "FILE",
        };
        var maxDocument = CommandValues.MaxDocumentMegabytes();
        var maxSeconds = CommandValues.MaxDocumentSeconds();
        var command = new Command("incidents", Description)
        {
            inputs, format, language, published, minRelevance, outFile, maxDocument, maxSeconds,
        };
        command.SetAction(parse =>
        {
            var pipeline = new ExtractionPipeline();
            var options = new ExtractionOptions(
                Language: ExtractCommand.ParseLanguage(parse.GetValue(language), pipeline.SupportedLanguages),
                Published: ExtractCommand.ParsePublished(parse.GetValue(published)),
                MinRelevance: ExtractCommand.ParseMinRelevance(parse.GetValue(minRelevance)),
                Budget: TimeSpan.FromSeconds(CommandValues.Positive(parse.GetValue(maxSeconds), "--max-document-seconds")));
            var maxMegabytes = CommandValues.Positive(parse.GetValue(maxDocument), "--max-document-mb");
            var sources = parse.GetValue(inputs) is { Length: > 0 } given ? given : ["-"];
            if (sources is ["-"] && parse.GetValue(inputs) is not { Length: > 0 } && standardInput is null && !Console.IsInputRedirected)
            {
                throw new UsageException("no input: give files or directories, or pipe text and use - for standard input.");
            }
            using var sink = ExtractCommand.OpenOutput(parse.GetValue(outFile), output);
            var fusion = new IncidentFusion();
            var failed = 0;
            var read = 0;
            var processed = OrderedParallel.Map(new InputReader(standardInput, maxMegabytes).Read(sources), item => ExtractCommand.Extract(pipeline, item, options));
            foreach (var (problem, result) in processed)
            {
                if (problem is not null)
                {
                    failed++;
                    error.WriteLine($"sitrep: {problem}");
                    continue;
                }
                fusion.Add(result!);
                read++;
            }
            var writer = IncidentWriter.Create(parse.GetValue(format)!, sink.Writer);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var cpu = Environment.CpuUsage.TotalTime;
            var incidents = fusion.Build();
            if (Environment.GetEnvironmentVariable("SITREP_DEBUG") is not null)
            {
                // What fusion costs beside extraction, for docs/PERFORMANCE.md.
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sitrep: fused {fusion.Events} events into {incidents.Length} incidents in {clock.Elapsed.TotalSeconds:F2} s ({(Environment.CpuUsage.TotalTime - cpu).TotalSeconds:F2} s CPU)"));
            }
            foreach (var incident in incidents) writer.Write(incident);
            writer.Complete();
            sink.Commit();
            if (failed > 0)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sitrep: {ExtractCommand.Plural(failed, "problem")} reported above; the incidents of {ExtractCommand.Plural(read, "document")} written."));
            }
            return failed == 0 ? SitrepCommandLine.Success : SitrepCommandLine.SomeInputsFailed;
        });
        return command;
    }

    /// <summary>One --format of <c>incidents</c>.</summary>
    private abstract class IncidentWriter
    {
        public abstract void Write(Incident incident);

        public abstract void Complete();

        public static IncidentWriter Create(string name, TextWriter writer) => name switch
        {
            "jsonl" => new Lines(writer),
            "json" => new Array(writer),
            "acled-csv" => new Csv(new IncidentCsvWriter(writer)),
            "geojson" => new GeoJson(new IncidentGeoJsonWriter(writer)),
            _ => throw new UsageException($"--format {name}: unknown format (known: {string.Join(", ", Formats)})."),
        };

        private sealed class Lines(TextWriter writer) : IncidentWriter
        {
            public override void Write(Incident incident) => writer.WriteLine(ContractJson.Serialize(incident));

            public override void Complete() => writer.Flush();
        }

        private sealed class Array(TextWriter writer) : IncidentWriter
        {
            private bool _any;

            public override void Write(Incident incident)
            {
                writer.WriteLine(_any ? "," : "[");
                writer.Write(ContractJson.Serialize(incident, indented: true));
                _any = true;
            }

            public override void Complete()
            {
                writer.WriteLine(_any ? "\n]" : "[]");
                writer.Flush();
            }
        }

        private sealed class Csv(IncidentCsvWriter csv) : IncidentWriter
        {
            public override void Write(Incident incident) => csv.Write(incident);

            public override void Complete() => csv.Complete();
        }

        private sealed class GeoJson(IncidentGeoJsonWriter geoJson) : IncidentWriter
        {
            public override void Write(Incident incident) => geoJson.Write(incident);

            public override void Complete() => geoJson.Complete();
        }
    }
}
