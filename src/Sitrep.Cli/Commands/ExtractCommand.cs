using System.CommandLine;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Readers;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep extract</c>: read inputs, extract events, write them in the chosen format.</summary>
internal static class ExtractCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Files, directories (read recursively) or - for standard input. Formats: dated text, .txt, .jsonl, .html, RSS/Atom, ACLED CSV.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: json (an array), jsonl (one document a line).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong(OutputFormats.Names);
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
            Description = "Also list what was found in the text (numbers, dates, places, actors, triggers) with offsets.",
        };
        var outFile = new Option<string?>("--out", "-o")
        {
            Description = "Write to this file instead of standard output (written whole or not at all).",
        };

        var command = new Command("extract", "Extract conflict events from news articles and print them as JSON.")
        {
            inputs, format, language, published, mentions, outFile,
        };
        command.SetAction(parse =>
        {
            var pipeline = new ExtractionPipeline();
            var options = new ExtractionOptions(
                Language: ParseLanguage(parse.GetValue(language), pipeline.SupportedLanguages),
                Published: ParsePublished(parse.GetValue(published)),
                IncludeMentions: parse.GetValue(mentions));
            var sources = parse.GetValue(inputs) is { Length: > 0 } given ? given : ["-"];
            using var sink = OutputSink.Open(parse.GetValue(outFile), output);
            var writer = OutputFormats.Create(parse.GetValue(format)!, sink.Writer);
            var failed = 0;
            foreach (var item in new InputReader().Read(sources))
            {
                if (item.Problem is { } problem)
                {
                    failed++;
                    error.WriteLine($"sitrep: {problem}");
                    continue;
                }
                writer.Write(pipeline.Process(item.Document!, options));
            }
            writer.Complete();
            sink.Commit();
            return failed == 0 ? SitrepCommandLine.Success : SitrepCommandLine.SomeInputsFailed;
        });
        return command;
    }

    private static string? ParseLanguage(string? value, IReadOnlyList<string> supported)
    {
        if (value is null || value == "auto") return null;
        if (!supported.Contains(value, StringComparer.Ordinal))
            throw new UsageException($"--lang {value}: not a supported language (supported: auto, {string.Join(", ", supported)}).");
        return value;
    }

    private static PartialDate? ParsePublished(string? value)
    {
        if (value is null) return null;
        if (!PartialDate.TryParse(value, out var date))
            throw new UsageException($"--published {value}: expected YYYY, YYYY-MM or YYYY-MM-DD.");
        return date;
    }
}
