using Sitrep.Documents;
using Sitrep.Output;

namespace Sitrep.Incidents;

/// <summary>
/// Fuses a stream of documents into incidents while holding only the recent ones: an incident whose every report
/// tells of days more than <see cref="WindowDays"/> before a boundary the stream has passed can no longer be
/// joined, so it is built, handed out and its reports dropped. Memory is therefore bounded by the window (about
/// three windows of news, or <c>holdEvents</c> events, whichever is more) instead of growing with the input.
/// <para>
/// How it decides, so that the result depends on the documents and not on their order: time is cut at fixed
/// boundaries every <see cref="WindowDays"/> days (multiples of the window in day numbers). The pass at boundary B
/// groups every held report of a document dated before B (its publication, or its latest event date when it has
/// none) exactly as <see cref="IncidentFusion"/> does, and keeps the incidents whose reports all end more than a
/// window before B; the others are grouped again at the next boundary, with the reports that came since. A pass
/// runs only once the newest publication read is a window past its boundary (documents may arrive that much out
/// of date order) and only when more than <c>holdEvents</c> events are held; whatever is left is passed at
/// <see cref="Complete"/>. A document dated before a boundary already passed is late: it cannot join an
/// incident handed out before it came (<see cref="LateDocuments"/>). When no document is late the output is the
/// same for any order of the same documents. What the window changes against <see cref="IncidentFusion"/>:
/// a report published more than a window after every report of an incident never joins it.
/// </para>
/// Not thread-safe (one per run).
/// </summary>
public sealed class WindowedIncidentFusion
{
    /// <summary>The default window: a month-long date ("in March") read at the end of the month still finds the month's reports.</summary>
    public const int DefaultWindowDays = 30;

    /// <summary>Events held before the first pass by default: small inputs are fused whole, in any order; a stream is cut by the window.</summary>
    public const int DefaultHoldEvents = 20_000;

    private readonly IncidentClusterer _clusterer;
    private readonly int _holdEvents;
    private readonly bool _inReportOrder;
    private readonly Dictionary<(string Document, string Event), Held> _held = [];
    private readonly List<(ReportedEvent First, Incident Incident)> _finished = [];
    private int? _newest;
    private int? _earliest;
    private int? _passed;

    /// <param name="windowDays">At least 1.</param>
    /// <param name="holdEvents">Hold at least this many events before cutting by the window (0: cut as soon as the window allows).</param>
    /// <param name="inReportOrder">
    /// Hand incidents out in the order of their earliest report (as <c>sitrep incidents</c> writes them), which holds a
    /// finished incident while a held report could still come before it; false hands each out as soon as it is final,
    /// for a caller to which the order means nothing (a store), so that no finished incident is held.
    /// </param>
    public WindowedIncidentFusion(int windowDays = DefaultWindowDays, int holdEvents = DefaultHoldEvents, FamilyTable? families = null, bool inReportOrder = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(holdEvents);
        WindowDays = windowDays;
        _holdEvents = holdEvents;
        _inReportOrder = inReportOrder;
        _clusterer = new IncidentClusterer(new ReportMatcher(families ?? FamilyTable.Default));
    }

    public int WindowDays { get; }

    /// <summary>Events held now: added and not yet in an incident handed out.</summary>
    public int HeldEvents => _held.Count;

    /// <summary>Events added so far.</summary>
    public int Events { get; private set; }

    /// <summary>Documents that came dated before a boundary already passed: they could not join incidents handed out before them.</summary>
    public int LateDocuments { get; private set; }

    /// <summary>Adds a document's events; returns the incidents that became final (in the order of their earliest report, unless asked otherwise).</summary>
    public IReadOnlyList<Incident> Add(DocumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var reports = IncidentFusion.Reports(result).ToList();
        var time = DocumentTime.Of(result.Document.Published, result.Events.IsDefaultOrEmpty ? [] : result.Events.Select(e => (e.Date?.Start, e.Date?.End)));
        if (time is { } day)
        {
            if (day < _passed) LateDocuments++;
            if (_newest is not { } newest || day > newest) _newest = day;
            if (_earliest is not { } earliest || day < earliest) _earliest = day;
        }
        foreach (var report in reports)
        {
            // A document read twice (the same id) reports each of its events once; the first reading is kept.
            if (_held.TryAdd((report.Document.Id, report.Event.Id), new Held(report, time, ReachStart(report, time), ReachEnd(report, time)))) Events++;
        }
        // Finished incidents wait for the held reports that come before them, which only a pass can take away.
        return _held.Count > _holdEvents && PassBoundaries() ? Release() : [];
    }

    /// <summary>Passes what is left; returns every incident not handed out yet.</summary>
    public IReadOnlyList<Incident> Complete()
    {
        PassBoundaries();
        if (_held.Count > 0) Pass(boundary: null);
        return Release();
    }

    /// <summary>Runs the pass of every boundary the newest publication is a window past; false when none was due.</summary>
    private bool PassBoundaries()
    {
        if (_newest is not { } newest || _earliest is not { } earliest) return false;
        int next;
        if (_passed is { } passed)
        {
            next = passed + WindowDays;
        }
        else
        {
            // The first boundary after the earliest document: where the boundaries start depends on the documents only.
            next = Boundary(earliest) + WindowDays;
        }
        var any = false;
        for (; next + WindowDays <= newest; next += WindowDays)
        {
            Pass(next);
            _passed = next;
            any = true;
        }
        return any;
    }

    /// <summary>Groups the held reports dated before the boundary (all of them when null) and keeps the incidents that can no longer change.</summary>
    private void Pass(int? boundary)
    {
        var limit = boundary - WindowDays;
        // Reports that begin after the limit cannot be in an incident that ends before it: they are grouped at a
        // later pass, with their documents' other events (a statement is about the events of its own document).
        var documents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var held in _held.Values)
        {
            if (limit is not { } l || (held.Time < boundary && held.ReachStart < l)) documents.Add(held.Report.Document.Id);
        }
        var reports = new List<ReportedEvent>();
        var reachEnds = new Dictionary<ReportedEvent, int>(ReferenceEqualityComparer.Instance);
        foreach (var held in _held.Values)
        {
            if (boundary is { } b && (held.Time is not { } t || t >= b)) continue;
            if (!documents.Contains(held.Report.Document.Id)) continue;
            reports.Add(held.Report);
            reachEnds[held.Report] = held.ReachEnd;
        }
        if (reports.Count == 0) return;
        var pass = new FusionPass(_clusterer, reports);
        var final = new bool[pass.Count];
        for (var g = 0; g < pass.Count; g++) final[g] = limit is not { } day || pass.Members(g).All(r => reachEnds[r] < day);
        // A statement's link depends on the incidents it may be about (their sizes break ties): it waits until all of
        // them are final, and they wait while it does, so that it still sees them when it is linked.
        var candidates = new List<int>?[pass.Count];
        for (var g = 0; g < pass.Count; g++)
        {
            var about = pass.AboutCandidates(g).ToList();
            if (about.Count > 0) candidates[g] = about;
        }
        for (var changed = true; changed;)
        {
            changed = false;
            for (var g = 0; g < pass.Count; g++)
            {
                if (candidates[g] is not { } about || (final[g] && about.TrueForAll(c => final[c]))) continue;
                if (final[g] || about.Exists(c => final[c])) changed = true;
                final[g] = false;
                foreach (var c in about) final[c] = false;
            }
        }
        for (var g = 0; g < pass.Count; g++)
        {
            if (!final[g]) continue;
            _finished.Add((pass.First(g), pass.Build(g)));
            foreach (var member in pass.Members(g)) _held.Remove((member.Document.Id, member.Event.Id));
        }
    }

    /// <summary>The finished incidents no held report can come before, in the order of their earliest report (every finished one, when the order does not matter).</summary>
    private List<Incident> Release()
    {
        if (_finished.Count == 0) return [];
        if (!_inReportOrder)
        {
            var all = _finished.ConvertAll(f => f.Incident);
            _finished.Clear();
            return all;
        }
        _finished.Sort(static (a, b) => ReportedEvent.CompareCanonical(a.First, b.First));
        ReportedEvent? earliestHeld = null;
        foreach (var held in _held.Values)
        {
            if (earliestHeld is null || ReportedEvent.CompareCanonical(held.Report, earliestHeld) < 0) earliestHeld = held.Report;
        }
        var count = 0;
        while (count < _finished.Count && (earliestHeld is null || ReportedEvent.CompareCanonical(_finished[count].First, earliestHeld) < 0)) count++;
        var released = _finished.GetRange(0, count).ConvertAll(f => f.Incident);
        _finished.RemoveRange(0, count);
        return released;
    }

    /// <summary>The first day a report can match another on (a statement may be about the days before it), else its document's day.</summary>
    private static int ReachStart(ReportedEvent report, int? time) =>
        report is { IsCurrent: true, From: { } from, To: { } to } && to.DayNumber - from.DayNumber < CandidateIndex.MaxDays
            ? from.DayNumber - (report.IsStatement ? StatementLinker.DaysAfter : 0)
            : time ?? int.MaxValue;

    /// <summary>The last day a report can match another on: its date's end when it is compared at all, else its document's day.</summary>
    private static int ReachEnd(ReportedEvent report, int? time) =>
        report is { IsCurrent: true, From: { } from, To: { } to } && to.DayNumber - from.DayNumber < CandidateIndex.MaxDays ? to.DayNumber : time ?? int.MaxValue;

    private int Boundary(int day) => (int)Math.Floor(day / (double)WindowDays) * WindowDays;

    private sealed record Held(ReportedEvent Report, int? Time, int ReachStart, int ReachEnd);
}
