using System.Globalization;
using System.IO.Compression;

namespace Sitrep.Readers;

/// <summary>
/// Turns command-line inputs (files, directories read recursively, "-" for standard input) into documents,
/// one input at a time and in a stable order, so a directory streams instead of being loaded whole. Each
/// input's format is recognised by extension and content. Never throws for bad input: every problem
/// becomes a <see cref="ReadItem"/> naming the input (and line) and the reason.
/// </summary>
public sealed class InputReader
{
    /// <summary>Inputs read whole (every format but UTF-8 JSON Lines) must fit in a string with room to spare.</summary>
    public const long MaximumWholeInputBytes = 512L * 1024 * 1024;

    /// <summary>
    /// The largest document read by default, in MB: far above any article (a long one is 100 KB) and above the
    /// 12.5 MB one-line text that issue 2's mixed directory requires to be read; low enough that one document's
    /// extraction stays within a minute and about 1.5 GB of memory however its text is made.
    /// </summary>
    public const double DefaultMaxDocumentMegabytes = 16;

    private const int HeadBytes = 65536;

    private readonly Func<Stream> _openStandardInput;
    private readonly TextDocumentReader _text = new();
    private readonly JsonLinesReader _jsonLines;
    private readonly HtmlArticleReader _html = new();
    private readonly FeedDocumentReader _feed = new();
    private readonly AcledCsvReader _csv = new();
    private readonly long _maxDocumentBytes;

    /// <param name="openStandardInput">Opens standard input ("-"); the console's by default.</param>
    /// <param name="maxDocumentMegabytes">
    /// The largest document: a larger one (a JSON Lines line, a text file, a document's text in any format) is
    /// a problem naming it, and is skipped without being held in memory where the format allows.
    /// </param>
    public InputReader(Func<Stream>? openStandardInput = null, double maxDocumentMegabytes = DefaultMaxDocumentMegabytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDocumentMegabytes);
        _openStandardInput = openStandardInput ?? Console.OpenStandardInput;
        _maxDocumentBytes = (long)Math.Min(maxDocumentMegabytes * 1024 * 1024, MaximumWholeInputBytes);
        _jsonLines = new JsonLinesReader(_maxDocumentBytes);
    }

    public IEnumerable<ReadItem> Read(IEnumerable<string> inputs) => WithinSize(ReadAll(inputs));

    // Every format's documents pass here: a document whose text is over the limit is named and dropped.
    private IEnumerable<ReadItem> WithinSize(IEnumerable<ReadItem> items)
    {
        foreach (var item in items)
        {
            if (item.Document is { } document && document.Text.Length > _maxDocumentBytes)
            {
                var origin = document.Origin ?? document.Id;
                yield return ReadItem.Failed(origin, null, TooLarge(document.Text.Length));
                continue;
            }
            yield return item;
        }
    }

    internal string TooLarge(long size) => TooLarge(size, _maxDocumentBytes);

    internal static string TooLarge(long size, long limit) => string.Create(CultureInfo.InvariantCulture,
        $"document of {size / 1048576.0:F1} MB is larger than the maximum document size ({limit / 1048576.0:0.##} MB, --max-document-mb); skipped");

    private IEnumerable<ReadItem> ReadAll(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                foreach (var item in Guarded(new InputName("-", "stdin"), () => ReadStream(new InputName("-", "stdin"), null, _openStandardInput(), "empty input")))
                    yield return item;
            }
            else if (Directory.Exists(input))
            {
                foreach (var (path, relative, length) in DirectoryWalker.Files(input))
                {
                    // Named pipes and sockets also list with length 0, and opening one would wait forever for
                    // a writer; an empty file needs no opening either. (A pipe named on the command line, as
                    // with "sitrep extract <(zcat corpus.gz)", is still read.)
                    if (length == 0)
                    {
                        yield return ReadItem.Failed(path, null, "empty file");
                        continue;
                    }
                    foreach (var item in ReadFile(new InputName(path, relative))) yield return item;
                }
            }
            else if (File.Exists(input))
            {
                foreach (var item in ReadFile(new InputName(input, Path.GetFileName(input)))) yield return item;
            }
            else
            {
                yield return ReadItem.Failed(input, null, "no such file or directory");
            }
        }
    }

    /// <summary>
    /// Reads one stream, recognising its format from <paramref name="extension"/> and content; for hosts and
    /// tests that have a stream rather than a path. The stream is closed when the items have been read.
    /// </summary>
    public IEnumerable<ReadItem> ReadStream(Stream stream, InputName name, string? extension = null) =>
        WithinSize(Guarded(name, () => ReadStream(name, extension, stream, "empty input")));

    private IEnumerable<ReadItem> ReadFile(InputName name) =>
        Guarded(name, () =>
        {
            var stream = new FileStream(name.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            return ReadStream(name, Path.GetExtension(name.Path), stream, "empty file");
        });

    private IEnumerable<ReadItem> ReadStream(InputName name, string? extension, Stream stream, string emptyReason, GzipCompleteness? gzip = null)
    {
        var decompressed = gzip is not null;
        using (stream)
        {
            var head = new byte[HeadBytes];
            var headLength = ReadAtMost(stream, head);
            if (!decompressed && IsGzip(head.AsSpan(0, headLength)))
            {
                // Corpora travel compressed: read what is inside, named by the extension under ".gz".
                var inner = new GzipCompleteness(new PrefixedStream(head, headLength, stream));
                var innerExtension = extension is not null && extension.Equals(".gz", StringComparison.OrdinalIgnoreCase)
                    ? Path.GetExtension(Path.GetFileNameWithoutExtension(name.Path))
                    : null;
                foreach (var item in ReadStream(name, innerExtension, inner, emptyReason, inner)) yield return item;
                yield break;
            }
            var encoding = TextDecoder.DetectEncoding(head.AsSpan(0, headLength), out var bom);
            if (bom == 0 && TextDecoder.GuessUtf16WithoutBom(head.AsSpan(0, headLength)) is { } utf16) encoding = utf16;
            var content = head.AsSpan(bom, headLength - bom);
            if (content.IsEmpty || IsBlank(content, encoding))
            {
                yield return ReadItem.Failed(name.Path, null, emptyReason);
                yield break;
            }
            if (TextDecoder.LooksBinary(content[..Math.Min(content.Length, TextDecoder.SampleLength)], encoding))
            {
                yield return ReadItem.Failed(name.Path, null, "binary file, not text");
                yield break;
            }

            var headText = TextDecoder.Decode(content[..Math.Min(content.Length, FormatDetector.HeadLength * (encoding == ByteEncoding.Utf8 ? 1 : 2))], encoding).Text;
            var format = FormatDetector.Detect(extension, headText);

            // JSON Lines can be far larger than memory allows as one string: UTF-8 ones are read a line at a time.
            if (format == DocumentFormat.JsonLines && encoding == ByteEncoding.Utf8)
            {
                var lines = TextLines.OfUtf8(head, headLength, bom, stream, _maxDocumentBytes, cutShort: gzip is null ? null : () => gzip.Truncated);
                foreach (var item in _jsonLines.Read(lines, name)) yield return item;
                if (gzip?.Truncated == true) yield return ReadItem.Failed(name.Path, null, Truncated("the lines before the cut were read; the rest is lost"));
                yield break;
            }

            // A text file is one document: one over the limit is skipped unread. (Other formats hold many
            // documents, or markup around one; their documents are measured once read.)
            var limit = format == DocumentFormat.Text ? _maxDocumentBytes : MaximumWholeInputBytes;
            if (ReadRest(stream, head, headLength, bom, limit) is not { } bytes)
            {
                yield return ReadItem.Failed(name.Path, null, format == DocumentFormat.Text
                    ? string.Create(CultureInfo.InvariantCulture, $"text larger than the maximum document size ({_maxDocumentBytes / 1048576.0:0.##} MB, --max-document-mb); skipped")
                    : string.Create(CultureInfo.InvariantCulture, $"too large to read whole (over {MaximumWholeInputBytes / (1024 * 1024)} MB)"));
                yield break;
            }
            if (gzip?.Truncated == true)
            {
                yield return ReadItem.Failed(name.Path, null, Truncated("not read"));
                yield break;
            }
            var decoded = Decode(bytes.Span, encoding, format, headText);
            var items = format switch
            {
                DocumentFormat.JsonLines => _jsonLines.Read(TextLines.Of(decoded), name),
                DocumentFormat.Html => _html.Read(decoded, name),
                DocumentFormat.Feed => _feed.Read(decoded, name),
                DocumentFormat.AcledCsv => _csv.Read(decoded, name),
                _ => _text.Read(decoded, name),
            };
            foreach (var item in items) yield return item;
        }
    }

    private static string Truncated(string consequence) =>
        $"compressed data is truncated (the file ends before the gzip trailer, or its size does not match); {consequence}";

    // Pages and feeds may declare a legacy character set; it is used only when the bytes are not UTF-8,
    // since pages converted to UTF-8 often keep their old declaration.
    private static DecodedText Decode(ReadOnlySpan<byte> bytes, ByteEncoding encoding, DocumentFormat format, string headText)
    {
        if (encoding == ByteEncoding.Utf8
            && format is DocumentFormat.Html or DocumentFormat.Feed
            && !System.Text.Unicode.Utf8.IsValid(bytes)
            && DeclaredCharset.Find(headText) is { } declared)
        {
            return new DecodedText(declared.GetString(bytes), declared.WebName);
        }
        return TextDecoder.Decode(bytes, encoding);
    }

    // The bytes after the BOM, whole; null when the input is too large for one string.
    private static ReadOnlyMemory<byte>? ReadRest(Stream stream, byte[] head, int headLength, int bom, long limit)
    {
        if (headLength < head.Length) return headLength > limit ? null : head.AsMemory(bom, headLength - bom);
        var expected = stream.CanSeek ? stream.Length : headLength * 2L;
        if (expected > limit) return null;
        using var all = new MemoryStream((int)Math.Max(expected, headLength));
        all.Write(head, 0, headLength);
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (all.Length + read > limit) return null;
            all.Write(buffer, 0, read);
        }
        return all.GetBuffer().AsMemory(bom, (int)all.Length - bom);
    }

    private static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 3 && head[0] == 0x1F && head[1] == 0x8B && head[2] == 0x08;

    private static int ReadAtMost(Stream stream, byte[] buffer)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
        return total;
    }

    // True when the whole input (it fits in the head) is blanks; a longer input is left to its reader.
    private static bool IsBlank(ReadOnlySpan<byte> content, ByteEncoding encoding)
    {
        foreach (var b in content)
        {
            // In UTF-16 the zero half of each blank is not content either.
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') && !(b == 0 && encoding != ByteEncoding.Utf8)) return false;
        }
        return content.Length < HeadBytes;
    }

    /// <summary>
    /// Runs a reader so that nothing it throws can end the run: I/O errors, and any reader bug, become one
    /// problem naming the input, and the documents already read from it stay read.
    /// </summary>
    private static IEnumerable<ReadItem> Guarded(InputName name, Func<IEnumerable<ReadItem>> read)
    {
        IEnumerator<ReadItem>? items = null;
        try
        {
            while (true)
            {
                ReadItem item;
                try
                {
                    items ??= read().GetEnumerator();
                    if (!items.MoveNext()) yield break;
                    item = items.Current;
                }
                catch (InvalidDataException e)
                {
                    item = ReadItem.Failed(name.Path, null, $"corrupt compressed data: {e.Message}");
                    items = Abandon(items);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    item = ReadItem.Failed(name.Path, null, $"cannot read: {e.Message}");
                    items = Abandon(items);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    item = ReadItem.Failed(name.Path, null, $"could not be read ({e.GetType().Name}: {e.Message})");
                    items = Abandon(items);
                }
                yield return item;
                if (items is null) yield break;
            }
        }
        finally
        {
            items?.Dispose();
        }
    }

    // Closes a reader that failed; a second failure while closing adds nothing the user can act on.
    private static IEnumerator<ReadItem>? Abandon(IEnumerator<ReadItem>? items)
    {
        try
        {
            items?.Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Already reported as the input's problem.
        }
        return null;
    }
}
