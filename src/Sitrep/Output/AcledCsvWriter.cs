using System.Globalization;
using System.Text;
using Sitrep.Actors;

namespace Sitrep.Output;

/// <summary>
/// Writes events in ACLED's column layout (one row per event) plus Sitrep's own columns: status,
/// fatality bounds, claims, and where the row came from. RFC 4180 quoting; cells that a spreadsheet
/// would run as a formula are prefixed with an apostrophe, since article text is untrusted.
/// </summary>
public sealed class AcledCsvWriter
{
    /// <summary>ACLED's names first, then Sitrep's (CONTRACT.md).</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
        "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
        "status", "fatalities_low", "fatalities_high", "claims", "document_id", "event_id", "country_iso3",
    ];

    private readonly TextWriter _writer;
    private bool _headerWritten;

    public AcledCsvWriter(TextWriter writer)
    {
        _writer = writer;
    }

    /// <param name="text">The document's text, for the notes column (the events' evidence); without it, notes fall back on the claims.</param>
    public void Write(DocumentResult result, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        WriteHeaderOnce();
        if (result.Events.IsDefaultOrEmpty) return;
        foreach (var record in result.Events)
        {
            var actors = record.Actors.IsDefault ? [] : record.Actors;
            var cells = new string?[]
            {
                record.Date?.Start,
                record.EventType,
                record.SubEventType,
                ActorsIn(actors, "actor1", primary: true),
                ActorsIn(actors, "actor1", primary: false, also: "assoc_actor_1"),
                ActorsIn(actors, "actor2", primary: true),
                ActorsIn(actors, "actor2", primary: false, also: "assoc_actor_2"),
                // ACLED writes the country's name; the code stays in country_iso3.
                record.Location?.Country is { } iso3 ? ActorNames.CountryName(iso3) : null,
                record.Location?.Admin1,
                record.Location?.Name,
                Number(record.Location?.Lat),
                Number(record.Location?.Lon),
                GeoPrecision(record.Location?.Precision),
                result.Document.Source ?? result.Document.Id,
                Notes(record, text),
                (record.Fatalities?.Best ?? record.Fatalities?.Low ?? 0).ToString(CultureInfo.InvariantCulture),
                record.Status,
                record.Fatalities?.Low?.ToString(CultureInfo.InvariantCulture),
                record.Fatalities?.High?.ToString(CultureInfo.InvariantCulture),
                Claims(record),
                result.Document.Id,
                record.Id,
                record.Location?.Country,
            };
            WriteRow(cells);
        }
    }

    /// <summary>Writes the header even when no event follows, so an empty export is still a valid CSV.</summary>
    public void Complete()
    {
        WriteHeaderOnce();
        _writer.Flush();
    }

    private void WriteHeaderOnce()
    {
        if (_headerWritten) return;
        _headerWritten = true;
        WriteRow([.. Columns]);
    }

    private void WriteRow(string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) _writer.Write(',');
            _writer.Write(Quote(cells[i]));
        }
        // RFC 4180 line ends, whatever the platform.
        _writer.Write("\r\n");
    }

    /// <summary>One cell as RFC 4180 wants it, with formula starters defused.</summary>
    public static string Quote(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return "";
        if (cell[0] is '=' or '+' or '@' or '\t' or '\r' || (cell[0] == '-' && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            cell = "'" + cell;
        }
        if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0) return cell;
        return "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The side's first actor, or (for the associated column) every other actor of that side, ACLED's "; " between them.</summary>
    private static string? ActorsIn(IReadOnlyList<Actor> actors, string role, bool primary, string? also = null)
    {
        var first = actors.FirstOrDefault(a => a.Role == role)?.Name;
        if (primary) return first;
        var rest = actors
            .Where(a => a.Role == role || a.Role == also)
            .Select(a => a.Name)
            .Where(n => !string.Equals(n, first, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return rest.Count == 0 ? null : string.Join("; ", rest);
    }

    private static string? Number(double? value) => value?.ToString("0.#####", CultureInfo.InvariantCulture);

    /// <summary>ACLED's 1 (the town itself), 2 (near it, or a part of a region), 3 (a larger region).</summary>
    private static string? GeoPrecision(string? precision) => precision switch
    {
        null => null,
        "point" or "locality" or "town" or "city" or "village" => "1",
        "near" or "district" or "admin2" => "2",
        _ => "3",
    };

    private static string Notes(EventRecord record, string? text)
    {
        if (text is not null && !record.Evidence.IsDefaultOrEmpty)
        {
            var notes = new StringBuilder();
            foreach (var span in record.Evidence)
            {
                if (span.Start < 0 || span.End > text.Length || span.End <= span.Start) continue;
                if (notes.Length > 0) notes.Append(" ... ");
                notes.Append(text.AsSpan(span.Start, span.End - span.Start));
            }
            if (notes.Length > 0) return notes.ToString();
        }
        return record.Claims.IsDefaultOrEmpty ? $"{record.SubEventType}." : string.Join(" ", record.Claims.Select(c => c.Text));
    }

    private static string? Claims(EventRecord record)
    {
        if (record.Claims.IsDefaultOrEmpty) return null;
        return string.Join(" | ", record.Claims.Select(c =>
        {
            var via = c.Via.IsDefaultOrEmpty ? "" : $" (via {string.Join(", ", c.Via)})";
            return $"{c.Claimant ?? "unattributed"}{via}: {c.Text}";
        }));
    }
}
