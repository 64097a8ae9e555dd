using Sitrep.Store.Model;

namespace Sitrep.Web.Api;

/// <summary>
/// The located events kept in memory (id, position, type index, fatalities: about 32 bytes each), so that the
/// unfiltered map, the overview's first view, is clustered without scanning the events table: with a million
/// events a scan of the table takes seconds, a pass over this array a few milliseconds. Events are only ever
/// added to a store, so each request first reads the rows above the highest id seen (one index seek when
/// there are none). Filtered maps are left to the database, whose indexes narrow them.
/// </summary>
internal sealed class MapPointCache(IEventAggregates store) : IDisposable
{
    private const int PageSize = 50_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<string> _types = [];
    private Point[] _points = new Point[1024];
    private int _count;
    private long _lastId = -1;

    /// <summary>The same cells as the database's grid (<see cref="IEventAggregates.GetMapCellsAsync"/>), inside an optional box.</summary>
    public async Task<IReadOnlyList<MapCell>> CellsAsync(GeoBox? area, double cellDegrees, CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken).ConfigureAwait(false);
        Point[] points;
        int count;
        string[] types;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            (points, count, types) = (_points, _count, [.. _types]);
        }
        finally
        {
            _gate.Release();
        }
        var cell = Math.Max(1, (long)Math.Round(cellDegrees * 1000));
        var cells = new Dictionary<(long, long), CellBuilder>();
        for (var i = 0; i < count; i++)
        {
            ref readonly var p = ref points[i];
            if (area is not null && !Inside(area, p.Lat, p.Lon)) continue;
            // As in SQL: integer thousandths of a degree (half away from zero, like SQLite's ROUND), floored by integer division.
            var key = ((long)Math.Round((p.Lon + 180) * 1000, MidpointRounding.AwayFromZero) / cell, (long)Math.Round((p.Lat + 90) * 1000, MidpointRounding.AwayFromZero) / cell);
            if (!cells.TryGetValue(key, out var builder)) cells[key] = builder = new CellBuilder();
            builder.Add(p, types[p.Type]);
        }
        return [.. cells.Values.Select(b => b.Build()).OrderByDescending(c => c.Events)];
    }

    private static bool Inside(GeoBox box, double lat, double lon) =>
        lat >= box.South && lat <= box.North && (box.CrossesAntimeridian ? lon >= box.West || lon <= box.East : lon >= box.West && lon <= box.East);

    /// <summary>Reads the events stored since the last look.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var page = await store.GetMapPointsAsync(_lastId, PageSize, cancellationToken).ConfigureAwait(false);
                foreach (var point in page) Append(point);
                if (page.Count < PageSize) break;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Append(MapPoint point)
    {
        var type = _types.IndexOf(point.EventType);
        if (type < 0)
        {
            _types.Add(point.EventType);
            type = _types.Count - 1;
        }
        if (_count == _points.Length)
        {
            // Readers hold a reference to the old array and its count: growing copies, never shrinks or overwrites.
            var grown = new Point[_points.Length * 2];
            Array.Copy(_points, grown, _count);
            _points = grown;
        }
        _points[_count++] = new Point(point.Id, point.Lat, point.Lon, type, point.Fatalities);
        _lastId = point.Id;
    }

    public void Dispose() => _gate.Dispose();

    private readonly record struct Point(long Id, double Lat, double Lon, int Type, long Fatalities);

    private sealed class CellBuilder
    {
        private readonly Dictionary<string, long> _byType = new(StringComparer.Ordinal);
        private long _events;
        private double _latSum, _lonSum, _south = double.MaxValue, _north = double.MinValue, _west = double.MaxValue, _east = double.MinValue;
        private long _fatalities;
        private long _id;

        public void Add(in Point p, string type)
        {
            _events++;
            _byType[type] = _byType.GetValueOrDefault(type) + 1;
            _latSum += p.Lat;
            _lonSum += p.Lon;
            _south = Math.Min(_south, p.Lat);
            _north = Math.Max(_north, p.Lat);
            _west = Math.Min(_west, p.Lon);
            _east = Math.Max(_east, p.Lon);
            _fatalities += p.Fatalities;
            _id = p.Id;
        }

        public MapCell Build() => new(
            Math.Round(_latSum / _events, 5), Math.Round(_lonSum / _events, 5), _events, _byType, _fatalities,
            _events == 1 ? _id : null, new GeoBox(_west, _south, _east, _north));
    }
}
