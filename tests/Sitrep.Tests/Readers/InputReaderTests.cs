using System.Text;
using Sitrep.Readers;

namespace Sitrep.Tests.Readers;

public sealed class InputReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sitrep-inputs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_directory_is_read_recursively_in_ordinal_order_without_hidden_files_and_folders()
    {
        Write("b.txt", "date 2020-01-02 Second.");
        Write("a.txt", "date 2020-01-01 First.");
        Write("sub/c.txt", "Third, in a folder.");
        Write("Z.txt", "Upper case sorts before lower case.");
        Write(".hidden.txt", "Never read.");
        Write(".git/HEAD", "ref: refs/heads/main");
        Write("sub/.cache/x.txt", "Never read either.");

        var documents = new InputReader().Read([_root]).Select(i => i.Document!.Id).ToList();
        Assert.Equal(["Z.txt", "a.txt", "b.txt", "sub/c.txt"], documents);
    }

    [Fact]
    public void Missing_empty_and_binary_files_are_named_with_their_reason()
    {
        Write("empty.txt", string.Empty);
        File.WriteAllBytes(Path.Combine(_root, "photo.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00]);
        var missing = Path.Combine(_root, "nowhere.txt");

        var problems = new InputReader().Read([Path.Combine(_root, "empty.txt"), Path.Combine(_root, "photo.jpg"), missing])
            .Select(i => i.Problem!.ToString()).ToList();
        Assert.Equal(
            [$"{Path.Combine(_root, "empty.txt")}: empty file", $"{Path.Combine(_root, "photo.jpg")}: binary file, not text", $"{missing}: no such file or directory"],
            problems);
    }

    [Fact]
    public void Standard_input_is_read_by_content()
    {
        var jsonLines = "{\"id\": \"s1\", \"text\": \"Soldiers crossed the river.\"}\n{\"id\": \"s2\", \"text\": \"The bridge was destroyed.\"}\n";
        var reader = new InputReader(() => new MemoryStream(Encoding.UTF8.GetBytes(jsonLines)));
        var items = reader.Read(["-"]).ToList();
        Assert.Equal(["s1", "s2"], items.Select(i => i.Document!.Id));
        Assert.Equal("-:1", items[0].Document!.Origin);
    }

    [Fact]
    public void A_file_given_directly_is_named_by_its_file_name()
    {
        Write("deep/er/report.txt", "date 2022-08 Aid convoy reached the town.");
        var document = Assert.Single(new InputReader().Read([Path.Combine(_root, "deep", "er", "report.txt")])).Document!;
        Assert.Equal("report.txt", document.Id);
        Assert.Equal("2022-08", document.Published?.ToString());
    }

    [Fact]
    public void Documents_are_produced_one_input_at_a_time()
    {
        // The second file is written only after the first document was taken: a reader that listed and read
        // everything up front would not see the change; one that streams does.
        Write("1.txt", "First article.");
        Write("2.txt", "Original second article.");
        using var items = new InputReader().Read([_root]).GetEnumerator();
        Assert.True(items.MoveNext());
        Assert.Equal("First article.", items.Current.Document!.Text);
        Write("2.txt", "Second article, rewritten after the first was read.");
        Assert.True(items.MoveNext());
        Assert.Equal("Second article, rewritten after the first was read.", items.Current.Document!.Text);
    }

    [Theory]
    [InlineData("corpus.jsonl.gz", "{\"id\": \"z1\", \"text\": \"Rockets hit the port.\"}\n{\"id\": \"z2\", \"text\": \"Ships left the harbour.\"}\n", "z1,z2")] // compressed JSON Lines
    [InlineData("report.txt.gz", "date 2020-03-03 The checkpoint was attacked.", "report.txt.gz")]                                                        // compressed dated text
    [InlineData("noext.gz", "<rss><channel><item><guid>r1</guid><description>Roads closed.</description></item></channel></rss>", "r1")]                    // recognised by content
    public void Gzip_compressed_inputs_are_read_through(string fileName, string content, string ids)
    {
        var path = Path.Combine(_root, fileName);
        using (var file = File.Create(path))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(content));
        }
        var items = new InputReader().Read([path]).ToList();
        Assert.Equal(ids.Split(','), items.Select(i => i.Document?.Id ?? i.Problem!.ToString()));
    }

    [Fact]
    public void A_corrupt_gzip_file_is_a_problem()
    {
        var path = Path.Combine(_root, "broken.jsonl.gz");
        File.WriteAllBytes(path, [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0x12, 0x34]);
        var problem = Assert.Single(new InputReader().Read([path])).Problem;
        Assert.NotNull(problem);
        Assert.StartsWith("corrupt compressed data", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_pipe_in_a_directory_is_not_waited_on()
    {
        Write("a.txt", "date 2020-01-01 Fighting resumed.");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(_root, "pipe")))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        // The bound only turns a hang into a failure: reading two tiny inputs takes milliseconds.
        var items = await Task.Run(() => new InputReader().Read([_root]).ToList()).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["a.txt", $"{Path.Combine(_root, "pipe")}: empty file"], items.Select(i => i.Document?.Id ?? i.Problem!.ToString()));
    }

    [Fact]
    public void A_folder_link_that_loops_back_is_not_followed()
    {
        Write("sub/a.txt", "date 2020-01-01 Ceasefire talks began.");
        Directory.CreateSymbolicLink(Path.Combine(_root, "sub", "loop"), _root);
        var ids = new InputReader().Read([_root]).Select(i => i.Document!.Id).ToList();
        Assert.Equal(["sub/a.txt"], ids);
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
