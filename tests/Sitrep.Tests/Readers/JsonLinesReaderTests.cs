using System.Text;

namespace Sitrep.Tests.Readers;

public sealed class JsonLinesReaderTests
{
    private const string Corpus = """
        {"id": "wire-001", "text": "Gunmen attacked a police post overnight, killing two officers, the interior ministry said.", "published": "2022-02-11", "title": "Police post attacked", "url": "https://wire.example/001", "source": "Wire", "language": "en"}
        {"id": 1002, "text": "Cel puțin trei persoane au fost rănite în urma exploziei.", "published": "2022-02", "language": "ro-RO"}

        {"text": "Talks between the two delegations resumed in Geneva.", "published": "Fri, 11 Feb 2022 09:00:00 GMT"}
        """;

    [Fact]
    public void Every_line_is_one_document_with_its_fields()
    {
        var documents = ReaderHarness.Documents(ReaderHarness.Read(Corpus, "corpus.jsonl"));
        Assert.Equal(3, documents.Count);

        var first = documents[0];
        Assert.Equal("wire-001", first.Id);
        Assert.Equal("2022-02-11", first.Published?.ToString());
        Assert.Equal("Police post attacked", first.Title);
        Assert.Equal("https://wire.example/001", first.Url);
        Assert.Equal("Wire", first.Source);
        Assert.Equal("en", first.Language);
        Assert.Equal("corpus.jsonl:1", first.Origin);

        Assert.Equal("1002", documents[1].Id);                 // numeric ids kept as written
        Assert.Equal("2022-02", documents[1].Published?.ToString());
        Assert.Equal("ro", documents[1].Language);               // region subtag dropped

        Assert.Equal("corpus.jsonl:4", documents[2].Id);         // no id: file and line (the blank line counts)
        Assert.Equal("2022-02-11", documents[2].Published?.ToString());
    }

    [Theory]
    [InlineData("{\"id\": \"a\", \"text\": \"unclosed", "not valid JSON")]              // cut off mid-string
    [InlineData("{\"id\": \"a\", \"title\": \"No body\"}", "no \"text\" field")]        // the required field is missing
    [InlineData("{\"id\": \"a\", \"text\": null}", "no \"text\" field")]                // present but null
    [InlineData("{\"id\": \"a\", \"text\": 42}", "\"text\" is a number, not a string")] // wrong type
    [InlineData("{\"id\": \"a\", \"text\": \"   \"}", "\"text\" is empty")]            // only blanks
    [InlineData("[\"text\", \"in an array\"]", "expected a JSON object, found an array")] // not an object
    [InlineData("{\"text\": \"x\"} trailing", "not valid JSON")]                      // junk after the object
    public void A_bad_line_is_a_problem_with_its_line_and_the_lines_around_it_still_read(string badLine, string reason)
    {
        var content = string.Join('\n',
            "{\"id\": \"before\", \"text\": \"Troops withdrew from the hills.\"}",
            badLine,
            "{\"id\": \"after\", \"text\": \"Protesters marched to the parliament.\"}");
        var items = ReaderHarness.Read(content, "feed.jsonl");
        var problem = Assert.Single(ReaderHarness.Problems(items));
        Assert.Equal(2, problem.Line);
        Assert.StartsWith(reason, problem.Reason, StringComparison.Ordinal);
        Assert.Equal(["before", "after"], ReaderHarness.Documents(items).Select(d => d.Id));
    }

    [Theory]
    [InlineData("{\n  \"id\": \"p\",\n  \"text\": \"Pretty printed.\"\n}\n")]                     // one object spread over lines
    [InlineData("[{\"id\": \"a\", \"text\": \"One.\"}, {\"id\": \"b\", \"text\": \"Two.\"}]")] // an array of objects
    public void Json_that_is_not_one_object_a_line_is_one_problem_not_one_per_line(string content)
    {
        var problem = Assert.Single(ReaderHarness.Read(content, "export.json")).Problem;
        Assert.NotNull(problem);
        Assert.Equal(1, problem.Line);
        Assert.StartsWith("JSON spread over lines or in an array", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_that_is_not_a_date_is_a_warning_not_a_problem()
    {
        var document = ReaderHarness.Single("{\"id\": \"x\", \"text\": \"A car bomb exploded.\", \"published\": \"last week\"}", "a.jsonl");
        Assert.Null(document.Published);
        Assert.Contains("last week", Assert.Single(document.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_bytes_warn_only_the_line_that_has_them()
    {
        byte[] bytes = [
            .. Encoding.UTF8.GetBytes("{\"id\": \"clean\", \"text\": \"Clean line.\"}\r\n"),
            .. Encoding.UTF8.GetBytes("{\"id\": \"dirty\", \"text\": \"Bad "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" byte.\"}\r\n"),
        ];
        var documents = ReaderHarness.Documents(ReaderHarness.Read(bytes, "mixed.jsonl"));
        Assert.Empty(documents[0].Warnings);
        Assert.Equal("1 invalid UTF-8 byte sequence replaced with U+FFFD", Assert.Single(documents[1].Warnings));
        Assert.Equal("Bad \uFFFD( byte.", documents[1].Text);
    }

    [Fact]
    public void Utf16_json_lines_read_too()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("{\"id\": \"u\", \"text\": \"Armata a respins atacul.\"}\n{\"id\": \"v\", \"text\": \"Negocierile continuă.\"}\n")];
        var documents = ReaderHarness.Documents(ReaderHarness.Read(bytes, "utf16.jsonl"));
        Assert.Equal(["u", "v"], documents.Select(d => d.Id));
    }

    [Fact]
    public void Many_lines_beyond_the_first_read_buffer_stream_in_order()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            builder.Append("{\"id\": \"n").Append(i).Append("\", \"text\": \"Report number ").Append(i).Append(" about a clash near the river crossing.\"}\n");
        }
        var documents = ReaderHarness.Documents(ReaderHarness.Read(builder.ToString(), "big.jsonl"));
        Assert.Equal(5000, documents.Count);
        Assert.Equal("n4999", documents[^1].Id);
        Assert.Equal("big.jsonl:4321", documents[4320].Origin);
    }
}
