namespace Sitrep.Store.Model;

/// <summary>
/// The map's and the timeline's aggregates, computed by the database so that a million events cost a
/// few hundred rows on the wire.
/// </summary>
public interface IEventAggregates
{
    /// <summary>Located events grouped on a grid of square cells <paramref name="cellDegrees"/> wide, each with its counts by event type.</summary>
    Task<IReadOnlyList<MapCell>> GetMapCellsAsync(EventFilter filter, double cellDegrees, CancellationToken cancellationToken = default);

    /// <summary>Dated events by start day and event type; fatalities summed over current events only (as in the statistics).</summary>
    Task<IReadOnlyList<DayTypeCount>> GetDayTypeCountsAsync(EventFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Events with an id above <paramref name="afterId"/>, in id order, at most <paramref name="limit"/>, as the map and timeline need them: for a digest kept in memory.</summary>
    Task<IReadOnlyList<EventDigest>> GetEventDigestsAsync(long afterId, int limit, CancellationToken cancellationToken = default);
}

/// <summary>An event as the map and the timeline need it: where (if located), which type, when it starts, whether current, its fatalities.</summary>
public readonly record struct EventDigest(long Id, double? Lat, double? Lon, string EventType, string? DateStart, bool Current, long? Low, long? Best, long? High);

/// <summary>
/// One cell of the map's grid: where its events are (their mean position and the box around them), how many
/// of each type (in ordinal order of the type), and their fatalities (best, else low). A cell of one event carries its id.
/// </summary>
public sealed record MapCell(
    double Lat,
    double Lon,
    long Events,
    IReadOnlyDictionary<string, long> ByType,
    long Fatalities,
    long? EventId,
    GeoBox Bounds);

/// <summary>Events of one start day and one event type; fatalities of the current ones (low, best, high).</summary>
public sealed record DayTypeCount(string Day, string EventType, long Events, long Low, long Best, long High);
