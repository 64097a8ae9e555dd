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
    /// when the main country has no place named, the same order over every place.
    /// </summary>
    public PlaceMention? MostSpecific()
    {
        var main = MainCountry;
        if (main is not null && First(p => string.Equals(p.Country, main, StringComparison.Ordinal)) is { } inMain) return inMain;
        return First(p => p.Country.Length > 0);
    }

    private PlaceMention? First(Func<PlaceMention, bool> filter)
    {
        foreach (var precision in (ReadOnlySpan<PlacePrecision>)[PlacePrecision.Locality, PlacePrecision.Admin, PlacePrecision.Region, PlacePrecision.Country])
        {
            foreach (var place in Mentions)
            {
                if (place.Precision == precision && filter(place)) return place;
            }
        }
        return null;
    }
}
