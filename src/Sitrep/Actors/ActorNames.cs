using Sitrep.Places;

namespace Sitrep.Actors;

/// <summary>
/// Actor names as ACLED users expect them ("Military Forces of Azerbaijan", "Protesters (Romania)"), built
/// from ISO codes with the gazetteer's ACLED-style country names. Unknown codes are kept as given rather than thrown.
/// </summary>
public static class ActorNames
{
    /// <summary>ACLED-style English short name ("Syria", "Democratic Republic of Congo", "Russia").</summary>
    public static string CountryName(string iso3) => Gazetteer.Country(iso3)?.Name ?? iso3;

    public static string StateForces(string iso3) => $"Military Forces of {CountryName(iso3)}";

    public static string Police(string iso3) => $"Police Forces of {CountryName(iso3)}";

    public static string Government(string iso3) => $"Government of {CountryName(iso3)}";

    public static string Protesters(string iso3) => $"Protesters ({CountryName(iso3)})";

    public static string Rioters(string iso3) => $"Rioters ({CountryName(iso3)})";

    public static string Civilians(string iso3) => $"Civilians ({CountryName(iso3)})";

    public static string UnidentifiedArmedGroup(string iso3) => $"Unidentified Armed Group ({CountryName(iso3)})";

    /// <summary>ISO alpha-3 for an alpha-2 code, or null.</summary>
    public static string? Iso3(string iso2) => Gazetteer.Default.CountryOfIso2(iso2)?.Iso3;

    /// <summary>ISO alpha-2 for an alpha-3 code (legacy ACLED codes accepted), or null.</summary>
    public static string? Iso2(string iso3) => Gazetteer.Country(iso3)?.Iso2;
}
