using Sitrep.Incidents;

namespace Sitrep.Store.Model;

/// <summary>
/// A page of stored incidents: those with a report (an event) that matches <paramref name="Filter"/> (the events'
/// filters, so the same query string selects events and incidents alike) and at least <paramref name="MinReports"/> reports.
/// </summary>
public sealed record IncidentQuery(EventFilter Filter, int MinReports = 1, int Offset = 0, int Limit = IncidentQuery.DefaultLimit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
}

/// <summary>Incidents newest first (by their date's start, then id), and how many match in all.</summary>
public sealed record IncidentPage(long Total, int Offset, int Limit, IReadOnlyList<IncidentSummary> Incidents);

/// <summary>One incident as lists show it: what the incidents table holds besides the whole record.</summary>
public sealed record IncidentSummary(
    string Id,
    string EventType,
    string? SubEventType,
    string Status,
    string? DateStart,
    string? DateEnd,
    string? DatePrecision,
    string? Location,
    string? Country,
    string? Admin1,
    double? Lat,
    double? Lon,
    long? FatalitiesLow,
    long? FatalitiesBest,
    long? FatalitiesHigh,
    int Reports,
    int Documents,
    string? FirstReport,
    string? LastReport,
    string? About);

/// <summary>
/// One stored incident in full (sitrep-1-incident), with the store's ids of the events that report it, in the
/// order of <see cref="Incident.Reports"/>, so that each report is one request from its evidence (/api/events/{id}).
/// </summary>
public sealed record IncidentDetail(Incident Incident, IReadOnlyList<StoredIncidentReport> Events);

/// <summary>A report of an incident: the stored event and document it is.</summary>
public sealed record StoredIncidentReport(long EventId, long DocumentId, string Document, string Event);

/// <summary>What one assignment did: how many documents' events it (re)assigned and how many incidents it wrote.</summary>
public readonly record struct IncidentAssignment(int Documents, int Incidents);
