using System.Globalization;

namespace Sitrep.Store.Model;

/// <summary>
/// A box of longitudes and latitudes (a map's view or selection), written "west,south,east,north".
/// West may exceed east only across the antimeridian, which the box then spans.
/// </summary>
public sealed record GeoBox(double West, double South, double East, double North)
{
    public static GeoBox World { get; } = new(-180, -90, 180, 90);

    /// <summary>Reads "west,south,east,north" in degrees; longitudes outside -180..180 (a panned map) are clamped.</summary>
    public static bool TryParse(string text, out GeoBox box, out string reason)
    {
        box = World;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[4];
        if (parts.Length != 4 || !parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])).All(ok => ok)
            || values.Any(v => !double.IsFinite(v)))
        {
            reason = "not a box: expected four numbers west,south,east,north in degrees";
            return false;
        }
        var (west, south, east, north) = (values[0], values[1], values[2], values[3]);
        if (south > north || south < -90 || north > 90)
        {
            reason = "latitudes must be within -90..90 with south before north";
            return false;
        }
        // A map panned past the antimeridian reports longitudes beyond 180: a span of a whole turn is the world.
        if (east - west >= 360) (west, east) = (-180, 180);
        box = new GeoBox(Wrap(west), south, Wrap(east), north);
        reason = "";
        return true;
    }

    private static double Wrap(double lon) => lon is >= -180 and <= 180 ? lon : ((lon + 180) % 360 + 360) % 360 - 180;

    [System.Text.Json.Serialization.JsonIgnore]
    public bool CrossesAntimeridian => West > East;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{West},{South},{East},{North}");
}
