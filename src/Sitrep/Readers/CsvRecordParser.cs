using System.Text;

namespace Sitrep.Readers;

/// <summary>One CSV record: its fields, the line it starts on, and the character range it covers.</summary>
internal sealed record CsvRecord(IReadOnlyList<string> Fields, int Line, int Start, int End, bool UnterminatedQuote)
{
    /// <summary>
    /// A quoted field ran over lines and the record came out wrong (fields unlike the header's, text glued after
    /// the closing quote, or no closing quote): a stray quote most likely merged the following rows into it.
    /// The record is the line it starts on, and reading went on at the next line.
    /// </summary>
    public bool Misquoted { get; init; }

    /// <summary>How many lines the misquoted field would have swallowed.</summary>
    public int SpannedLines { get; init; }
}

/// <summary>
/// Splits RFC 4180 CSV (comma-separated, or semicolon or tab as spreadsheets in some locales write it, double-quoted fields that may hold commas, quotes as "" and line
/// breaks) into records, in one pass, keeping the line each record starts on so that problems can name it.
/// A quoted field that runs over lines is checked: when the record it makes has another number of fields
/// than the header, text after its closing quote, or no closing quote, a stray quote most likely opened it; the
/// record is flagged and reading goes on at the next line, so one bad quote cannot swallow the rows after it.
/// </summary>
internal static class CsvRecordParser
{
    /// <summary>The separator the first line uses most: ',', ';' or tab.</summary>
    public static char DetectSeparator(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny('\r', '\n');
        var header = end < 0 ? text : text[..end];
        var best = ',';
        var bestCount = header.Count(',');
        foreach (var candidate in (ReadOnlySpan<char>)[';', '\t'])
        {
            var count = header.Count(candidate);
            if (count > bestCount) (best, bestCount) = (candidate, count);
        }
        return best;
    }

    public static IEnumerable<CsvRecord> Parse(string text, char separator = ',')
    {
        var position = 0;
        var line = 1;
        var field = new StringBuilder();
        int? headerFields = null;
        while (position < text.Length)
        {
            var start = position;
            var startLine = line;
            var fields = new List<string>();
            var unterminated = false;
            var glued = false;
            while (true)
            {
                field.Clear();
                if (position < text.Length && text[position] == '"')
                {
                    position++;
                    var closed = false;
                    while (position < text.Length)
                    {
                        var quote = text.IndexOf('"', position);
                        var chunkEnd = quote < 0 ? text.Length : quote;
                        line += CountLines(text.AsSpan(position, chunkEnd - position));
                        field.Append(text, position, chunkEnd - position);
                        position = chunkEnd;
                        if (quote < 0) break;
                        if (quote + 1 < text.Length && text[quote + 1] == '"')
                        {
                            field.Append('"');
                            position = quote + 2;
                            continue;
                        }
                        position = quote + 1;
                        closed = true;
                        break;
                    }
                    unterminated |= !closed;
                    // Anything between the closing quote and the separator is kept, as lenient readers do.
                    var tail = NextSeparator(text, position, separator);
                    glued |= tail > position;
                    field.Append(text, position, tail - position);
                    position = tail;
                }
                else
                {
                    var end = NextSeparator(text, position, separator);
                    field.Append(text, position, end - position);
                    position = end;
                }
                fields.Add(field.ToString());
                if (position < text.Length && text[position] == separator)
                {
                    position++;
                    continue;
                }
                break;
            }
            var recordEnd = position;
            if (line > startLine && (unterminated || glued || (headerFields is { } expected && fields.Count != expected)))
            {
                var firstBreak = text.IndexOf('\n', start);
                var lineEnd = firstBreak > start && text[firstBreak - 1] == '\r' ? firstBreak - 1 : firstBreak;
                yield return new CsvRecord(fields, startLine, start, lineEnd, unterminated) { Misquoted = true, SpannedLines = line - startLine + 1 };
                position = firstBreak + 1;
                line = startLine + 1;
                continue;
            }
            if (position < text.Length && text[position] == '\r') position++;
            if (position < text.Length && text[position] == '\n') position++;
            line++;
            if (fields is [{ Length: 0 }] && !unterminated) continue;
            headerFields ??= fields.Count;
            yield return new CsvRecord(fields, startLine, start, recordEnd, unterminated);
        }
    }

    private static int NextSeparator(string text, int from, char separator)
    {
        var end = text.AsSpan(from).IndexOfAny(separator, '\r', '\n');
        return end < 0 ? text.Length : from + end;
    }

    private static int CountLines(ReadOnlySpan<char> text) => text.Count('\n');
}
