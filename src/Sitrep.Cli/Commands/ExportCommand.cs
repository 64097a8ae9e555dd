using System.CommandLine;
using Sitrep.Store.Export;
using Sitrep.Store.Model;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep export</c>: a store's events, filtered, as ACLED-layout CSV, GeoJSON or the contract's JSON Lines.</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        _ = error;
        var store = new StoreOptions();
        var format = new Option<string>("--format", "-f")
        {
            Description = "acled-csv (ACLED's columns plus Sitrep's), geojson (a FeatureCollection) or jsonl (the contract's documents).",
            Required = true,
        };
        format.AcceptOnlyFromAmong([.. StoreExporter.Formats]);
        var filters = new FilterOptions();
        var outFile = new Option<string?>("--out", "-o")
        {
            Description = "Write to this file instead of standard output (written whole or not at all).",
        };
        var incidents = new Option<bool>("--incidents")
        {
            Description = "Export the stored incidents (one real event each, with every report; docs/INCIDENTS.md) instead of events: those with a report matching the filters, as 'sitrep incidents' writes them.",
        };
        var minReports = new Option<int>("--min-reports")
        {
            Description = "With --incidents: only incidents told by at least this many reports.",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("export", "Export stored events (or incidents) with the same filters as the API.")
        {
            store.Database, store.Postgres, format, filters.From, filters.To, filters.Country, filters.Type, filters.Status, filters.Text, incidents, minReports, outFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var filter = filters.Read(parse);
            var least = parse.GetValue(minReports);
            if (least < 1) throw new UsageException($"--min-reports {least}: expected a count of 1 or more.");
            await using var events = await store.OpenForReadingAsync(parse, cancellationToken).ConfigureAwait(false);
            using var sink = OutputSink.Open(parse.GetValue(outFile), output);
            if (parse.GetValue(incidents))
            {
                await IncidentExporter.WriteAsync(events, new IncidentQuery(filter, least), parse.GetValue(format)!, sink.Writer, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await StoreExporter.WriteAsync(events, filter, parse.GetValue(format)!, sink.Writer, cancellationToken).ConfigureAwait(false);
            }
            sink.Commit();
            return SitrepCommandLine.Success;
        });
        return command;
    }
}

/// <summary>The event filters, named as in the API's query string.</summary>
internal sealed class FilterOptions
{
    public Option<string?> From { get; } = new("--from") { Description = "Events on or after this day (YYYY-MM-DD, or YYYY-MM)." };

    public Option<string?> To { get; } = new("--to") { Description = "Events on or before this day (YYYY-MM-DD, or YYYY-MM through its end)." };

    public Option<string?> Country { get; } = new("--country") { Description = "ISO 3166-1 alpha-3 code or English name, e.g. AZE or Azerbaijan." };

    public Option<string?> Type { get; } = new("--type") { Description = "Event type or sub-event type, e.g. Battles or \"Air/drone strike\"." };

    public Option<string?> Status { get; } = new("--status") { Description = "current, historical, future, hypothetical or negated." };

    public Option<string?> Text { get; } = new("--text") { Description = "Words the article must contain (case and diacritics ignored)." };

    /// <summary>The filter in the store's form; a value that makes no sense is a usage error naming the option.</summary>
    public EventFilter Read(ParseResult parse)
    {
        var filter = FilterValues.Check(
            new EventFilter(parse.GetValue(From), parse.GetValue(To), parse.GetValue(Country), parse.GetValue(Type), parse.GetValue(Status), parse.GetValue(Text)),
            "--", out var problems);
        return problems.Count == 0 ? filter : throw new UsageException(string.Join("; ", problems));
    }
}
