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

    /// <summary>Events with an id above <paramref name="afterId"/>, in id order, at most <paramref name="limit"/>, as the map, timeline and statistics need them: for a digest kept in memory.</summary>
    Task<IReadOnlyList<EventDigest>> GetEventDigestsAsync(long afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Located incidents on the same grid as <see cref="GetMapCellsAsync"/>. The filters an incident has values for
    /// (dates, country, type, status, fatalities, area) test its own; words, actor, document and relevance keep the
    /// incidents with a matching report. A cell of one incident carries its id.
    /// </summary>
    Task<IReadOnlyList<MapCell>> GetIncidentCellsAsync(EventFilter filter, double cellDegrees, CancellationToken cancellationToken = default);

    /// <summary>Dated incidents by start day and event type, filtered as <see cref="GetIncidentCellsAsync"/>; fatalities of the current ones.</summary>
    Task<IReadOnlyList<DayTypeCount>> GetIncidentDayTypeCountsAsync(EventFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Whether any incident is stored (a store written before incidents existed, and not ingested into since, has none).</summary>
    Task<bool> HasIncidentsAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// An event as the map, the timeline and the statistics need it: where (if located), which type, when it starts, whether
/// current, its fatalities, its country and document, and its current killed figures by side (as statistics by side add them).
/// </summary>
public readonly record struct EventDigest(
    long Id, double? Lat, double? Lon, string EventType, string? DateStart, bool Current, long? Low, long? Best, long? High,
    string? Country = null, long DocumentId = 0, IReadOnlyList<SideKill>? Kills = null);

/// <summary>One current killed figure of an event, with the side it was claimed about and the bounds statistics add.</summary>
public readonly record struct SideKill(string Side, long? Low, long? Best, long? High);

/// <summary>
/// One cell of the map's grid: where its events are (their mean position and the box around them), how many
/// of each type (in ordinal order of the type), and their fatalities (best, else low). A cell of one event carries its id;
/// on the incidents' map (<see cref="IEventAggregates.GetIncidentCellsAsync"/>) <paramref name="Events"/> counts incidents
/// and a cell of one incident carries <paramref name="IncidentId"/>.
/// </summary>
public sealed record MapCell(
    double Lat,
    double Lon,
    long Events,
    IReadOnlyDictionary<string, long> ByType,
    long Fatalities,
    long? EventId,
    GeoBox Bounds,
    string? IncidentId = null);

/// <summary>Events of one start day and one event type; fatalities of the current ones (low, best, high).</summary>
public sealed record DayTypeCount(string Day, string EventType, long Events, long Low, long Best, long High);
