using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Sitrep.Places;

/// <summary>
/// Reads the compiled gazetteer (data/gazetteer/gazetteer-v1.tsv.gz, written by tools/Sitrep.GazetteerCompiler):
/// a versioned header, C rows (countries) and P rows (places), tab-separated. A wrong version or a
/// malformed row is a build defect, so it throws with the line number.
/// </summary>
internal static class GazetteerReader
{
    public const int SupportedVersion = 1;

    public sealed record Contents(List<CountryInfo> Countries, List<(CountryInfo Country, string[] Aliases)> CountryAliases, List<GazetteerEntry> Entries, List<string[]> EntryAliases);

    public static Contents Read(Stream compressed)
    {
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var header = reader.ReadLine() ?? throw new InvalidDataException("gazetteer: empty file");
        var headerCells = header.Split('\t');
        if (headerCells.Length < 2 || headerCells[0] != "#sitrep-gazetteer" || int.Parse(headerCells[1], CultureInfo.InvariantCulture) != SupportedVersion)
        {
            throw new InvalidDataException($"gazetteer: expected format version {SupportedVersion}, found '{header}'");
        }
        var countries = new List<CountryInfo>(260);
        var countryAliases = new List<(CountryInfo, string[])>(260);
        var entries = new List<GazetteerEntry>(220_000);
        var entryAliases = new List<string[]>(220_000);
        // Admin1 names repeat thousands of times; one string each.
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        Span<Range> cells = stackalloc Range[12];
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            var span = line.AsSpan();
            var count = span.Split(cells, '\t');
            if (line[0] == 'C' && count >= 10)
            {
                var country = new CountryInfo(line[cells[1]], line[cells[2]], line[cells[3]],
                    Number(span[cells[4]]), Number(span[cells[5]]), long.Parse(span[cells[6]], CultureInfo.InvariantCulture),
                    Number(span[cells[7]]), Number(span[cells[8]]));
                countries.Add(country);
                countryAliases.Add((country, Aliases(span[cells[9]])));
            }
            else if (line[0] == 'P' && count >= 10)
            {
                var kind = span[cells[1]] switch
                {
                    "L" => GazetteerEntryKind.Locality,
                    "K" => GazetteerEntryKind.Capital,
                    "S" => GazetteerEntryKind.Seat,
                    "A" => GazetteerEntryKind.Admin1,
                    "B" => GazetteerEntryKind.Admin2,
                    "R" => GazetteerEntryKind.Region,
                    "D" => GazetteerEntryKind.DeFacto,
                    "M" => GazetteerEntryKind.Multinational,
                    _ => throw new InvalidDataException($"gazetteer line {lineNumber}: unknown kind"),
                };
                var iso3 = Pooled(pool, span[cells[4]]);
                entries.Add(new GazetteerEntry(kind, Integer(span[cells[2]]), line[cells[3]],
                    iso3 == "-" ? string.Empty : iso3, Pooled(pool, span[cells[5]]), Integer(span[cells[6]]),
                    Number(span[cells[7]]), Number(span[cells[8]])));
                entryAliases.Add(Aliases(span[cells[9]]));
            }
            else
            {
                throw new InvalidDataException($"gazetteer line {lineNumber}: malformed row");
            }
        }
        return new Contents(countries, countryAliases, entries, entryAliases);
    }

    /// <summary>
    /// Coordinates are written with at most five decimals by the compiler; reading them as scaled integers
    /// is several times faster than double.Parse on 400,000 values. Anything else falls back to it.
    /// </summary>
    private static double Number(ReadOnlySpan<char> text)
    {
        var negative = text.Length > 0 && text[0] == '-';
        long whole = 0, fraction = 0;
        var scale = 1;
        var i = negative ? 1 : 0;
        for (; i < text.Length && text[i] != '.'; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9) return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            whole = whole * 10 + digit;
        }
        for (i++; i < text.Length; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9 || scale >= 1_000_000_000) return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            fraction = fraction * 10 + digit;
            scale *= 10;
        }
        var value = whole + (double)fraction / scale;
        return negative ? -value : value;
    }

    private static long Integer(ReadOnlySpan<char> text)
    {
        long value = 0;
        foreach (var c in text)
        {
            var digit = c - '0';
            if ((uint)digit > 9) return long.Parse(text, CultureInfo.InvariantCulture);
            value = value * 10 + digit;
        }
        return value;
    }

    private static string[] Aliases(ReadOnlySpan<char> text) =>
        text.IsEmpty ? [] : text.ToString().Split('|', StringSplitOptions.RemoveEmptyEntries);

    private static string Pooled(Dictionary<string, string> pool, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return string.Empty;
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known)) return known;
        var value = text.ToString();
        pool[value] = value;
        return value;
    }
}
