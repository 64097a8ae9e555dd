using System.Collections.Concurrent;
using System.Globalization;
using Sitrep.Store.Model;

namespace Sitrep.Web.Api;

/// <summary>
/// Every event's digest kept in memory (position, type, start day, current or not, fatalities, country: 48 bytes
/// each, plus 20 for each current killed figure by side, and the set of documents), so that the unfiltered map, timeline and
/// statistics, the overview's first view, need no scan of the events table: with a million events such a scan
/// takes seconds (the statistics by side, a join with every killed figure, about 5 s of CPU), a pass over this
/// array tens of milliseconds. Events are
/// only ever added to a store, so each request first reads the rows above the highest id seen (one index
/// seek when there are none). Filtered views are left to the database, whose indexes narrow them.
/// </summary>
internal sealed class EventDigestCache(IEventAggregates store) : IDisposable
{
    /// <summary>
    /// Events read from the store at a time. Each page is held twice while it is read (the database's rows, then the
    /// digests made of them, about 300 bytes an event); 10,000 keep that near 3 MB, and the hundred seeks of a
    /// million events cost nothing beside reading them.
    /// </summary>
    private const int PageSize = 10_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<string> _types = [];
    private readonly List<string> _countries = [];
    private readonly List<string> _sides = [];
    private readonly HashSet<long> _documents = [];

    /// <summary>Figures too large for <see cref="PackedFigures"/>, which point here (empty in practice).</summary>
    private readonly List<FatalityFigures> _spilled = [];
    private readonly ChunkedList<Kill> _kills = new();
    private readonly ChunkedList<Digest> _digests = new();
    private long _lastId = -1;

    /// <summary>Answers already computed, each with the number of events it was computed over (see <see cref="Remembered"/>).</summary>
    private readonly ConcurrentDictionary<string, (int Count, object Answer)> _answers = new(StringComparer.Ordinal);

    /// <summary>At most this many answers are kept (views of the map, the timeline, the statistics); past it they are forgotten at once.</summary>
    private const int AnswerCapacity = 256;

    /// <summary>The same cells as the database's grid (<see cref="IEventAggregates.GetMapCellsAsync"/>) over every located event, inside an optional box.</summary>
    public async Task<IReadOnlyList<MapCell>> CellsAsync(GeoBox? area, double cellDegrees, CancellationToken cancellationToken)
    {
        var (digests, types, spilled) = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        return Remembered(FormattableString.Invariant($"cells {area} {cellDegrees:R}"), digests.Count, () => Cells(digests, types, spilled, area, cellDegrees));
    }

    private static IReadOnlyList<MapCell> Cells(ChunkedList<Digest>.Snapshot digests, string[] types, FatalityFigures[] spilled, GeoBox? area, double cellDegrees)
    {
        var cell = Math.Max(1, (long)Math.Round(cellDegrees * 1000));
        var cells = new Dictionary<(long, long), CellBuilder>();
        for (var i = 0; i < digests.Count; i++)
        {
            ref readonly var d = ref digests[i];
            if (double.IsNaN(d.Lat) || (area is not null && !Inside(area, d.Lat, d.Lon))) continue;
            // As in SQL: integer thousandths of a degree (half away from zero, like SQLite's ROUND), floored by integer division.
            var key = ((long)Math.Round((d.Lon + 180) * 1000, MidpointRounding.AwayFromZero) / cell, (long)Math.Round((d.Lat + 90) * 1000, MidpointRounding.AwayFromZero) / cell);
            if (!cells.TryGetValue(key, out var builder)) cells[key] = builder = new CellBuilder();
            builder.Add(d, d.Figures.Unpack(spilled), types[d.Type]);
        }
        // The database's order: most events first, then south to north, west to east.
        return [.. cells.Values.Select(b => b.Build()).OrderByDescending(c => c.Events).ThenBy(c => c.Lat).ThenBy(c => c.Lon)];
    }

    /// <summary>The same counts as <see cref="IEventAggregates.GetDayTypeCountsAsync"/> over every event.</summary>
    public async Task<IReadOnlyList<DayTypeCount>> DayTypeCountsAsync(CancellationToken cancellationToken)
    {
        var (digests, types, spilled) = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        return Remembered("days", digests.Count, () => DayTypeCounts(digests, types, spilled));
    }

    private static IReadOnlyList<DayTypeCount> DayTypeCounts(ChunkedList<Digest>.Snapshot digests, string[] types, FatalityFigures[] spilled)
    {
        var sums = new Dictionary<(int Day, int Type), long[]>();
        for (var i = 0; i < digests.Count; i++)
        {
            ref readonly var d = ref digests[i];
            if (d.Day == NoDay) continue;
            if (!sums.TryGetValue((d.Day, d.Type), out var sum)) sums[(d.Day, d.Type)] = sum = new long[4];
            sum[0]++;
            if (!d.Current) continue;
            // As in the statistics: a missing bound falls back on the figure that is known.
            var f = d.Figures.Unpack(spilled);
            sum[1] += f.Low ?? 0;
            sum[2] += f.Best ?? f.Low ?? 0;
            sum[3] += f.High ?? f.Best ?? f.Low ?? 0;
        }
        return [.. sums
            .Select(p => new DayTypeCount(DateOnly.FromDayNumber(p.Key.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), types[p.Key.Type], p.Value[0], p.Value[1], p.Value[2], p.Value[3]))
            .OrderBy(c => c.Day, StringComparer.Ordinal).ThenBy(c => c.EventType, StringComparer.Ordinal)];
    }

    /// <summary>The same answer as <see cref="Sitrep.Store.IEventStore.GetStatsAsync"/> over every event (SQLite's ordinal order of keys).</summary>
    public async Task<FatalityStats> StatsAsync(CancellationToken cancellationToken)
    {
        ChunkedList<Kill>.Snapshot kills;
        ChunkedList<Digest>.Snapshot digests;
        FatalityFigures[] spilled;
        int documents;
        await CatchUpAsync(cancellationToken).ConfigureAwait(false);
        string[] countries, sides;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Taken under the lock with the snapshot's count, so every list describes the same events.
            countries = [.. _countries];
            sides = [.. _sides];
            documents = _documents.Count;
            kills = _kills.Freeze();
            digests = _digests.Freeze();
            spilled = [.. _spilled];
        }
        finally
        {
            _gate.Release();
        }
        return Remembered("stats", digests.Count, () => Stats(digests, kills, spilled, countries, sides, documents));
    }

    private static FatalityStats Stats(
        ChunkedList<Digest>.Snapshot digests, ChunkedList<Kill>.Snapshot kills, FatalityFigures[] spilled, string[] countries, string[] sides, int documents)
    {
        var total = new Sums();
        var byDay = new SortedDictionary<int, Sums>();
        var byCountry = new Dictionary<int, Sums>();
        for (var i = 0; i < digests.Count; i++)
        {
            ref readonly var d = ref digests[i];
            if (!d.Current) continue;
            var f = d.Figures.Unpack(spilled);
            total.Add(f);
            if (d.Day != NoDay) (byDay.TryGetValue(d.Day, out var day) ? day : byDay[d.Day] = new Sums()).Add(f);
            (byCountry.TryGetValue(d.Country, out var country) ? country : byCountry[d.Country] = new Sums()).Add(f);
        }
        // By side: the current killed figures themselves, an event counted once per side it has figures about. Figures
        // are kept in event order, an event's together, so a side's last event tells whether this one is new to it.
        var sideSums = new long[sides.Length, 4];
        var lastEvent = new int[sides.Length];
        Array.Fill(lastEvent, -1);
        for (var i = 0; i < kills.Count; i++)
        {
            ref readonly var k = ref kills[i];
            if (lastEvent[k.Side] != k.Event) sideSums[k.Side, 0]++;
            lastEvent[k.Side] = k.Event;
            var f = k.Figures.Unpack(spilled);
            sideSums[k.Side, 1] += f.Low ?? 0;
            sideSums[k.Side, 2] += f.Best ?? 0;
            sideSums[k.Side, 3] += f.High ?? 0;
        }
        static IReadOnlyList<FatalityBucket> Ranked(IEnumerable<FatalityBucket> buckets) =>
            [.. buckets.OrderByDescending(b => b.Best).ThenBy(b => b.Key, StringComparer.Ordinal)];
        return new FatalityStats(
            digests.Count, documents, total.Bucket("all"),
            [.. byDay.Select(p => p.Value.Bucket(DateOnly.FromDayNumber(p.Key).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))],
            Ranked(byCountry.Select(p => p.Value.Bucket(p.Key == NoCountry ? "unknown" : countries[p.Key]))),
            Ranked(Enumerable.Range(0, sides.Length).Where(i => sideSums[i, 0] > 0)
                .Select(i => new FatalityBucket(sides[i], sideSums[i, 0], sideSums[i, 1], sideSums[i, 2], sideSums[i, 3]))));
    }

    /// <summary>
    /// An answer over the first <paramref name="count"/> events, computed once: events are only ever added, so the
    /// same count means the same events, and the overview's repeated first view (every analyst opening the dashboard,
    /// every refresh) costs a lookup instead of a pass over a million digests while the other views are computed beside it.
    /// </summary>
    private T Remembered<T>(string key, int count, Func<T> compute) where T : class
    {
        if (_answers.TryGetValue(key, out var known) && known.Count == count) return (T)known.Answer;
        var answer = compute();
        if (_answers.Count >= AnswerCapacity) _answers.Clear();
        _answers[key] = (count, answer);
        return answer;
    }

    /// <summary>Sums of current events as the statistics make them: a missing bound falls back on the figure that is known.</summary>
    private sealed class Sums
    {
        private long _events, _low, _best, _high;

        public void Add(FatalityFigures f)
        {
            _events++;
            _low += f.Low ?? 0;
            _best += f.Best ?? f.Low ?? 0;
            _high += f.High ?? f.Best ?? f.Low ?? 0;
        }

        public FatalityBucket Bucket(string key) => new(key, _events, _low, _best, _high);
    }

    private static bool Inside(GeoBox box, double lat, double lon) =>
        lat >= box.South && lat <= box.North && (box.CrossesAntimeridian ? lon >= box.West || lon <= box.East : lon >= box.West && lon <= box.East);

    private async Task<(ChunkedList<Digest>.Snapshot Digests, string[] Types, FatalityFigures[] Spilled)> SnapshotAsync(CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (_digests.Freeze(), [.. _types], [.. _spilled]);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads the events stored since the last look.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var page = await store.GetEventDigestsAsync(_lastId, PageSize, cancellationToken).ConfigureAwait(false);
                foreach (var digest in page) Append(digest);
                if (page.Count < PageSize) break;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The highest event id stored, after reading what is new: where a live stream (<see cref="LiveEndpoints"/>) starts.</summary>
    public async Task<long> LastIdAsync(CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken).ConfigureAwait(false);
        return Interlocked.Read(ref _lastId);
    }

    private const int NoDay = -1;

    private const short NoCountry = -1;

    /// <summary>
    /// The position of a name in a short list of names (types, countries, sides), added if new. Kept as a short:
    /// types come from the taxonomy, countries are ISO codes, sides a handful; more than 32,767 of one is a broken store.
    /// </summary>
    private static short IndexOf(List<string> names, string name)
    {
        var index = names.IndexOf(name);
        if (index >= 0) return (short)index;
        if (names.Count == short.MaxValue) throw new InvalidOperationException($"more than {short.MaxValue} distinct names of one kind in the events' digests");
        names.Add(name);
        return (short)(names.Count - 1);
    }

    private void Append(EventDigest e)
    {
        var type = IndexOf(_types, e.EventType);
        var country = e.Country is null ? NoCountry : IndexOf(_countries, e.Country);
        _documents.Add(e.DocumentId);
        // Only current events' figures are ever added up by side.
        if (e.Current && e.Kills is not null)
        {
            foreach (var kill in e.Kills)
            {
                // The event is named by its digest's position (the next one), which tells events apart as well as its id.
                _kills.Add(new Kill(_digests.Count, IndexOf(_sides, kill.Side), PackedFigures.Pack(kill.Low, kill.Best, kill.High, _spilled)));
            }
        }
        // A start that is not a day (never stored, but not trusted either) is left out of the timeline, as its bucketing does.
        var day = e.DateStart is not null && DateOnly.TryParseExact(e.DateStart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date.DayNumber : NoDay;
        _digests.Add(new Digest(
            e.Id, e.Lat is { } lat && e.Lon is not null ? lat : double.NaN, e.Lon ?? double.NaN,
            PackedFigures.Pack(e.Low, e.Best, e.High, _spilled), day, type, country, e.Current));
        _lastId = e.Id;
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// 48 bytes: the fields in this order leave 3 bytes of padding (with three <c>long?</c> figures and int indexes, 96).
    /// Latitude and longitude stay doubles: the map's means must equal the database's averages of the same values.
    /// </summary>
    private readonly record struct Digest(long Id, double Lat, double Lon, PackedFigures Figures, int Day, short Type, short Country, bool Current);

    /// <summary>20 bytes (was 64): one current killed figure, with its event's position among the digests and its side.</summary>
    private readonly record struct Kill(int Event, short Side, PackedFigures Figures);

    private sealed class CellBuilder
    {
        private readonly SortedDictionary<string, long> _byType = new(StringComparer.Ordinal);
        private long _events;
        private double _latSum, _lonSum, _south = double.MaxValue, _north = double.MinValue, _west = double.MaxValue, _east = double.MinValue;
        private long _fatalities;
        private long _id;

        public void Add(in Digest d, FatalityFigures f, string type)
        {
            _events++;
            _byType[type] = _byType.GetValueOrDefault(type) + 1;
            _latSum += d.Lat;
            _lonSum += d.Lon;
            _south = Math.Min(_south, d.Lat);
            _north = Math.Max(_north, d.Lat);
            _west = Math.Min(_west, d.Lon);
            _east = Math.Max(_east, d.Lon);
            _fatalities += f.Best ?? f.Low ?? 0;
            _id = d.Id;
        }

        public MapCell Build() => new(
            Math.Round(_latSum / _events, 5), Math.Round(_lonSum / _events, 5), _events, _byType, _fatalities,
            _events == 1 ? _id : null, new GeoBox(_west, _south, _east, _north));
    }
}
