using Sitrep.Places;

namespace Sitrep.Tests.Places;

/// <summary>
/// An area is placed at its seat, else its largest town, as event coders place what happened "in X state" or "in X
/// district": the mean of its places can lie a hundred kilometres from the town that gives it its name.
/// </summary>
public sealed class DistrictSeatTests
{
    [Theory]
    // Mexico's Durango state (its capital, Victoria de Durango, is not marked as its seat in the data) and
    // Durango municipality.
    [InlineData("Durango", GazetteerEntryKind.Admin1, "MEX", "Victoria de Durango")]
    [InlineData("Durango", GazetteerEntryKind.Admin2, "MEX", "Victoria de Durango")]
    // Estado de Mexico's Tenancingo municipality and its seat, Tenancingo de Degollado.
    [InlineData("Tenancingo", GazetteerEntryKind.Admin2, "MEX", "Tenancingo de Degollado")]
    public void An_area_lies_at_its_seat(string name, GazetteerEntryKind kind, string country, string seat)
    {
        var gazetteer = Gazetteer.Default;
        var towns = gazetteer.Lookup(seat).Where(e => e.Country == country).ToList();
        var area = Assert.Single(gazetteer.Lookup(name), e => e.Kind == kind && e.Country == country && towns.Exists(t => t.Admin1 == e.Admin1));
        var town = towns.Where(t => t.Admin1 == area.Admin1).MaxBy(t => t.Population)!;
        var km = GeoDistance.Km(area.Lat, area.Lon, town.Lat, town.Lon);
        Assert.True(km < 5, $"{name} ({kind}) lies {km:F0} km from {seat}");
    }
}
