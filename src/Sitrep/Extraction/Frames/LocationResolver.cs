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
        PlaceMention? best = null;
        var bestDistance = int.MaxValue;
        foreach (var frame in frames)
        {
            var s = _scan.Text.Sentences[frame.Sentence];
            foreach (var place in _scan.PlacesIn(s.FirstToken, s.EndToken))
            {
                var distance = Math.Abs(place.FirstToken - frame.AnchorToken);
                if (best is null || place.Precision < best.Precision || (place.Precision == best.Precision && distance < bestDistance))
                {
                    best = place;
                    bestDistance = distance;
                }
            }
        }
        if (best is null || (best.Precision == PlacePrecision.Country && _focus is not null && _focus.Country == best.Country && _focus.Precision != PlacePrecision.Country)) best = _focus ?? best;
        if (best is null) return null;
        var span = _scan.ToSpan(best.Start, best.End);
        return new Location(best.Name, best.Country, best.Admin1, best.Lat, best.Lon, best.Precision.ToString().ToLowerInvariant(), best.GeonamesId, span.Start, span.End);
    }
}
