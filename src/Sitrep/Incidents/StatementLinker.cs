namespace Sitrep.Incidents;

/// <summary>
/// Finds the incident a statement is about (its <c>about</c>), without making the statement part of it. A statement
/// in a document that also reports an incident is about that incident (the one most of its documents report); a
/// statement alone in its document ("the UN condemned the strike on the market") is about the one incident at its
/// place in the days before it (statements follow events by a few days), or the most reported of several; a tie
/// links nothing rather than a guess.
/// </summary>
internal sealed class StatementLinker
{
    /// <summary>How many days a statement may follow the event it is about.</summary>
    public const int DaysAfter = 3;

    private readonly IReadOnlyList<ReportedEvent> _reports;
    private readonly int[] _incidentOf;
    private readonly int[] _incidentSize;
    private readonly Dictionary<string, List<int>> _byDocument = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Day, string Country), List<int>> _byDay = [];

    /// <param name="incidentOf">For each report, the index of its incident.</param>
    public StatementLinker(IReadOnlyList<ReportedEvent> reports, int[] incidentOf, int[] incidentSize)
    {
        _reports = reports;
        _incidentOf = incidentOf;
        _incidentSize = incidentSize;
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            if (report.IsStatement || !report.IsCurrent) continue;
            if (!_byDocument.TryGetValue(report.Document.Id, out var inDocument)) _byDocument[report.Document.Id] = inDocument = [];
            inDocument.Add(i);
            if (report.From is not { } from || report.To is not { } to || to.DayNumber - from.DayNumber >= CandidateIndex.MaxDays || report.Place?.Country is not { } country) continue;
            for (var day = from.DayNumber; day <= to.DayNumber; day++)
            {
                if (!_byDay.TryGetValue((day, country), out var onDay)) _byDay[(day, country)] = onDay = [];
                onDay.Add(i);
            }
        }
    }

    /// <summary>The index of the incident the statement reports are about, or null.</summary>
    public int? About(IReadOnlyList<int> statementReports)
    {
        var votes = Votes(statementReports);
        if (votes.Count == 0) return null;
        var ranked = votes.OrderByDescending(v => v.Value).ThenByDescending(v => _incidentSize[v.Key]).ThenBy(v => v.Key).ToList();
        if (ranked.Count > 1 && ranked[0].Value == ranked[1].Value && _incidentSize[ranked[0].Key] == _incidentSize[ranked[1].Key]) return null;
        return ranked[0].Key;
    }

    /// <summary>The incidents the statement could be about: its link is final only once all of them are.</summary>
    public IEnumerable<int> Candidates(IReadOnlyList<int> statementReports) => Votes(statementReports).Keys;

    private Dictionary<int, int> Votes(IReadOnlyList<int> statementReports)
    {
        var votes = new Dictionary<int, int>();
        foreach (var s in statementReports)
        {
            if (!_byDocument.TryGetValue(_reports[s].Document.Id, out var inDocument)) continue;
            foreach (var incident in inDocument.Select(i => _incidentOf[i]).Distinct()) votes[incident] = votes.GetValueOrDefault(incident) + 1;
        }
        if (votes.Count == 0)
        {
            foreach (var s in statementReports)
            {
                foreach (var incident in Nearby(_reports[s])) votes[incident] = votes.GetValueOrDefault(incident) + 1;
            }
        }
        return votes;
    }

    private HashSet<int> Nearby(ReportedEvent statement)
    {
        if (statement.From is not { } from || statement.To is not { } to || statement.Place is not { Country: { } country } place) return [];
        var found = new HashSet<int>();
        for (var day = from.DayNumber - DaysAfter; day <= to.DayNumber; day++)
        {
            if (!_byDay.TryGetValue((day, country), out var onDay)) continue;
            foreach (var i in onDay)
            {
                if (_reports[i].Place is { } other && PlaceAgreement.Agree(place, other)) found.Add(_incidentOf[i]);
            }
        }
        return found;
    }
}
