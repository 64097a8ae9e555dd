namespace Sitrep.Readers;

/// <summary>
/// One line of a line-based input, without its line break: either its valid UTF-8 bytes (so that a JSON
/// parser can read them without a round trip through UTF-16) or its decoded text. The bytes are only
/// valid until the next line is read.
/// </summary>
/// <param name="Number">1-based line number.</param>
/// <param name="Utf8">The line's bytes when <paramref name="Text"/> is null; they are valid UTF-8.</param>
/// <param name="Text">The decoded line, when it was not read as valid UTF-8 bytes.</param>
/// <param name="Warning">The invalid-bytes warning for this line, or null.</param>
internal readonly record struct TextLine(int Number, ReadOnlyMemory<byte> Utf8, string? Text, string? Warning)
{
    public TextLine(int number, string text, string? warning)
        : this(number, ReadOnlyMemory<byte>.Empty, text, warning)
    {
    }

    /// <summary>The length of a line too long to be read (its content was dropped unread); 0 for a line that was read.</summary>
    public long SkippedBytes { get; init; }

    public bool IsBlank => Text is null ? Utf8.Span.Trim(" \t\r\n"u8).IsEmpty : string.IsNullOrWhiteSpace(Text);

    /// <summary>The first character after leading blanks, or '\0' for a blank line.</summary>
    public char FirstCharacter
    {
        get
        {
            if (Text is not null) return Text.AsSpan().TrimStart() is { IsEmpty: false } text ? text[0] : '\0';
            var bytes = Utf8.Span.TrimStart(" \t\r\n"u8);
            return bytes.IsEmpty ? '\0' : (char)bytes[0];
        }
    }

    /// <summary>True when the line, blanks aside, is exactly <paramref name="c"/>.</summary>
    public bool IsOnly(char c) =>
        Text is not null ? Text.AsSpan().Trim() is [var only] && only == c : Utf8.Span.Trim(" \t\r\n"u8) is [var b] && b == c;
}

/// <summary>Splits inputs into <see cref="TextLine"/>s: decoded text, or a UTF-8 stream read a line at a time.</summary>
internal static class TextLines
{
    public static IEnumerable<TextLine> Of(DecodedText decoded)
    {
        var text = decoded.Text;
        var start = 0;
        var number = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            number++;
            yield return new TextLine(number, text[start..contentEnd], decoded.WarningWithin(start, contentEnd));
            start = end + 1;
        }
    }

    /// <summary>
    /// Reads UTF-8 lines from <paramref name="head"/> (bytes already read, after any BOM) and then the rest of
    /// <paramref name="stream"/>, holding one line at a time, so a large JSON Lines input streams.
    /// </summary>
    /// <param name="maxLineBytes">A longer line is not held: it is read past and given with <see cref="TextLine.SkippedBytes"/> only.</param>
    /// <param name="cutShort">Asked at the end of the input: when true, a last line without a line break is a fragment and is not given.</param>
    public static IEnumerable<TextLine> OfUtf8(byte[] head, int headLength, int headStart, Stream stream, long maxLineBytes = long.MaxValue, Func<bool>? cutShort = null)
    {
        var buffer = head;
        var start = headStart;
        var filled = headLength;
        var ended = false;
        var number = 0;
        long skipped = 0;
        while (true)
        {
            var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
            if (skipped > 0 || (newline < 0 && !ended && filled - start > maxLineBytes))
            {
                // Too long: drop what is buffered and read on to the line's end, counting.
                if (newline < 0)
                {
                    skipped += filled - start;
                    start = 0;
                    filled = ended ? 0 : stream.Read(buffer, 0, buffer.Length);
                    if (filled == 0) ended = true;
                    if (!ended) continue;
                }
                else
                {
                    skipped += newline;
                    start += newline + 1;
                }
                number++;
                yield return new TextLine(number, ReadOnlyMemory<byte>.Empty, null, null) { SkippedBytes = skipped };
                skipped = 0;
                if (ended && start >= filled) yield break;
                continue;
            }
            if (newline < 0 && !ended)
            {
                // Keep the partial line, make room, read more.
                var partial = filled - start;
                if (partial * 2 > buffer.Length)
                {
                    var larger = new byte[Math.Max(buffer.Length * 2, 65536)];
                    Buffer.BlockCopy(buffer, start, larger, 0, partial);
                    buffer = larger;
                }
                else
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, partial);
                }
                start = 0;
                filled = partial;
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                if (read == 0) ended = true;
                filled += read;
                continue;
            }
            var end = newline < 0 ? filled : start + newline;
            if (newline < 0 && end == start) yield break;
            if (newline < 0 && cutShort?.Invoke() == true) yield break;
            var contentEnd = end > start && buffer[end - 1] == (byte)'\r' ? end - 1 : end;
            number++;
            var line = buffer.AsMemory(start, contentEnd - start);
            if (System.Text.Unicode.Utf8.IsValid(line.Span))
            {
                yield return new TextLine(number, line, null, null);
            }
            else
            {
                var decoded = TextDecoder.DecodeUtf8(line.Span);
                yield return new TextLine(number, decoded.Text, DecodedText.Warning(decoded.InvalidSequences, decoded.EncodingName));
            }
            start = newline < 0 ? filled : end + 1;
        }
    }
}
