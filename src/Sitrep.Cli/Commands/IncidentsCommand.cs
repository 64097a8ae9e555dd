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
        incident they are about ("about") without joining it.

        Memory is bounded by a time window (--window, default 30 days): an incident whose
        reports all tell of days more than a window before the newest publication read is
        written and forgotten, so a report published more than a window after every report
        of an incident does not join it. The result does not depend on the order of the
        inputs as long as no document comes more than a window behind the newest one read
        before it; one that does is counted on standard error (sort such inputs by date, or
        use --window 0 to hold every event until the end).

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
        var window = new Option<int>("--window")
        {
            Description = $"Days after which an incident can no longer be joined and is written out, so memory stays bounded; 0 holds every event until the end (any input order). Default {WindowedIncidentFusion.DefaultWindowDays}.",
            HelpName = "DAYS",
            DefaultValueFactory = _ => WindowedIncidentFusion.DefaultWindowDays,
        };
        var maxDocument = CommandValues.MaxDocumentMegabytes();
        var maxSeconds = CommandValues.MaxDocumentSeconds();
        var command = new Command("incidents", Description)
        {
            inputs, format, language, published, minRelevance, window, outFile, maxDocument, maxSeconds,
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
            var windowDays = parse.GetValue(window);
            if (windowDays < 0) throw new UsageException($"--window {windowDays.ToString(CultureInfo.InvariantCulture)}: must be 0 (no window) or a number of days.");
            using var sink = ExtractCommand.OpenOutput(parse.GetValue(outFile), output);
            var writer = IncidentWriter.Create(parse.GetValue(format)!, sink.Writer);
            var fusion = IncidentStream.Create(windowDays);
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
                // Incidents are written as soon as they are final: the ones a window behind the newest publication.
                foreach (var incident in fusion.Add(result!)) writer.Write(incident);
                read++;
            }
            foreach (var incident in fusion.Complete()) writer.Write(incident);
            writer.Complete();
            sink.Commit();
            if (fusion.LateDocuments > 0)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sitrep: {ExtractCommand.Plural(fusion.LateDocuments, "document")} came more than {windowDays} days behind the newest publication read before them and could not join incidents already written; sort the inputs by date, or use --window 0."));
            }
            if (Environment.GetEnvironmentVariable("SITREP_DEBUG") is not null)
            {
                // What the window held, for docs/INCIDENTS.md.
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sitrep: fused {fusion.Events} events, at most {fusion.MostHeld} held at once"));
            }
            if (failed > 0)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sitrep: {ExtractCommand.Plural(failed, "problem")} reported above; the incidents of {ExtractCommand.Plural(read, "document")} written."));
            }
            return failed == 0 ? SitrepCommandLine.Success : SitrepCommandLine.SomeInputsFailed;
        });
        return command;
    }

    /// <summary>The fusion behind --window: windowed (incidents handed out as they become final) or whole (all at the end).</summary>
    private abstract class IncidentStream
    {
        public abstract int Events { get; }

        public abstract int MostHeld { get; }

        public abstract int LateDocuments { get; }

        public abstract IReadOnlyList<Incident> Add(DocumentResult result);

        public abstract IReadOnlyList<Incident> Complete();

        public static IncidentStream Create(int windowDays) => windowDays == 0 ? new Whole() : new Windowed(new WindowedIncidentFusion(windowDays));

        private sealed class Windowed(WindowedIncidentFusion fusion) : IncidentStream
        {
            private int _mostHeld;

            public override int Events => fusion.Events;

            public override int MostHeld => _mostHeld;

            public override int LateDocuments => fusion.LateDocuments;

            public override IReadOnlyList<Incident> Add(DocumentResult result)
            {
                var done = fusion.Add(result);
                _mostHeld = Math.Max(_mostHeld, fusion.HeldEvents);
                return done;
            }

            public override IReadOnlyList<Incident> Complete() => fusion.Complete();
        }

        private sealed class Whole : IncidentStream
        {
            private readonly IncidentFusion _fusion = new();

            public override int Events => _fusion.Events;

            public override int MostHeld => _fusion.Events;

            public override int LateDocuments => 0;

            public override IReadOnlyList<Incident> Add(DocumentResult result)
            {
                _fusion.Add(result);
                return [];
            }

            public override IReadOnlyList<Incident> Complete() => _fusion.Build();
        }
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
