using Sitrep.Output;
using Sitrep.Store.Model;

namespace Sitrep.Store.Export;

/// <summary>Writes a store's events in one of the export formats; shared by <c>sitrep export</c> and <c>/api/export</c>.</summary>
public static class StoreExporter
{
    public static IReadOnlyList<string> Formats { get; } = ["acled-csv", "geojson", "jsonl"];

    public static string ContentType(string format) => format switch
    {
        "acled-csv" => "text/csv; charset=utf-8",
        "geojson" => "application/geo+json",
        _ => "application/x-ndjson; charset=utf-8",
    };

    public static string FileExtension(string format) => format switch
    {
        "acled-csv" => "csv",
        "geojson" => "geojson",
        _ => "jsonl",
    };

    /// <returns>The number of events written.</returns>
    public static async Task<long> WriteAsync(IEventStore store, EventFilter filter, string format, TextWriter writer, CancellationToken cancellationToken = default)
    {
        if (!Formats.Contains(format, StringComparer.Ordinal)) throw new ArgumentException($"unknown export format {format}", nameof(format));
        var csv = format == "acled-csv" ? new AcledCsvWriter(writer) : null;
        var geo = format == "geojson" ? new GeoJsonWriter(writer) : null;
        long events = 0;
        await foreach (var document in store.ExportAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            events += document.Result.Events.Length;
            if (csv is not null) csv.Write(document.Result, document.Text);
            else if (geo is not null) geo.Write(document.Result);
            else await writer.WriteLineAsync(ContractJson.Serialize(document.Result).AsMemory(), cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        csv?.Complete();
        geo?.Complete();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return events;
    }
}
