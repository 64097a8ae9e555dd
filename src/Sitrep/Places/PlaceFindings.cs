using System.Collections.Immutable;

namespace Sitrep.Places;

/// <summary>A country a text is about, with how strongly (mentions of it, its people and its places).</summary>
public readonly record struct CountryFocus(string Iso3, double Weight);

/// <summary>The places of a text and the countries it is about, most weight first.</summary>
public sealed record PlaceFindings(ImmutableArray<PlaceMention> Mentions, ImmutableArray<CountryFocus> Countries)
{
    /// <summary>The country the text is most about, or null.</summary>
    public string? MainCountry => Countries.IsDefaultOrEmpty ? null : Countries[0].Iso3;

    /// <summary>
    /// A best guess for where a text's events happen when nothing ties them to a trigger: the first
    /// locality in the main country, else its first administrative area, region, or the country itself;
    /// when the main country has no place named, the same order over every place. Isolated places
    /// (<see cref="PlaceMention.Isolated"/>) come after the areas of their country.
    /// </summary>
    public PlaceMention? MostSpecific()
    {
        var main = MainCountry;
        if (main is not null && First(Mentions, p => string.Equals(p.Country, main, StringComparison.Ordinal)) is { } inMain) return inMain;
        return First(Mentions, p => p.Country.Length > 0);
    }

    /// <summary>
    /// The most specific of some places: localities and districts (those the text puts something at, "in X",
    /// "village of X", first), then administrative areas and places that hold another place named, regions,
    /// isolated localities and countries, the first in text order within each.
    /// </summary>
    public static PlaceMention? First(IEnumerable<PlaceMention> places, Func<PlaceMention, bool> filter)
    {
        PlaceMention? best = null;
        var bestRank = int.MaxValue;
        foreach (var place in places)
        {
            if (!filter(place)) continue;
            var rank = Rank(place);
            if (rank < bestRank) { best = place; bestRank = rank; }
        }
        return best;
    }

    /// <summary>How specific a place is taken to be: lower is more specific.</summary>
    public static int Rank(PlaceMention place) => place.Precision switch
    {
        PlacePrecision.Locality when place.Isolated => 6,
        PlacePrecision.Locality or PlacePrecision.Admin when place.HoldsAnother => 2,
        PlacePrecision.Locality or PlacePrecision.Admin when place.District || place.Precision == PlacePrecision.Locality => place.Cued ? 0 : 1,
        PlacePrecision.Admin => 2,
        PlacePrecision.Region => 4,
        _ => 8,
    };
}
