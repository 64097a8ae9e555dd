using System.CommandLine;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Output;
using Sitrep.Pipeline;
using Sitrep.Readers;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep extract</c>: read inputs, extract events, write them in the chosen format.</summary>
internal static class ExtractCommand
{
    // System.CommandLine prints the description above the usage line, so it carries the formats and examples.
    private const string Description = """
        Extract conflict events from news articles and print them as JSON (see --format).

        Each input's format is recognised by its extension and content:
          dated text   a line "date YYYY-MM[-DD] " followed by the article (any extension)
          plain text   .txt; the publication date comes from --published
          JSON Lines   .jsonl, one object a line: "text" (required), "id", "published",
                       "title", "url", "source", "language"; one document per line
          HTML         .html/.htm; the main article text, title and publication date
          RSS / Atom   .xml/.rss/.atom; one document per item
          ACLED CSV    .csv with "notes" and "event_date" columns; one document per row
        Text may be UTF-8 (with or without a BOM) or UTF-16; any input may be gzip-compressed
        (corpus.jsonl.gz). In a folder, hidden files and folders (.git) are skipped, and so are
        files that document it rather than hold news: README, LICENSE, COPYING, CHANGELOG,
        NOTICE, AUTHORS, CONTRIBUTING (any extension) and Markdown/.rst files.

        Examples:
          sitrep extract article.txt                      one article, as a JSON array
          sitrep extract news/ --format jsonl --out events.jsonl
                                                          a whole folder, one document a line
          cat article.txt | sitrep extract - --published 2020-09-27 --lang en
          sitrep extract page.html --mentions             also list numbers, dates, tokens found

        A document larger than --max-document-mb (default 16), or whose extraction takes longer
        than --max-document-seconds (default 60: "document too complex"), is named on standard
        error and skipped; the others are still written.

        Exit codes: 0 all inputs read; 1 some inputs could not be read (each is named on
        standard error with the reason, and everything else is still written); 2 usage error.
        """;

    public static Command Create(TextWriter output, TextWriter error, Func<Stream>? standardInput = null)
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Files, directories (read recursively, hidden ones skipped) or - for standard input (the default).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {OutputFormats.Help}.",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong(OutputFormats.Names);
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
        var mentions = new Option<bool>("--mentions")
        {
            Description = "Also list what was found in the text (numbers, dates, places, actors, triggers) with offsets.",
        };
        var minRelevance = new Option<double>("--min-relevance")
        {
            Description = "Leave out the events of documents whose conflict relevance (document.relevance, 0 to 1) is under this; each such document says so in its warnings.",
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
        var command = new Command("extract", Description)
        {
            inputs, format, language, published, mentions, minRelevance, outFile, maxDocument, maxSeconds,
        };
        command.SetAction(parse =>
        {
            var pipeline = new ExtractionPipeline();
            var options = new ExtractionOptions(
                Language: ParseLanguage(parse.GetValue(language), pipeline.SupportedLanguages),
                Published: ParsePublished(parse.GetValue(published)),
                IncludeMentions: parse.GetValue(mentions),
                MinRelevance: ParseMinRelevance(parse.GetValue(minRelevance)),
                Budget: TimeSpan.FromSeconds(CommandValues.Positive(parse.GetValue(maxSeconds), "--max-document-seconds")));
            var maxMegabytes = CommandValues.Positive(parse.GetValue(maxDocument), "--max-document-mb");
            var sources = parse.GetValue(inputs) is { Length: > 0 } given ? given : ["-"];
            if (sources is ["-"] && parse.GetValue(inputs) is not { Length: > 0 } && standardInput is null && !Console.IsInputRedirected)
            {
                // Waiting silently for a terminal to type an article helps nobody who forgot the input.
                throw new UsageException("no input: give files or directories, or pipe text and use - for standard input.");
            }
            using var sink = OpenOutput(parse.GetValue(outFile), output);
            var writer = OutputFormats.Create(parse.GetValue(format)!, sink.Writer);
            var failed = 0;
            var written = 0;
            // Said once per language and run: the document's own warning says it for each document.
            var unsupported = new HashSet<string>(StringComparer.Ordinal);
            // Documents are extracted on every core; results come back in input order, so output is deterministic.
            var processed = OrderedParallel.Map(new InputReader(standardInput, maxMegabytes).Read(sources), item => Extract(pipeline, item, options));
            foreach (var (problem, result) in processed)
            {
                if (problem is not null)
                {
                    failed++;
                    error.WriteLine($"sitrep: {problem}");
                    continue;
                }
                writer.Write(result!);
                written++;
                var language = result!.Document.Language;
                if (language != Text.LanguageIdentifier.Undetermined && !pipeline.SupportedLanguages.Contains(language, StringComparer.Ordinal) && unsupported.Add(language))
                {
                    error.WriteLine($"sitrep: warning: language '{language}' is not supported (supported: {string.Join(", ", pipeline.SupportedLanguages)}); documents in it give no events (first: {result.Document.Id})");
                }
            }
            writer.Complete();
            sink.Commit();
            if (failed > 0)
            {
                // Silent on success, as tools are; after problems, say what was still done.
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sitrep: {Plural(failed, "problem")} reported above; {Plural(written, "document")} written."));
            }
            return failed == 0 ? SitrepCommandLine.Success : SitrepCommandLine.SomeInputsFailed;
        });
        return command;
    }

    /// <summary>Runs on a worker thread: a read problem passes through; a bug of ours on one document becomes its problem, so the others are still written.</summary>
    internal static (string? Problem, DocumentResult? Result) Extract(ExtractionPipeline pipeline, ReadItem item, ExtractionOptions options)
    {
        if (item.Problem is { } problem) return (problem.ToString(), null);
        var document = item.Document!;
        try
        {
            return (null, pipeline.Process(document, options));
        }
        catch (DocumentTooComplexException e)
        {
            return ($"{document.Origin ?? document.Id}: {e.Message}", null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var detail = Environment.GetEnvironmentVariable("SITREP_DEBUG") is not null ? $"\n{e}" : "";
            return ($"{document.Origin ?? document.Id}: internal error while extracting: {e.Message}{detail}", null);
        }
    }

    internal static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    internal static OutputSink OpenOutput(string? path, TextWriter output)
    {
        try
        {
            return OutputSink.Open(path, output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--out {path}: cannot write there ({e.Message})");
        }
    }

    internal static string? ParseLanguage(string? value, IReadOnlyList<string> supported)
    {
        if (value is null || value == "auto") return null;
        if (!supported.Contains(value, StringComparer.Ordinal))
            throw new UsageException($"--lang {value}: not a supported language (supported: auto, {string.Join(", ", supported)}).");
        return value;
    }

    internal static PartialDate? ParsePublished(string? value)
    {
        if (value is null) return null;
        if (!PartialDate.TryParse(value, out var date))
            throw new UsageException($"--published {value}: expected YYYY, YYYY-MM or YYYY-MM-DD.");
        return date;
    }

    internal static double ParseMinRelevance(double value) =>
        value is >= 0 and <= 1 ? value : throw new UsageException(FormattableString.Invariant($"--min-relevance {value}: expected a number from 0 to 1."));
}
