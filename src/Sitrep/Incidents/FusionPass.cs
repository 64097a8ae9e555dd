using Sitrep.Output;

namespace Sitrep.Incidents;

/// <summary>
/// One clustering of a set of reports into incidents: ranks them in the canonical order, groups them, links
/// statements to what they are about, and builds the incidents asked for. <see cref="IncidentFusion"/> runs one
/// pass over every report; <see cref="WindowedIncidentFusion"/> runs one per window boundary and builds only the
/// incidents that can no longer change, so each incident is built once however often its reports were grouped.
/// </summary>
internal sealed class FusionPass
{
    private readonly List<ReportedEvent> _reports;
    private readonly List<int[]> _groups;
    private readonly StatementLinker _linker;
    private readonly string[] _ids;

    /// <param name="reports">Any order; sorted here (the list is reordered in place).</param>
    public FusionPass(IncidentClusterer clusterer, List<ReportedEvent> reports)
    {
        reports.Sort(ReportedEvent.CompareCanonical);
        for (var i = 0; i < reports.Count; i++) reports[i].Rank = i;
        _reports = reports;
        _groups = clusterer.Cluster(reports);
        // Earliest report first; groups hold their reports in rank order.
        _groups.Sort(static (a, b) => a[0].CompareTo(b[0]));
        var incidentOf = new int[reports.Count];
        var sizes = new int[_groups.Count];
        for (var g = 0; g < _groups.Count; g++)
        {
            sizes[g] = _groups[g].Length;
            foreach (var i in _groups[g]) incidentOf[i] = g;
        }
        _linker = new StatementLinker(reports, incidentOf, sizes);
        _ids = new string[_groups.Count];
    }

    /// <summary>How many incidents the pass found.</summary>
    public int Count => _groups.Count;

    /// <summary>The reports of incident <paramref name="g"/>, earliest first.</summary>
    public IEnumerable<ReportedEvent> Members(int g) => _groups[g].Select(i => _reports[i]);

    /// <summary>The earliest report of incident <paramref name="g"/> (its id and its place in the output come from it).</summary>
    public ReportedEvent First(int g) => _reports[_groups[g][0]];

    /// <summary>For a statement, the incidents it could be about (it links to one of them, or to none on a tie); else nothing.</summary>
    public IEnumerable<int> AboutCandidates(int g) => First(g).IsStatement ? _linker.Candidates(_groups[g]) : [];

    public Incident Build(int g)
    {
        var group = _groups[g];
        var members = new List<ReportedEvent>(group.Length);
        foreach (var i in group) members.Add(_reports[i]);
        return IncidentBuilder.Build(Id(g), members, About(g));
    }

    /// <summary>For a statement, the id of the incident it is about; else null.</summary>
    public string? About(int g) => First(g).IsStatement && _linker.About(_groups[g]) is { } target ? Id(target) : null;

    // Ids are hashed only for the incidents built and the ones a statement is about.
    public string Id(int g) => _ids[g] ??= IncidentIds.From(First(g).Document.Id, First(g).Event.Id);
}
