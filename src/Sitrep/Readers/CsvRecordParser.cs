using System.Text;

namespace Sitrep.Readers;

/// <summary>One CSV record: its fields, the line it starts on, and the character range it covers.</summary>
internal sealed record CsvRecord(IReadOnlyList<string> Fields, int Line, int Start, int End, bool UnterminatedQuote);

/// <summary>
/// Splits RFC 4180 CSV (comma-separated, or semicolon or tab as spreadsheets in some locales write it, double-quoted fields that may hold commas, quotes as "" and line
/// breaks) into records, in one pass, keeping the line each record starts on so that problems can name it.
/// A quote left open runs to the end of the input and is flagged rather than thrown.
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
        while (position < text.Length)
        {
            var start = position;
            var startLine = line;
            var fields = new List<string>();
            var unterminated = false;
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
            if (position < text.Length && text[position] == '\r') position++;
            if (position < text.Length && text[position] == '\n') position++;
            line++;
            if (fields is [{ Length: 0 }] && !unterminated) continue;
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
