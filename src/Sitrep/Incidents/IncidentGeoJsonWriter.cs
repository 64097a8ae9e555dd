using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Sitrep.Incidents;

/// <summary>
/// Writes incidents as one GeoJSON FeatureCollection (RFC 7946), one feature an incident; an incident without
/// coordinates keeps its feature with a null geometry, so nothing is dropped.
/// </summary>
public sealed class IncidentGeoJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly TextWriter _writer;
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private bool _started;
    private bool _any;

    public IncidentGeoJsonWriter(TextWriter writer)
    {
        _writer = writer;
    }

    public void Write(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        Start();
        _buffer.Clear();
        using (var json = new Utf8JsonWriter(_buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", incident.Id);
            if (incident.Location is { Lat: { } lat, Lon: { } lon })
            {
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(lon);
                json.WriteNumberValue(lat);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("geometry");
            }
            json.WriteStartObject("properties");
            json.WriteString("incidentId", incident.Id);
            json.WriteString("eventType", incident.EventType);
            json.WriteString("subEventType", incident.SubEventType);
            json.WriteString("status", incident.Status);
            Nullable(json, "dateStart", incident.Date?.Start);
            Nullable(json, "dateEnd", incident.Date?.End);
            Nullable(json, "datePrecision", incident.Date?.Precision);
            Nullable(json, "location", incident.Location?.Name);
            Nullable(json, "country", incident.Location?.Country);
            Nullable(json, "admin1", incident.Location?.Admin1);
            Nullable(json, "geoPrecision", incident.Location?.Precision);
            Nullable(json, "fatalitiesLow", incident.Fatalities?.Low);
            Nullable(json, "fatalitiesBest", incident.Fatalities?.Best);
            Nullable(json, "fatalitiesHigh", incident.Fatalities?.High);
            json.WriteNumber("reports", incident.Reports.Length);
            json.WriteNumber("claims", incident.Claims.Length);
            json.WriteNumber("revisions", incident.Revisions.Length);
            Nullable(json, "firstReport", incident.FirstReport);
            Nullable(json, "lastReport", incident.LastReport);
            Nullable(json, "about", incident.About);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        _writer.Write(_any ? ",\n" : "\n");
        _writer.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _any = true;
    }

    public void Complete()
    {
        Start();
        _writer.Write("\n]}\n");
        _writer.Flush();
    }

    private void Start()
    {
        if (_started) return;
        _started = true;
        _writer.Write("{\"type\":\"FeatureCollection\",\"features\":[");
    }

    private static void Nullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

    private static void Nullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteNumber(name, value.Value);
    }
}
