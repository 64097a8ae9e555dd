using System.IO.Compression;
using System.Text.Json;
using Sitrep.Store.Sql;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Store.Tests.Store;

/// <summary>
/// The stored body of a document (its text and full records in one compressed value): what is written reads back
/// exactly, bodies written by earlier versions (format 1) still read, and a damaged body is named as such.
/// </summary>
public sealed class DocumentBodyTests
{
    public static TheoryData<string> Samples() => ["first", "second", "hostile"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_body_reads_back_as_its_text_and_records(string sample)
    {
        var document = Sample(sample);
        var body = DocumentBody.Encode(document.Source.Text, document.Result.Events);

        var contents = DocumentBody.Decode(body);

        Assert.Equal(document.Source.Text, contents.Text);
        Assert.Equal(Json(document.Result.Events), Json(contents.Events));
        Assert.Equal(Json(document.Result.Events), Json(DocumentBody.DecodeEvents(body)));
    }

    [Fact]
    public void Bodies_are_written_in_format_2_and_the_dictionary_makes_them_smaller_than_deflate_alone()
    {
        var document = SampleResults.First();
        var body = DocumentBody.Encode(document.Source.Text, document.Result.Events);
        var deflated = FormatOne(DocumentBody.Json(document.Source.Text, document.Result.Events));

        Assert.Equal(2, body[0]);
        // The records' field names and values are in the dictionary, so they cost next to nothing.
        Assert.True(body.Length < deflated.Length * 3 / 4, $"format 2 took {body.Length} bytes, Deflate {deflated.Length}");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_body_of_format_1_written_before_still_reads(string sample)
    {
        var document = Sample(sample);
        var old = FormatOne(DocumentBody.Json(document.Source.Text, document.Result.Events));

        var contents = DocumentBody.Decode(old);

        Assert.Equal(document.Source.Text, contents.Text);
        Assert.Equal(Json(document.Result.Events), Json(contents.Events));
    }

    [Fact]
    public void A_long_text_outside_anything_the_dictionary_knows_reads_back()
    {
        var text = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"Paragraful {i}: oraș, țară, «citat» — ☂. "));

        var contents = DocumentBody.Decode(DocumentBody.Encode(text, []));

        Assert.Equal(text, contents.Text);
        Assert.Empty(contents.Events);
    }

    [Theory]
    [InlineData(new byte[0], "format (empty)")]
    [InlineData(new byte[] { 9, 1, 2, 3 }, "format 9")]
    public void A_body_of_an_unknown_format_is_named(byte[] body, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => DocumentBody.Decode(body));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_body_is_an_invalid_data_error_not_a_crash()
    {
        var document = SampleResults.First();
        var body = DocumentBody.Encode(document.Source.Text, document.Result.Events);
        var damaged = body[..(body.Length / 2)];

        Assert.Throws<InvalidDataException>(() => DocumentBody.Decode(damaged));
    }

    private static Sitrep.Store.Model.ExtractedDocument Sample(string name) => name switch
    {
        "first" => SampleResults.First(),
        "second" => SampleResults.Second(),
        _ => SampleResults.Hostile(),
    };

    private static string Json(IEnumerable<Sitrep.Output.EventRecord> events) => JsonSerializer.Serialize(events.ToArray(), StoreJson.Options);

    /// <summary>A body as versions before format 2 wrote it: the format byte 1, then raw Deflate of the JSON.</summary>
    private static byte[] FormatOne(byte[] json)
    {
        var output = new MemoryStream();
        output.WriteByte(1);
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(json);
        return output.ToArray();
    }
}
