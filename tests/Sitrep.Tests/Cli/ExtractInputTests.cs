using System.Text;
using System.Text.Json;
using Sitrep.Cli;

namespace Sitrep.Tests.Cli;

public sealed class ExtractInputTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sitrep-extract-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("{\"id\": \"in-1\", \"text\": \"Rebels shelled the airport.\", \"published\": \"2020-10-01\"}\n", "in-1", "2020-10-01")] // JSON Lines
    [InlineData("date 2020-10-02 Troops entered the village.", "stdin", "2020-10-02")]                                             // dated text
    [InlineData("<rss><channel><item><guid>g7</guid><description>Ships were seized.</description><pubDate>Sat, 03 Oct 2020 10:00:00 GMT</pubDate></item></channel></rss>", "g7", "2020-10-03")] // a feed
    public void Standard_input_is_read_by_its_content(string input, string id, string published)
    {
        var (code, output, error) = Run(input, "extract", "-", "--format", "jsonl");
        Assert.True(code == 0, error);
        var document = JsonDocument.Parse(output).RootElement.GetProperty("document");
        Assert.Equal(id, document.GetProperty("id").GetString());
        Assert.Equal(published, document.GetProperty("published").GetString());
    }

    [Fact]
    public void Published_applies_only_to_documents_without_a_date()
    {
        var (_, output, _) = Run("{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\", \"text\": \"Two.\", \"published\": \"2019-01-05\"}\n", "extract", "-", "--format", "jsonl", "--published", "2020-06");
        var dates = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("document").GetProperty("published").GetString());
        Assert.Equal(["2020-06", "2019-01-05"], dates);
    }

    [Fact]
    public void The_json_array_stays_valid_when_some_inputs_fail()
    {
        var good = Write("good.txt", "date 2020-01-01 A bomb exploded near the station.");
        var (code, output, error) = Run(string.Empty, "extract", good, Path.Combine(_root, "absent.txt"));
        Assert.Equal(1, code);
        Assert.Contains("absent.txt: no such file or directory", error, StringComparison.Ordinal);
        Assert.Equal(1, JsonDocument.Parse(output).RootElement.GetArrayLength());
    }

    [Fact]
    public void Out_writes_the_file_whole_and_nothing_to_standard_output()
    {
        var input = Write("in.txt", "date 2020-01-01 Police detained the organisers.");
        var target = Path.Combine(_root, "result.json");
        var (code, output, _) = Run(string.Empty, "extract", input, "--out", target);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(1, JsonDocument.Parse(File.ReadAllText(target)).RootElement.GetArrayLength());
        Assert.Empty(Directory.GetFiles(_root, "*.tmp"));
    }

    [Fact]
    public void Out_in_a_missing_folder_is_a_usage_error()
    {
        var input = Write("in.txt", "Text.");
        var (code, _, error) = Run(string.Empty, "extract", input, "--out", Path.Combine(_root, "no", "such", "dir", "x.json"));
        Assert.Equal(2, code);
        Assert.StartsWith("sitrep: --out ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_tells_a_newcomer_the_formats_examples_and_exit_codes()
    {
        var (code, output, _) = Run(string.Empty, "extract", "--help");
        Assert.Equal(0, code);
        foreach (var expected in new[] { "dated text", "JSON Lines", "HTML", "RSS / Atom", "ACLED CSV", "Examples:", "Exit codes:", "--format", "jsonl", "--published", "--out" })
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Output, string Error) Run(string standardInput, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SitrepCommandLine.Run(args, output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(standardInput)));
        return (code, output.ToString(), error.ToString());
    }
}
