using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Sitrep.Output;

/// <summary>
/// Writes events as one GeoJSON FeatureCollection (RFC 7946), streamed feature by feature. An event
/// without coordinates keeps its feature with a null geometry, so nothing is dropped.
/// </summary>
public sealed class GeoJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly TextWriter _writer;
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private bool _started;
    private bool _any;

    public GeoJsonWriter(TextWriter writer)
    {
        _writer = writer;
    }

    public void Write(DocumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Start();
        if (result.Events.IsDefaultOrEmpty) return;
        foreach (var record in result.Events)
        {
            _buffer.Clear();
            using (var json = new Utf8JsonWriter(_buffer, Options))
            {
                WriteFeature(json, result.Document, record);
            }
            _writer.Write(_any ? ",\n" : "\n");
            _writer.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
            _any = true;
        }
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

    private static void WriteFeature(Utf8JsonWriter json, DocumentInfo document, EventRecord record)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteString("id", $"{document.Id}#{record.Id}");
        if (record.Location is { Lat: { } lat, Lon: { } lon })
        {
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            // GeoJSON order is longitude, latitude.
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
        json.WriteString("documentId", document.Id);
        json.WriteString("eventId", record.Id);
        json.WriteString("eventType", record.EventType);
        json.WriteString("subEventType", record.SubEventType);
        json.WriteString("status", record.Status);
        WriteNullable(json, "dateStart", record.Date?.Start);
        WriteNullable(json, "dateEnd", record.Date?.End);
        WriteNullable(json, "datePrecision", record.Date?.Precision);
        WriteNullable(json, "location", record.Location?.Name);
        WriteNullable(json, "country", record.Location?.Country);
        WriteNullable(json, "admin1", record.Location?.Admin1);
        WriteNullable(json, "geoPrecision", record.Location?.Precision);
        WriteNullable(json, "fatalitiesLow", record.Fatalities?.Low);
        WriteNullable(json, "fatalitiesBest", record.Fatalities?.Best);
        WriteNullable(json, "fatalitiesHigh", record.Fatalities?.High);
        json.WriteNumber("claims", record.Claims.IsDefault ? 0 : record.Claims.Length);
        json.WriteNumber("confidence", record.Confidence);
        WriteNullable(json, "title", document.Title);
        WriteNullable(json, "published", document.Published);
        WriteNullable(json, "source", document.Source);
        WriteNullable(json, "url", document.Url);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteNumber(name, value.Value);
    }
}
