namespace Sitrep.Places;

/// <summary>How specific a place is.</summary>
public enum PlacePrecision
{
    Locality,
    Admin,
    Region,
    Country,
}

/// <summary>
/// A toponym found in a text and resolved to a gazetteer entry. Offsets are into
/// <see cref="Text.AnalyzedText.Normalized"/>; map them with <see cref="Text.AnalyzedText.ToOriginal(int, int)"/>.
/// </summary>
/// <param name="Name">The resolved place's canonical (English) name.</param>
/// <param name="Country">ISO 3166-1 alpha-3 of the state it lies in.</param>
/// <param name="Admin1">First-level region name, when known.</param>
/// <param name="GeonamesId">GeoNames id, when the entry has one.</param>
public sealed record PlaceMention(
    int Start,
    int End,
    int FirstToken,
    int TokenCount,
    string Name,
    string Country,
    string? Admin1,
    double Lat,
    double Lon,
    PlacePrecision Precision,
    long? GeonamesId)
{
    /// <summary>
    /// A small place far from every other place the text names in its country, with nothing tying it to them:
    /// likely a namesake of a place the gazetteer lacks. Prefer the text's other places when choosing where
    /// something happened.
    /// </summary>
    public bool Isolated { get; init; }

    /// <summary>A second-level area (district, municipality, raion): at admin precision, but about as specific as a town.</summary>
    public bool District { get; init; }

    /// <summary>Whether the text names another place inside this one right before it ("Santos, Sao Paulo" for the second).</summary>
    public bool HoldsAnother { get; init; }

    /// <summary>Whether a locative or area word introduces the name ("in X", "near X", "village of X").</summary>
    public bool Cued { get; init; }

    /// <summary>
    /// Whether the name opens the text as its dateline ("KABUL, May 3 (Reuters) -", "DHAKA:", "KYIV (AP) —"): where the
    /// story was filed, a weaker location than a place named in an event's own words.
    /// </summary>
    public bool Dateline { get; init; }

    /// <summary>Whether the place lies in the country the text is most about (<see cref="PlaceFindings.MainCountry"/>).</summary>
    public bool InMainCountry { get; init; }
}
