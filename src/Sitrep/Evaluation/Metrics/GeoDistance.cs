namespace Sitrep.Evaluation.Metrics;

/// <summary>Great-circle distances on a spherical Earth (the haversine formula); good to well under 1% at event scale.</summary>
public static class GeoDistance
{
    /// <summary>Mean Earth radius (IUGG), km.</summary>
    public const double EarthRadiusKm = 6371.0088;

    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = ToRadians(lat2 - lat1);
        var dLon = ToRadians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
              + (Math.Cos(ToRadians(lat1)) * Math.Cos(ToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        // Clamp: rounding can push a to 1 + epsilon for antipodal points.
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, a)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
