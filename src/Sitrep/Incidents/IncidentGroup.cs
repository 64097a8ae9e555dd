using System.Collections.Immutable;

namespace Sitrep.Incidents;

/// <summary>
/// An incident before it is built: its id, its reports in canonical order and, for a statement, the incident it is
/// about. Which reports make an incident is the fusion's one decision that needs the other incidents; the record
/// itself follows from these reports alone (<c>IncidentFusion.Build(group, reports)</c>),
/// so a store keeps the groups and builds a record when it is asked for.
/// </summary>
public sealed record IncidentGroup(string Id, ImmutableArray<ReportKey> Reports, string? About);

/// <summary>One report of an incident: a document's id and the id of its event.</summary>
public readonly record struct ReportKey(string Document, string Event);
