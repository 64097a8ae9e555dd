using Sitrep.Documents;

namespace Sitrep.Readers;

/// <summary>
/// Turns command-line inputs (files, directories read recursively, "-" for standard input) into
/// documents, in a stable order, never throwing for bad input: each problem becomes a <see cref="ReadItem"/>.
/// </summary>
public sealed class InputReader
{
    private readonly Func<Stream> _openStandardInput;

    public InputReader(Func<Stream>? openStandardInput = null)
    {
        _openStandardInput = openStandardInput ?? Console.OpenStandardInput;
    }

    public IEnumerable<ReadItem> Read(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                foreach (var item in ReadStream("-", "stdin", _openStandardInput())) yield return item;
            }
            else if (Directory.Exists(input))
            {
                foreach (var file in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    foreach (var item in ReadFile(file)) yield return item;
                }
            }
            else if (File.Exists(input))
            {
                foreach (var item in ReadFile(input)) yield return item;
            }
            else
            {
                yield return ReadItem.Failed(input, null, "no such file or directory");
            }
        }
    }

    private static IEnumerable<ReadItem> ReadFile(string path)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ReadItem.Failed(path, null, $"cannot open: {e.Message}")];
        }
        return ReadStream(path, Path.GetFileName(path), stream);
    }

    private static IEnumerable<ReadItem> ReadStream(string path, string id, Stream stream)
    {
        using (stream)
        {
            string text;
            using (var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true))
            {
                text = reader.ReadToEnd();
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                yield return ReadItem.Failed(path, null, "empty input");
                yield break;
            }
            yield return ReadItem.Of(DatedText.Parse(id, text, path));
        }
    }
}
