using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Sitrep.Output;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Sitrep.Store.Sql;

/// <summary>
/// A stored document's text and its events' full contract records, kept together in one compressed value
/// (<c>documents.body</c>): each fact is stored once, and the records (whose claims quote the text) compress
/// far better beside the text than alone. The <c>events</c> table keeps only the columns that lists,
/// filters and statistics read, as an index of these records.
/// </summary>
/// <remarks>
/// Layout: one format byte, then the UTF-8 JSON <c>{"text":...,"events":[...]}</c> compressed.
/// Format 2 (written): a Zstandard frame made with <see cref="BodyDictionary"/>. A body is a few hundred bytes of
/// text and a few kilobytes of records whose field names and values repeat from one document to the next, which
/// compression of each body alone cannot exploit; the dictionary holds them once for all (docs/STORE.md).
/// Format 1 (read only, written before): raw Deflate, no dictionary.
/// </remarks>
internal static class DocumentBody
{
    private const byte Deflated = 1;
    private const byte WithDictionary = 2;

    // Level 3 with the dictionary: about half the size of Deflate's level 3 on the benchmark corpus, in a sixth of its
    // time; higher levels saved another 10-15 % for five times the CPU (docs/PERFORMANCE.md, session 9).
    private const int Level = 3;

    // Contexts are not thread-safe, and loading the dictionary into one costs more than compressing a body:
    // each thread keeps its own.
    [ThreadStatic] private static Compressor? t_compressor;
    [ThreadStatic] private static Decompressor? t_decompressor;
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_json;

    // A larger JSON buffer than this (a very long document) is not kept for the next body.
    private const int KeptBufferBytes = 1 << 20;

    /// <summary>The text and records of a body, read back exactly as they were written.</summary>
    internal sealed record Contents(string Text, EventRecord[] Events);

    public static byte[] Encode(string text, IReadOnlyList<EventRecord> events) => Write(text, events.Count, Records(events));

    /// <summary>For the migration from separate columns: records already serialised are copied, not re-read.</summary>
    public static byte[] EncodeSerialized(string text, IReadOnlyList<string> eventJson) =>
        Write(text, eventJson.Count, (writer, i) => writer.WriteRawValue(eventJson[i], skipInputValidation: true));

    /// <summary>The uncompressed JSON of a body, as it is compressed (what <see cref="BodyDictionary"/> was trained on).</summary>
    internal static byte[] Json(string text, IReadOnlyList<EventRecord> events)
    {
        var json = new ArrayBufferWriter<byte>();
        WriteJson(json, text, events.Count, Records(events));
        return json.WrittenSpan.ToArray();
    }

    private static Action<Utf8JsonWriter, int> Records(IReadOnlyList<EventRecord> events) =>
        (writer, i) => JsonSerializer.Serialize(writer, events[i], StoreJson.Options);

    private static byte[] Write(string text, int count, Action<Utf8JsonWriter, int> writeEvent)
    {
        var json = t_json ??= new ArrayBufferWriter<byte>(16 * 1024);
        json.ResetWrittenCount();
        try
        {
            WriteJson(json, text, count, writeEvent);
            var compressor = t_compressor ??= NewCompressor();
            var bound = Compressor.GetCompressBound(json.WrittenCount);
            var output = ArrayPool<byte>.Shared.Rent(bound + 1);
            try
            {
                output[0] = WithDictionary;
                var written = compressor.Wrap(json.WrittenSpan, output.AsSpan(1));
                return output.AsSpan(0, written + 1).ToArray();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(output);
            }
        }
        finally
        {
            if (json.Capacity > KeptBufferBytes) t_json = null;
        }
    }

    private static void WriteJson(IBufferWriter<byte> json, string text, int count, Action<Utf8JsonWriter, int> writeEvent)
    {
        using var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = StoreJson.Options.Encoder, SkipValidation = true });
        writer.WriteStartObject();
        writer.WriteString("text", text);
        writer.WriteStartArray("events");
        for (var i = 0; i < count; i++) writeEvent(writer, i);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static Compressor NewCompressor()
    {
        var compressor = new Compressor(Level);
        compressor.LoadDictionary(BodyDictionary.Bytes);
        // The format byte already names the dictionary, and the frame keeps its content size for the decoder.
        compressor.SetParameter(ZSTD_cParameter.ZSTD_c_dictIDFlag, 0);
        return compressor;
    }

    public static Contents Decode(byte[] body)
    {
        var contents = JsonSerializer.Deserialize<Stored>(Decompress(body).Span, StoreJson.Options)
            ?? throw new InvalidDataException("an empty stored document body");
        return new Contents(contents.Text ?? "", contents.Events ?? []);
    }

    /// <summary>The events' records alone: the text is skipped while parsing (the fusion reads records only, and the text is most of a body).</summary>
    public static EventRecord[] DecodeEvents(byte[] body) =>
        JsonSerializer.Deserialize<StoredEvents>(Decompress(body).Span, StoreJson.Options)?.Events
            ?? throw new InvalidDataException("an empty stored document body");

    private static ReadOnlyMemory<byte> Decompress(byte[] body) => body.Length == 0 ? throw UnknownFormat("(empty)") : body[0] switch
    {
        WithDictionary => Unwrap(body),
        Deflated => Inflate(body),
        var other => throw UnknownFormat(other.ToString(CultureInfo.InvariantCulture)),
    };

    private static InvalidDataException UnknownFormat(string format) =>
        new($"a stored document body of format {format}, which this Sitrep does not read");

    private static byte[] Unwrap(byte[] body)
    {
        try
        {
            var frame = body.AsSpan(1);
            var size = Decompressor.GetDecompressedSize(frame);
            if (size > int.MaxValue) throw new InvalidDataException($"a stored document body that claims {size} bytes once decompressed");
            var json = new byte[size];
            var written = (t_decompressor ??= NewDecompressor()).Unwrap(frame, json);
            return written == json.Length ? json : throw new InvalidDataException($"a stored document body of {written} bytes where its frame says {size}");
        }
        catch (ZstdException e)
        {
            throw new InvalidDataException($"a stored document body that does not decompress ({e.Message})", e);
        }
    }

    private static Decompressor NewDecompressor()
    {
        var decompressor = new Decompressor();
        decompressor.LoadDictionary(BodyDictionary.Bytes);
        return decompressor;
    }

    private static ReadOnlyMemory<byte> Inflate(byte[] body)
    {
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
        return json.WrittenMemory;
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
