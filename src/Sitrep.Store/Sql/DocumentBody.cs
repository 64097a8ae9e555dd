using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using Sitrep.Output;

namespace Sitrep.Store.Sql;

/// <summary>
/// A stored document's text and its events' full contract records, kept together in one compressed value
/// (<c>documents.body</c>): each fact is stored once, and the records (whose claims quote the text) compress
/// far better beside the text than alone. The <c>events</c> table keeps only the columns that lists,
/// filters and statistics read, as an index of these records.
/// </summary>
/// <remarks>Layout: one format byte (1), then raw Deflate of the UTF-8 JSON <c>{"text":...,"events":[...]}</c>.</remarks>
internal static class DocumentBody
{
    private const byte Format = 1;

    private static readonly ZLibCompressionOptions Compression = new() { CompressionLevel = 3 };

    /// <summary>The text and records of a body, read back exactly as they were written.</summary>
    internal sealed record Contents(string Text, EventRecord[] Events);

    public static byte[] Encode(string text, IReadOnlyList<EventRecord> events) =>
        Write(text, events.Count, (writer, i) => JsonSerializer.Serialize(writer, events[i], StoreJson.Options));

    /// <summary>For the migration from separate columns: records already serialised are copied, not re-read.</summary>
    public static byte[] EncodeSerialized(string text, IReadOnlyList<string> eventJson) =>
        Write(text, eventJson.Count, (writer, i) => writer.WriteRawValue(eventJson[i], skipInputValidation: true));

    private static byte[] Write(string text, int count, Action<Utf8JsonWriter, int> writeEvent)
    {
        var output = new MemoryStream(text.Length / 2 + 256);
        output.WriteByte(Format);
        // Level 3: on the benchmark corpus (docs/PERFORMANCE.md) level 1 made bodies a third larger (1,238 bytes
        // a document against 931), level 6 saved 1.4 % more for a quarter more CPU.
        using (var deflate = new DeflateStream(output, Compression, leaveOpen: true))
        using (var writer = new Utf8JsonWriter(deflate, new JsonWriterOptions { Encoder = StoreJson.Options.Encoder, SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("text", text);
            writer.WriteStartArray("events");
            for (var i = 0; i < count; i++) writeEvent(writer, i);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return output.ToArray();
    }

    public static Contents Decode(byte[] body)
    {
        var contents = JsonSerializer.Deserialize<Stored>(Inflate(body).WrittenSpan, StoreJson.Options)
            ?? throw new InvalidDataException("an empty stored document body");
        return new Contents(contents.Text ?? "", contents.Events ?? []);
    }

    /// <summary>The events' records alone: the text is skipped while parsing (the fusion reads records only, and the text is most of a body).</summary>
    public static EventRecord[] DecodeEvents(byte[] body) =>
        JsonSerializer.Deserialize<StoredEvents>(Inflate(body).WrittenSpan, StoreJson.Options)?.Events
            ?? throw new InvalidDataException("an empty stored document body");

    private static ArrayBufferWriter<byte> Inflate(byte[] body)
    {
        if (body.Length == 0 || body[0] != Format)
        {
            throw new InvalidDataException($"a stored document body of format {(body.Length == 0 ? "(empty)" : body[0].ToString(System.Globalization.CultureInfo.InvariantCulture))}, which this Sitrep does not read");
        }
        using var input = new MemoryStream(body, 1, body.Length - 1, writable: false);
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        var json = new ArrayBufferWriter<byte>(body.Length * 4);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = deflate.Read(buffer, 0, buffer.Length)) > 0) json.Write(buffer.AsSpan(0, read));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return json;
    }

    private sealed class StoredEvents
    {
        public EventRecord[] Events { get; set; } = [];
    }

    private sealed class Stored
    {
        public string? Text { get; set; }
        public EventRecord[]? Events { get; set; }
    }
}
