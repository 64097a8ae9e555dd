using Sitrep.Actors;
using Sitrep.Output;
using Sitrep.Places;

namespace Sitrep.Extraction.Frames;

/// <summary>
/// Places an event: the most specific place named in its frames' sentences, nearest the deciding trigger;
/// else the most specific place of the country the text is about; else a country named; else the country
/// of the sides the text names; else the home country of the outlet that published it. A dateline ranks after
/// the places the event's sentence names.
/// "Most specific" follows <see cref="PlaceFindings.Rank"/>: localities, then areas, then localities that lie
/// far from the areas the text names (likely namesakes of a place the gazetteer lacks).
/// </summary>
internal sealed class LocationResolver
{
    private readonly DocumentScan _scan;
    private readonly PlaceMention? _focus;
    private readonly Lazy<Location?> _sides;

    public LocationResolver(DocumentScan scan)
    {
        _scan = scan;
        _sides = new Lazy<Location?>(() => CountryOfSides(scan), LazyThreadSafetyMode.None);
        _focus = PlaceFindings.First(scan.Places, p => p.InMainCountry && p.Precision != PlacePrecision.Country)
            ?? PlaceFindings.First(scan.Places, p => p.Precision != PlacePrecision.Country)
            ?? scan.Places.FirstOrDefault();
    }

    public Location? Resolve(IReadOnlyList<EventFrame> frames)
    {
        // The first sentence of the event that names a place below the country says where it happened:
        // its most specific place, in the text's main country when it names one there, nearest the trigger.
        PlaceMention? best = null;
        PlaceMention? country = null;
        foreach (var frame in frames.OrderBy(f => f.IsWeak ? 1 : 0).ThenBy(f => f.Sentence))
        {
            var s = _scan.Text.Sentences[frame.Sentence];
            var places = _scan.PlacesIn(s.FirstToken, s.EndToken).ToList();
            country ??= places.FirstOrDefault(p => p.Precision == PlacePrecision.Country);
            // A dateline says where the story was filed: a place the event's own words name comes first.
            best = places.Where(p => p.Precision != PlacePrecision.Country)
                .OrderBy(p => p.Dateline ? 1 : 0)
                .ThenBy(p => p.InMainCountry ? 0 : 1)
                .ThenBy(PlaceFindings.Rank)
                .ThenBy(p => Math.Abs(p.FirstToken - frame.AnchorToken))
                .FirstOrDefault();
            if (best is not null) break;
        }
        best ??= _focus is not null && (country is null || _focus.Country == country.Country) ? _focus : country;
        if (best is null) return _sides.Value ?? OutletHome(_scan);
        var span = _scan.ToSpan(best.Start, best.End);
        return new Location(best.Name, best.Country, best.Admin1, best.Lat, best.Lon, best.Precision.ToString().ToLowerInvariant(), best.GeonamesId, span.Start, span.End);
    }

    /// <summary>A text that names no place and no side with a country happens, most likely, where its outlet is at home.</summary>
    private static Location? OutletHome(DocumentScan scan)
    {
        if (scan.OutletCountry is not { } iso3 || Gazetteer.Country(iso3) is not { } info) return null;
        return new Location(info.Name, info.Iso3, null, info.Lat, info.Lon, "country", null, null, null);
    }

    /// <summary>
    /// A text that names no place still says whose conflict it is ("Taliban fighters", "Houthi forces", "the
    /// Turkish government", a monitoring mission to one country): the country its sides belong to most often,
    /// at country precision. News outlets say nothing about where, and are not counted.
    /// </summary>
    private static Location? CountryOfSides(DocumentScan scan)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var actor in scan.Actors)
        {
            if (actor.Country is not { Length: > 0 } iso3 || actor.Kind == ActorMentionKind.Media) continue;
            counts[iso3] = counts.GetValueOrDefault(iso3) + 1;
        }
        if (counts.Count == 0) return null;
        var top = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
        if (Gazetteer.Country(top) is not { } info) return null;
        return new Location(info.Name, info.Iso3, null, info.Lat, info.Lon, "country", null, null, null);
    }
}
