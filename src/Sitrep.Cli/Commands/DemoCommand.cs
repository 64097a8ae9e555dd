using System.CommandLine;
using System.Globalization;
using Sitrep.Pipeline;
using Sitrep.Readers;
using Sitrep.Store.Ingest;
using Sitrep.Store.Sql;
using Sitrep.Web;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep demo</c>: the bundled sample corpus (invented articles) plus any files given, ingested
/// into a fresh embedded database, then the dashboard. With --no-serve it stops after building.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "More files or directories to ingest beside the bundled sample.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var database = new Option<string?>("--db")
        {
            Description = "Keep the demo database in this file (default: a temporary file, deleted on exit).",
        };
        var port = new Option<int>("--port")
        {
            Description = "Port on 127.0.0.1 for the dashboard (0 picks a free one).",
            DefaultValueFactory = _ => 5080,
        };
        var noServe = new Option<bool>("--no-serve")
        {
            Description = "Build the database, print its summary and exit.",
        };
        var command = new Command("demo", "Ingest the bundled sample articles (invented) and open the dashboard.")
        {
            inputs, database, port, noServe,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(port) is < 0 or > 65535) throw new UsageException("--port: must be between 0 and 65535.");
            var keep = parse.GetValue(database);
            // A folder of this run alone (mode 700): a fixed name would clash with another user's demo.
            var workspace = Directory.CreateTempSubdirectory("sitrep-demo-").FullName;
            var path = keep ?? Path.Combine(workspace, "demo.db");
            try
            {
                var samples = SampleCorpus.WriteTo(Path.Combine(workspace, "samples"));
                await using var store = await SqliteEventStore.OpenAsync(path, cancellationToken).ConfigureAwait(false);
                output.WriteLine($"Building the demo database ({path}) from {samples.Count} bundled sample files (invented articles)...");
                // The demo keeps every mention, so that the article view shows all that the pipeline saw.
                var ingestor = new DocumentIngestor(store, new ExtractionPipeline(), new ExtractionOptions(IncludeMentions: true));
                var failed = 0;
                var result = await ingestor.IngestAsync(
                    new InputReader().Read([.. samples, .. parse.GetValue(inputs) ?? []]),
                    problem => { failed++; error.WriteLine($"sitrep: {problem}"); },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                output.WriteLine(IngestCommand.Summary(result, store.Description, null));
                if (parse.GetValue(noServe)) return failed == 0 ? SitrepCommandLine.Success : SitrepCommandLine.SomeInputsFailed;
                var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{parse.GetValue(port)}");
                await ServeCommand.HostAsync(store, url, output, allowedHosts: null, cancellationToken).ConfigureAwait(false);
                return SitrepCommandLine.Success;
            }
            finally
            {
                TryDelete(workspace);
            }
        });
        return command;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is harmless; never fail the demo for it.
        }
    }
}
