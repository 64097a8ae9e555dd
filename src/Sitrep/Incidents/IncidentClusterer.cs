namespace Sitrep.Incidents;

/// <summary>
/// Groups reports into incidents, the same whatever order they came in. Town-and-day-precise reports are merged
/// first, likeliest pairs first, and two groups merge only when every report of one may be one with every report
/// of the other (so two strikes a few kilometres apart are never chained through a vaguer third). A coarser
/// report (a province, a country, a month) then joins a group only when it is the one group it may belong to,
/// or the one in a town of the same name, or the one of the same sub-event type, since "a drone attack in the province" cannot say which of two strikes
/// there it means; coarse reports that join no group are grouped among themselves by the same rule. Every
/// decision follows the canonical order of <see cref="ReportedEvent.Rank"/>, never the input order.
/// </summary>
internal sealed class IncidentClusterer
{
    private readonly ReportMatcher _matcher;

    public IncidentClusterer(ReportMatcher matcher)
    {
        _matcher = matcher;
    }

    /// <param name="reports">Ranked: <c>reports[i].Rank == i</c>.</param>
    /// <returns>Groups of indexes into <paramref name="reports"/>, each in rank order.</returns>
    public List<int[]> Cluster(IReadOnlyList<ReportedEvent> reports)
    {
        var groups = new Groups(reports.Count);
        var preciseIndex = new CandidateIndex();
        var precise = new List<int>();
        var coarse = new List<int>();
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            // Past, future, hypothetical and negated events, and events with no date or place, stand alone.
            if (!report.IsCurrent || report.From is null || report.Place is null) continue;
            if (report.IsPrecise)
            {
                precise.Add(i);
                preciseIndex.Add(report, i);
            }
            else
            {
                coarse.Add(i);
            }
        }

        MergeEdges(reports, groups, Edges(reports, precise, preciseIndex, near: true));

        // Coarse reports decide against the precise groups as they stand now, not as other coarse reports change them.
        var joins = new List<(int Report, int Group)>();
        var left = new List<int>();
        foreach (var c in coarse)
        {
            var target = OnlyCandidate(reports, groups, c, preciseIndex);
            if (target is { } group) joins.Add((c, group));
            else left.Add(c);
        }
        foreach (var (report, group) in joins) groups.Union(group, report);

        var coarseIndex = new CandidateIndex();
        foreach (var c in left) coarseIndex.Add(reports[c], c);
        MergeEdges(reports, groups, Edges(reports, left, coarseIndex, near: false));
        return groups.All();
    }

    private List<(int Affinity, int A, int B)> Edges(IReadOnlyList<ReportedEvent> reports, List<int> members, CandidateIndex index, bool near)
    {
        var edges = new List<(int, int, int)>();
        var seen = new HashSet<int>();
        foreach (var i in members)
        {
            seen.Clear();
            var report = reports[i];
            foreach (var j in near ? index.Near(report) : index.SameCountry(report))
            {
                if (j <= i || !seen.Add(j)) continue;
                if (_matcher.MayBeOne(report, reports[j])) edges.Add((ReportMatcher.Affinity(report, reports[j]), i, j));
            }
        }
        // Likeliest first; among equals, the canonical order.
        edges.Sort(static (x, y) => x.Item1 != y.Item1 ? y.Item1.CompareTo(x.Item1) : x.Item2 != y.Item2 ? x.Item2.CompareTo(y.Item2) : x.Item3.CompareTo(y.Item3));
        return edges;
    }

    private void MergeEdges(IReadOnlyList<ReportedEvent> reports, Groups groups, List<(int Affinity, int A, int B)> edges)
    {
        foreach (var (_, a, b) in edges)
        {
            var first = groups.Find(a);
            var second = groups.Find(b);
            if (first == second) continue;
            if (groups.Members(first).All(x => groups.Members(second).All(y => _matcher.MayBeOne(reports[x], reports[y])))) groups.Union(first, second);
        }
    }

    /// <summary>The one precise group a coarse report may belong to, else the one in a town of the same name, else the one of its own sub-event type, else null.</summary>
    private int? OnlyCandidate(IReadOnlyList<ReportedEvent> reports, Groups groups, int c, CandidateIndex preciseIndex)
    {
        var report = reports[c];
        var fitting = new SortedSet<int>();
        var checkedGroups = new HashSet<int>();
        foreach (var j in preciseIndex.SameCountry(report))
        {
            var group = groups.Find(j);
            if (!checkedGroups.Add(group)) continue;
            if (groups.Members(group).All(m => _matcher.MayBeOne(report, reports[m]))) fitting.Add(group);
        }
        if (fitting.Count == 1) return fitting.Min;
        // A city that shares its name with its province ("Kherson") is often resolved to the province; a group in
        // the town of that very name is the one meant.
        var sameName = fitting.Where(g => groups.Members(g).Any(m => string.Equals(reports[m].Place?.Name, report.Place?.Name, StringComparison.OrdinalIgnoreCase))).ToList();
        if (sameName.Count == 1) return sameName[0];
        var sameType = fitting.Where(g => groups.Members(g).Any(m => string.Equals(reports[m].Event.SubEventType, report.Event.SubEventType, StringComparison.Ordinal))).ToList();
        return sameType.Count == 1 ? sameType[0] : null;
    }

    /// <summary>Union-find that keeps each group's members.</summary>
    private sealed class Groups
    {
        private readonly int[] _parent;
        private readonly List<int>?[] _members;

        public Groups(int count)
        {
            _parent = new int[count];
            _members = new List<int>?[count];
            for (var i = 0; i < count; i++) _parent[i] = i;
        }

        public int Find(int x)
        {
            while (_parent[x] != x)
            {
                _parent[x] = _parent[_parent[x]];
                x = _parent[x];
            }
            return x;
        }

        public List<int> Members(int root) => _members[root] ?? [root];

        public void Union(int a, int b)
        {
            var ra = Find(a);
            var rb = Find(b);
            if (ra == rb) return;
            // The smaller rank stays the root, so a group's root is its first report whatever the merge order.
            if (rb < ra) (ra, rb) = (rb, ra);
            var merged = _members[ra] ?? [ra];
            merged.AddRange(Members(rb));
            _members[ra] = merged;
            _members[rb] = null;
            _parent[rb] = ra;
        }

        public List<int[]> All()
        {
            var result = new List<int[]>();
            for (var i = 0; i < _parent.Length; i++)
            {
                if (_parent[i] != i) continue;
                var members = Members(i).ToArray();
                Array.Sort(members);
                result.Add(members);
            }
            return result;
        }
    }
}
