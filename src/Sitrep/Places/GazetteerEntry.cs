namespace Sitrep.Places;

/// <summary>What a gazetteer entry is.</summary>
public enum GazetteerEntryKind : byte
{
    /// <summary>A populated place.</summary>
    Locality,
    /// <summary>A national capital.</summary>
    Capital,
    /// <summary>A populated place that is the seat of a first- or second-level area.</summary>
    Seat,
    /// <summary>A first-level administrative area (province, governorate, oblast, judet).</summary>
    Admin1,
    /// <summary>A second-level administrative area (district, raion).</summary>
    Admin2,
    /// <summary>A named region inside one state (Darfur, Kashmir, Transylvania).</summary>
    Region,
    /// <summary>A disputed or de facto territory (Nagorno-Karabakh, Crimea, Gaza Strip).</summary>
    DeFacto,
    /// <summary>An area spanning states (Sahel, Caucasus, Black Sea); its country is empty.</summary>
    Multinational,
    /// <summary>A state.</summary>
    Country,
}

/// <summary>One place of the gazetteer. Immutable.</summary>
/// <param name="GeonamesId">GeoNames id, or 0 when the source had none.</param>
/// <param name="Country">ISO 3166-1 alpha-3, or empty for areas spanning states.</param>
/// <param name="Admin1">First-level area name, or empty.</param>
/// <param name="Population">Population, or 0 when unknown.</param>
public sealed record GazetteerEntry(
    GazetteerEntryKind Kind,
    long GeonamesId,
    string Name,
    string Country,
    string Admin1,
    long Population,
    double Lat,
    double Lon)
{
    public PlacePrecision Precision => Kind switch
    {
        GazetteerEntryKind.Country => PlacePrecision.Country,
        GazetteerEntryKind.Admin1 or GazetteerEntryKind.Admin2 => PlacePrecision.Admin,
        GazetteerEntryKind.Region or GazetteerEntryKind.DeFacto or GazetteerEntryKind.Multinational => PlacePrecision.Region,
        _ => PlacePrecision.Locality,
    };
}

/// <summary>A state: ISO codes, the ACLED-style English short name, a centre and its capital.</summary>
/// <param name="Lat">Population-weighted centre of its places (a point where people live, not the geometric centroid).</param>
public sealed record CountryInfo(
    string Iso2,
    string Iso3,
    string Name,
    double Lat,
    double Lon,
    long CapitalGeonamesId,
    double CapitalLat,
    double CapitalLon);
