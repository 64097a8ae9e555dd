using Sitrep.Incidents;
using Sitrep.Output;
using Sitrep.Store.Model;

namespace Sitrep.Store.Export;

/// <summary>
/// Writes a store's incidents in the formats of <c>sitrep incidents</c> (jsonl: one sitrep-1-incident a line,
/// acled-csv: one ACLED row an incident, geojson: one feature an incident), so that an export of a store and
/// <c>sitrep incidents</c> on the same documents give the same file.
/// </summary>
public static class IncidentExporter
{
    public static async Task<int> WriteAsync(IEventStore store, IncidentQuery query, string format, TextWriter writer, CancellationToken cancellationToken = default)
    {
        Action<Incident> write;
        Action complete;
        switch (format)
        {
            case "jsonl":
                write = incident => writer.WriteLine(ContractJson.Serialize(incident));
                complete = writer.Flush;
                break;
            case "acled-csv":
                var csv = new IncidentCsvWriter(writer);
                write = csv.Write;
                complete = csv.Complete;
                break;
            case "geojson":
                var geoJson = new IncidentGeoJsonWriter(writer);
                write = geoJson.Write;
                complete = geoJson.Complete;
                break;
            default:
                throw new ArgumentException($"unknown incident format {format} (known: {string.Join(", ", StoreExporter.Formats)})", nameof(format));
        }
        var count = 0;
        await foreach (var incident in store.ExportIncidentsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            write(incident);
            count++;
        }
        complete();
        return count;
    }
}
