using System.IO.Compression;
using System.Text;
using Sitrep.Readers;
using Sitrep.Tests.Readers;

namespace Sitrep.Tests.Hardening;

/// <summary>
/// Issue 11, "no good document lost to a bad neighbour": one bad line, row or compressed tail is named (file,
/// line, reason) and every other document of the input is still read.
/// </summary>
public sealed class BadNeighbourTests
{
    private static string JsonLine(int n) =>
        $"{{\"id\": \"d{n}\", \"text\": \"Report number {n}: the market in the old town reopened.\"}}";

    [Fact]
    public void A_lone_surrogate_escape_costs_only_its_own_line()
    {
        var lines = Enumerable.Range(1, 1000).Select(JsonLine).ToArray();
        lines[2] = "{\"id\": \"d3\", \"text\": \"x \\udc00 y\"}";
        var items = ReaderHarness.Read(string.Join('\n', lines) + "\n", "corpus.jsonl");

        var problem = Assert.Single(ReaderHarness.Problems(items));
        Assert.Equal(3, problem.Line);
        Assert.Contains("lone surrogate", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(999, ReaderHarness.Documents(items).Count);
        Assert.Equal("d1000", ReaderHarness.Documents(items)[^1].Id);
    }

    [Theory]
    [InlineData("\\ud800\\udc00", 1)]   // a proper pair escaped: one character outside the BMP, read
    [InlineData("\\ud800", 0)]          // a high surrogate alone
    [InlineData("\\udc00\\ud800", 0)]   // the halves in the wrong order
    public void Surrogate_escapes_are_read_when_paired_and_named_when_alone(string escape, int documents)
    {
        var items = ReaderHarness.Read($"{{\"text\": \"before {escape} after\"}}\n{JsonLine(2)}\n", "pairs.jsonl");
        Assert.Equal(documents + 1, ReaderHarness.Documents(items).Count);
        Assert.Equal(1 - documents, ReaderHarness.Problems(items).Count);
    }

    [Fact]
    public void Json_nested_a_thousand_deep_is_read()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\": ", 1000)) + "1" + new string('}', 1000);
        var line = $"{{\"id\": \"deep\", \"text\": \"Troops withdrew from the valley.\", \"extra\": {deep}}}";
        var document = ReaderHarness.Single(line + "\n", "deep.jsonl");
        Assert.Equal("deep", document.Id);
    }

    [Fact]
    public void Json_nested_past_the_documented_depth_is_named_as_such()
    {
        var depth = JsonLinesReader.MaxDepth + 10;
        var deep = new string('[', depth) + new string(']', depth);
        var items = ReaderHarness.Read($"{{\"text\": \"Talks resumed.\", \"extra\": {deep}}}\n{JsonLine(2)}\n", "deeper.jsonl");
        var problem = Assert.Single(ReaderHarness.Problems(items));
        Assert.Equal(1, problem.Line);
        Assert.Contains($"nested more than {JsonLinesReader.MaxDepth} levels", problem.Reason, StringComparison.Ordinal);
        Assert.Single(ReaderHarness.Documents(items));
    }

    [Theory]
    // A quote opened and never closed where meant: without the check, rows 3 and 4 became part of row 2.
    [InlineData("event_id_cnty,event_date,notes,source\nA1,2020-01-01,Shelling hit the depot.,Wire\nA2,2020-01-02,\"Protesters gathered, then left.,Wire\nA3,2020-01-03,\"Police, later, fired tear gas.\",Wire\nA4,2020-01-04,Rebels took the bridge.,Wire\n", 3)]
    // Semicolons, as spreadsheets write in some locales; the stray quote is in the last field.
    [InlineData("event_id_cnty;event_date;notes;source\nB1;2020-01-01;Shelling hit the depot.;Wire\nB2;2020-01-02;Protesters gathered.;\"Wire\nB3;2020-01-03;Police fired tear gas.;\"Radio\"\nB4;2020-01-04;Rebels took the bridge.;Wire\n", 3)]
    public void A_stray_quote_in_acled_csv_is_named_and_the_rows_after_it_are_kept(string csv, int badLine)
    {
        var items = ReaderHarness.Read(csv, "acled.csv");
        var problem = Assert.Single(ReaderHarness.Problems(items));
        Assert.Equal(badLine, problem.Line);
        Assert.Contains("quote", problem.Reason, StringComparison.Ordinal);
        var ids = ReaderHarness.Documents(items).Select(d => d.Id).ToList();
        Assert.Equal(3, ids.Count);
        Assert.DoesNotContain(ids, id => id.EndsWith('2'));
    }

    [Fact]
    public void Notes_quoted_over_several_lines_stay_one_row()
    {
        const string csv = "event_id_cnty,event_date,notes\nC1,2020-01-01,\"First line of the notes,\nsecond line, with commas.\"\nC2,2020-01-02,Rebels took the bridge.\n";
        var items = ReaderHarness.Read(csv, "acled.csv");
        Assert.Empty(ReaderHarness.Problems(items));
        Assert.Equal(["C1", "C2"], ReaderHarness.Documents(items).Select(d => d.Id));
    }

    [Theory]
    [InlineData("report.txt.gz")]
    [InlineData("page.html.gz")]
    public void A_truncated_compressed_document_is_named_as_truncated(string fileName)
    {
        var body = fileName.Contains("html", StringComparison.Ordinal)
            ? "<html><body><article><p>" + string.Concat(Enumerable.Range(1, 400).Select(i => $"Paragraph {i} of the report on the fighting near the river. ")) + "</p></article></body></html>"
            : "date 2020-03-03 " + string.Concat(Enumerable.Range(1, 400).Select(i => $"Sentence {i} of the report on the fighting near the river. "));
        var compressed = Gzip(body);
        var items = ReaderHarness.Read(compressed[..(compressed.Length * 2 / 3)], fileName);

        var problem = Assert.Single(ReaderHarness.Problems(items));
        Assert.Contains("truncated", problem.Reason, StringComparison.Ordinal);
        Assert.Empty(ReaderHarness.Documents(items));
        // The whole file still reads.
        Assert.Single(ReaderHarness.Documents(ReaderHarness.Read(compressed, fileName)));
    }

    [Fact]
    public void A_truncated_compressed_json_lines_file_keeps_its_complete_lines_and_names_the_truncation()
    {
        var lines = string.Join('\n', Enumerable.Range(1, 400).Select(JsonLine)) + "\n";
        var compressed = Gzip(lines);
        var items = ReaderHarness.Read(compressed[..(compressed.Length / 2)], "corpus.jsonl.gz");

        var problem = Assert.Single(ReaderHarness.Problems(items));
        Assert.Contains("truncated", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("not valid JSON", problem.Reason, StringComparison.Ordinal);
        var documents = ReaderHarness.Documents(items);
        Assert.InRange(documents.Count, 1, 399);
        // Every document kept is whole: the ids run from d1 without a gap.
        Assert.Equal(Enumerable.Range(1, documents.Count).Select(n => $"d{n}"), documents.Select(d => d.Id));
    }

    [Fact]
    public void A_json_lines_line_over_the_size_limit_is_named_and_skipped_unread()
    {
        var huge = $"{{\"id\": \"huge\", \"text\": \"{string.Concat(Enumerable.Repeat("Shelling continued. ", 5000))}\"}}";
        var content = $"{JsonLine(1)}\n{huge}\n{JsonLine(3)}\n";
        var reader = new InputReader(maxDocumentMegabytes: 0.05);
        var items = reader.ReadStream(new MemoryStream(Encoding.UTF8.GetBytes(content)), new InputName("big.jsonl", "big.jsonl"), ".jsonl").ToList();

        var problem = Assert.Single(ReaderHarness.Problems(items));
        Assert.Equal(2, problem.Line);
        Assert.Contains("larger than the maximum document size (0.05 MB, --max-document-mb)", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(["d1", "d3"], ReaderHarness.Documents(items).Select(d => d.Id));
    }

    [Theory]
    [InlineData("long.txt")]       // one document a file: skipped unread
    [InlineData("feed.csv")]       // one document a row: measured once read
    public void A_document_over_the_size_limit_is_named_in_any_format(string fileName)
    {
        var text = string.Concat(Enumerable.Repeat("Shelling continued overnight. ", 4000));
        var content = fileName.EndsWith(".csv", StringComparison.Ordinal)
            ? $"event_id_cnty,event_date,notes\nS1,2020-01-01,Short note.\nS2,2020-01-02,{text}\n"
            : text;
        var reader = new InputReader(maxDocumentMegabytes: 0.05);
        var items = reader.ReadStream(new MemoryStream(Encoding.UTF8.GetBytes(content)), new InputName(fileName, fileName), Path.GetExtension(fileName)).ToList();

        var problem = Assert.Single(ReaderHarness.Problems(items));
        Assert.Contains("maximum document size", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(fileName.EndsWith(".csv", StringComparison.Ordinal) ? 1 : 0, ReaderHarness.Documents(items).Count);
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }
        return buffer.ToArray();
    }
}
