using Sitrep.Output;
using Sitrep.Places;

namespace Sitrep.Extraction.Frames;

/// <summary>
/// Places an event: the most specific place named in its frames' sentences, nearest the deciding trigger;
/// else the place the text is most about (the region or locality named most often); else a country named.
/// </summary>
internal sealed class LocationResolver
{
    private readonly DocumentScan _scan;
    private readonly PlaceMention? _focus;

    public LocationResolver(DocumentScan scan)
    {
        _scan = scan;
        _focus = scan.Places
            .Where(p => p.Precision != PlacePrecision.Country)
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Min(p => p.FirstToken))
            .Select(g => g.First())
            .FirstOrDefault() ?? scan.Places.FirstOrDefault();
    }

    public Location? Resolve(IReadOnlyList<EventFrame> frames)
    {
        // The first sentence of the event that names a place below the country says where it happened,
        // the nearest such place to the trigger; else the place the text is about; else a country named.
        PlaceMention? best = null;
        PlaceMention? country = null;
        foreach (var frame in frames.OrderBy(f => f.IsWeak ? 1 : 0).ThenBy(f => f.Sentence))
        {
            var s = _scan.Text.Sentences[frame.Sentence];
            var places = _scan.PlacesIn(s.FirstToken, s.EndToken).ToList();
            country ??= places.FirstOrDefault(p => p.Precision == PlacePrecision.Country);
            best = places.Where(p => p.Precision != PlacePrecision.Country)
                .OrderBy(p => p.Precision)
                .ThenBy(p => Math.Abs(p.FirstToken - frame.AnchorToken))
                .FirstOrDefault();
            if (best is not null) break;
        }
        best ??= _focus is not null && (country is null || _focus.Country == country.Country) ? _focus : country;
        if (best is null) return null;
        var span = _scan.ToSpan(best.Start, best.End);
        return new Location(best.Name, best.Country, best.Admin1, best.Lat, best.Lon, best.Precision.ToString().ToLowerInvariant(), best.GeonamesId, span.Start, span.End);
    }
}
