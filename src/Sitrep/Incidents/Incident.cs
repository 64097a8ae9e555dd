using System.Collections.Immutable;
using Sitrep.Output;

namespace Sitrep.Incidents;

/// <summary>
/// One real-world event, built from the events of every document that reports it, with all of their claims
/// side by side (<c>sitrep incidents</c>; docs/INCIDENTS.md). Field names are those of sitrep/1 where it has them.
/// </summary>
/// <param name="Id">Stable: derived from the earliest report, never from processing order.</param>
/// <param name="Date">The most precise date the reports agree on (its <c>text</c> is null: the words belong to each document).</param>
/// <param name="Location">The most precise place reported (its offsets are null: they belong to each document).</param>
/// <param name="Fatalities">Current killed, reconciled over the claims that still stand.</param>
/// <param name="Claims">Every claim of every report, relays of one claim merged, casualty figures with their counts.</param>
/// <param name="Revisions">Figures a claimant changed over time (a rising toll), oldest first.</param>
/// <param name="About">For a statement: the incident it is about, or null.</param>
/// <param name="FirstReport">Publication of the earliest report, as sitrep/1's <c>published</c>.</param>
/// <param name="LastReport">Publication of the latest report.</param>
public sealed record Incident(
    string Id,
    string EventType,
    string SubEventType,
    string Status,
    DateRange? Date,
    Location? Location,
    ImmutableArray<IncidentActor> Actors,
    Fatalities? Fatalities,
    ImmutableArray<IncidentReport> Reports,
    ImmutableArray<IncidentClaim> Claims,
    ImmutableArray<TollRevision> Revisions,
    string? About,
    string? FirstReport,
    string? LastReport);

/// <summary>One document's event that reports the incident.</summary>
/// <param name="Document">The input document's id.</param>
/// <param name="Event">The event's id in that document's sitrep/1 result.</param>
public sealed record IncidentReport(string Document, string Event, string? Published, string? Source, string? Url);

/// <summary>A participant as the reports name it (offsets stay with each document).</summary>
public sealed record IncidentActor(string Name, string? Country, string Kind, string Role);

/// <summary>
/// A claim as one claimant made it, with every report that carries it: the same figure from the same claimant
/// relayed by several outlets is one claim with several reports, and counts once.
/// </summary>
/// <param name="Id">"k1", "k2"... in the incident.</param>
/// <param name="Casualty">For a casualty figure: what it counts; null for other propositions.</param>
/// <param name="Via">Every relay named by any report, and the outlets that carried it.</param>
/// <param name="Counted">Whether the claim counts in <see cref="Incident.Fatalities"/> (a current killed figure not revised since).</param>
/// <param name="RevisedBy">The later claim by the same claimant that replaced this one, or null.</param>
/// <param name="Contradicts">Claims of the incident that contradict this one, in any document.</param>
public sealed record IncidentClaim(
    string Id,
    string Text,
    string? Claimant,
    ImmutableArray<string> Via,
    ClaimedCasualty? Casualty,
    bool Counted,
    string? RevisedBy,
    ImmutableArray<string> Contradicts,
    ImmutableArray<ClaimSource> Reports);

/// <summary>What a casualty claim counts (the sitrep/1 casualty without its offsets).</summary>
public sealed record ClaimedCasualty(string Outcome, Count? Count, Victims Victims, string Status);

/// <summary>Where a claim was read: the document, its event and, when sitrep/1 lists it there, the claim's id.</summary>
public sealed record ClaimSource(string Document, string Event, string? Claim, string? Published, int Start, int End);

/// <summary>One claimant's figure for one group of victims, as it changed: the claims in time order, the last one standing.</summary>
public sealed record TollRevision(string? Claimant, string Outcome, string Category, string? Side, ImmutableArray<string> Claims);
