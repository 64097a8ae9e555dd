using System.Globalization;
using Sitrep.Actors;
using Sitrep.Output;

namespace Sitrep.Incidents;

/// <summary>
/// Writes incidents in ACLED's column layout, one row an incident (the way ACLED itself counts), with Sitrep's
/// columns for the fused view: how many reports, which documents, the claims and the revisions of the toll.
/// Quoting and formula defusing as <see cref="AcledCsvWriter"/>.
/// </summary>
public sealed class IncidentCsvWriter
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
        "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
        "status", "fatalities_low", "fatalities_high", "claims", "incident_id", "reports", "documents", "first_report", "last_report", "about", "country_iso3",
    ];

    private readonly TextWriter _writer;
    private bool _headerWritten;

    public IncidentCsvWriter(TextWriter writer)
    {
        _writer = writer;
    }

    public void Write(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        WriteHeaderOnce();
        var cells = new string?[]
        {
            incident.Date?.Start,
            incident.EventType,
            incident.SubEventType,
            Actors(incident, "actor1", first: true),
            Actors(incident, "actor1", first: false, also: "assoc1"),
            Actors(incident, "actor2", first: true),
            Actors(incident, "actor2", first: false, also: "assoc2"),
            incident.Location?.Country is { } iso3 ? ActorNames.CountryName(iso3) : null,
            incident.Location?.Admin1,
            incident.Location?.Name,
            incident.Location?.Lat?.ToString("0.#####", CultureInfo.InvariantCulture),
            incident.Location?.Lon?.ToString("0.#####", CultureInfo.InvariantCulture),
            GeoPrecision(incident.Location?.Precision),
            string.Join("; ", incident.Reports.Select(r => r.Source ?? r.Document).Distinct(StringComparer.Ordinal)),
            string.Join(" | ", incident.Claims.Select(c => c.Text)),
            (incident.Fatalities?.Best ?? incident.Fatalities?.Low ?? 0).ToString(CultureInfo.InvariantCulture),
            incident.Status,
            incident.Fatalities?.Low?.ToString(CultureInfo.InvariantCulture),
            incident.Fatalities?.High?.ToString(CultureInfo.InvariantCulture),
            string.Join(" | ", incident.Claims.Select(c => $"{c.Claimant ?? "unattributed"}: {c.Text}{(c.RevisedBy is null ? "" : $" (revised by {c.RevisedBy})")}")),
            incident.Id,
            incident.Reports.Length.ToString(CultureInfo.InvariantCulture),
            string.Join("; ", incident.Reports.Select(r => $"{r.Document}#{r.Event}")),
            incident.FirstReport,
            incident.LastReport,
            incident.About,
            incident.Location?.Country,
        };
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) _writer.Write(',');
            _writer.Write(AcledCsvWriter.Quote(string.IsNullOrEmpty(cells[i]) ? null : cells[i]));
        }
        _writer.Write("\r\n");
    }

    public void Complete()
    {
        WriteHeaderOnce();
        _writer.Flush();
    }

    private void WriteHeaderOnce()
    {
        if (_headerWritten) return;
        _headerWritten = true;
        _writer.Write(string.Join(',', Columns) + "\r\n");
    }

    private static string? Actors(Incident incident, string role, bool first, string? also = null)
    {
        var primary = incident.Actors.FirstOrDefault(a => a.Role == role)?.Name;
        if (first) return primary;
        var rest = incident.Actors.Where(a => a.Role == role || a.Role == also).Select(a => a.Name)
            .Where(n => !string.Equals(n, primary, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        return rest.Count == 0 ? null : string.Join("; ", rest);
    }

    private static string? GeoPrecision(string? precision) => precision switch
    {
        null => null,
        "locality" => "1",
        "admin" => "2",
        _ => "3",
    };
}
