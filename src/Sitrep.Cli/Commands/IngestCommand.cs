using System.CommandLine;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Readers;
using Sitrep.Store;
using Sitrep.Store.Ingest;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep ingest</c>: read inputs, extract, store. Idempotent by content hash, atomic per batch,
/// so a killed run is resumed by running it again. A progress bar on a terminal, plain lines otherwise.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<Stream>? standardInput = null)
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Files, directories (read recursively) or - for standard input, in any format extract reads.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var store = new StoreOptions();
        var language = new Option<string>("--lang")
        {
            Description = "Language of the inputs: auto (detect), or a code such as en, ro.",
            DefaultValueFactory = _ => "auto",
        };
        var published = new Option<string?>("--published")
        {
            Description = "Publication date (YYYY-MM or YYYY-MM-DD) for inputs that do not carry one.",
        };
        var mentions = new Option<bool>("--mentions")
        {
            Description = "Also store every mention (numbers, dates, places... outside events) for the article view; slower.",
        };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Documents stored per transaction.",
            DefaultValueFactory = _ => DocumentIngestor.DefaultBatchSize,
        };

        var maxDocument = CommandValues.MaxDocumentMegabytes();
        var maxSeconds = CommandValues.MaxDocumentSeconds();
        var command = new Command("ingest", "Extract events from articles and store them in a database (idempotent, resumable).")
        {
            inputs, store.Database, store.Postgres, language, published, mentions, batchSize, maxDocument, maxSeconds,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var pipeline = new ExtractionPipeline();
            var options = new ExtractionOptions(
                Language: CommandValues.Language(parse.GetValue(language), pipeline.SupportedLanguages),
                Published: CommandValues.Published(parse.GetValue(published)),
                IncludeMentions: parse.GetValue(mentions),
                Budget: TimeSpan.FromSeconds(CommandValues.Positive(parse.GetValue(maxSeconds), "--max-document-seconds")));
            var maxMegabytes = CommandValues.Positive(parse.GetValue(maxDocument), "--max-document-mb");
            if (parse.GetValue(batchSize) < 1) throw new UsageException("--batch-size: must be at least 1.");
            var sources = parse.GetValue(inputs) is { Length: > 0 } given ? given : ["-"];
            await using var events = await store.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            var ingestor = new DocumentIngestor(events, pipeline, options, parse.GetValue(batchSize));
            var totalBytes = InputSize(sources);
            var items = new InputReader(standardInput, maxMegabytes).Read(sources);

            IngestProgress result;
            if (IsTerminal(error))
            {
                result = await RunWithProgressBarAsync(ingestor, items, totalBytes, error, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var lines = new PlainProgress(error);
                result = await ingestor.IngestAsync(items, p => error.WriteLine($"sitrep: {p}"), lines, cancellationToken).ConfigureAwait(false);
            }
            output.WriteLine(Summary(result, events.Description, totalBytes));
            return result.Problems == 0 ? SitrepCommandLine.Success : SitrepCommandLine.SomeInputsFailed;
        });
        return command;
    }

    private static async Task<IngestProgress> RunWithProgressBarAsync(
        DocumentIngestor ingestor, IEnumerable<ReadItem> items, long? totalBytes, TextWriter error, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        var problems = new List<InputProblem>();
        IngestProgress? result = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("ingesting", maxValue: totalBytes ?? 1);
                task.IsIndeterminate = totalBytes is null;
                // Reported inline (Progress<T> would post to the thread pool, and a late report could undo the final 100 %).
                var progress = new InlineProgress(p =>
                {
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.DocumentsRead:N0} docs, {p.DocumentsPerSecond:N0} docs/s, {p.EventsAdded:N0} events");
                    if (totalBytes is not null) task.Value = Math.Min(p.Characters, totalBytes.Value);
                });
                result = await ingestor.IngestAsync(items, problems.Add, progress, cancellationToken).ConfigureAwait(false);
                task.Value = task.MaxValue;
                task.StopTask();
            }).ConfigureAwait(false);
        foreach (var problem in problems) error.WriteLine($"sitrep: {problem}");
        return result!;
    }

    private static bool IsTerminal(TextWriter error) => ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Bytes of the named files (for the ETA); null when standard input is among them.</summary>
    private static long? InputSize(string[] sources)
    {
        long total = 0;
        foreach (var source in sources)
        {
            if (source == "-") return null;
            try
            {
                if (File.Exists(source)) total += new FileInfo(source).Length;
                else if (Directory.Exists(source)) total += new DirectoryInfo(source).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The reader reports unreadable inputs; the size is only for the ETA.
            }
        }
        return total;
    }

    internal static string Summary(IngestProgress p, string store, long? totalBytes)
    {
        var seconds = Math.Max(p.Elapsed.TotalSeconds, 0.001);
        var megabytes = (totalBytes ?? p.Characters) / 1_000_000.0;
        return string.Create(CultureInfo.InvariantCulture,
            $"ingested {p.DocumentsAdded} new documents ({p.EventsAdded} events) into {store}; {p.DocumentsSkipped} already stored; " +
            $"{p.Problems} inputs failed; {p.DocumentsRead} documents read in {seconds:F1} s ({p.DocumentsRead / seconds:F0} documents/s, {megabytes / seconds:F2} MB/s)");
    }

    private sealed class InlineProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }

    /// <summary>One line every few seconds when standard error is not a terminal (logs, CI, pipes).</summary>
    private sealed class PlainProgress(TextWriter error) : IProgress<IngestProgress>
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
        private TimeSpan _last = TimeSpan.Zero;

        public void Report(IngestProgress value)
        {
            if (value.Elapsed - _last < Interval) return;
            _last = value.Elapsed;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sitrep: ingest: {value.DocumentsRead} documents read, {value.DocumentsAdded} added, {value.EventsAdded} events, {value.DocumentsPerSecond:F0} documents/s"));
        }
    }
}

/// <summary>The <c>--db PATH | --postgres CONNSTR</c> pair that every store command takes.</summary>
internal sealed class StoreOptions
{
    public Option<string?> Database { get; } = new("--db")
    {
        Description = $"SQLite database file (default: {EventStores.DefaultDatabase} in the current folder).",
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = "PostgreSQL connection string, e.g. \"Host=127.0.0.1;Username=sitrep;Password=...;Database=sitrep\".",
    };

    /// <summary>For commands that write (ingest, migrate): the store, created if need be and migrated to this program's schema.</summary>
    public async Task<IEventStore> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var path = parse.GetValue(Database);
        var postgres = parse.GetValue(Postgres);
        if (path is not null && postgres is not null) throw new UsageException("give --db or --postgres, not both.");
        try
        {
            return await EventStores.OpenAsync(path, postgres, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            throw new IOException(e.Message, e);
        }
    }

    /// <summary>
    /// For commands that only read (serve, export): an existing store, opened without any write (no
    /// migration either), so that a read-only file or mount works. A SQLite file that is not there is an
    /// error, not a new empty database.
    /// </summary>
    public async Task<IEventStore> OpenForReadingAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var path = parse.GetValue(Database);
        var postgres = parse.GetValue(Postgres);
        if (path is not null && postgres is not null) throw new UsageException("give --db or --postgres, not both.");
        if (postgres is null && !File.Exists(path ?? EventStores.DefaultDatabase))
        {
            var name = path ?? EventStores.DefaultDatabase;
            throw new IOException($"{name}: no such database (create one with 'sitrep ingest INPUT --db {name}').");
        }
        try
        {
            return await EventStores.OpenForReadingAsync(path, postgres, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            throw new IOException(e.Message, e);
        }
    }
}

/// <summary>Checks of option values shared by the store commands.</summary>
internal static class CommandValues
{
    /// <summary>The option that bounds one document's size (extract and ingest).</summary>
    public static Option<double> MaxDocumentMegabytes() => new("--max-document-mb")
    {
        Description = $"Largest document, in MB of text (a JSON Lines line, a text file, one document's text); a larger one is named on standard error and skipped. Default {InputReader.DefaultMaxDocumentMegabytes}.",
        HelpName = "MB",
        DefaultValueFactory = _ => InputReader.DefaultMaxDocumentMegabytes,
    };

    /// <summary>The option that bounds one document's extraction time (extract and ingest).</summary>
    public static Option<double> MaxDocumentSeconds() => new("--max-document-seconds")
    {
        Description = $"Time one document's extraction may take; one that overruns it is named (\"document too complex\") and skipped, the others go on. Default {DocumentBudget.DefaultLimit.TotalSeconds}.",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => DocumentBudget.DefaultLimit.TotalSeconds,
    };

    public static double Positive(double value, string option)
    {
        if (!(value > 0) || double.IsInfinity(value)) throw new UsageException($"{option} {value.ToString(CultureInfo.InvariantCulture)}: must be a number above 0.");
        return value;
    }

    public static string? Language(string? value, IReadOnlyList<string> supported)
    {
        if (value is null || value == "auto") return null;
        if (!supported.Contains(value, StringComparer.Ordinal))
            throw new UsageException($"--lang {value}: not a supported language (supported: auto, {string.Join(", ", supported)}).");
        return value;
    }

    public static PartialDate? Published(string? value)
    {
        if (value is null) return null;
        if (!PartialDate.TryParse(value, out var date))
            throw new UsageException($"--published {value}: expected YYYY, YYYY-MM or YYYY-MM-DD.");
        return date;
    }
}
