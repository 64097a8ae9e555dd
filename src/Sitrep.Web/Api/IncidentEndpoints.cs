using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sitrep.Store;
using Sitrep.Store.Model;

namespace Sitrep.Web.Api;

/// <summary>
/// The incidents API (docs/INCIDENTS.md): incidents filtered like events (an incident matches when one of its
/// reports does) plus <c>min_reports</c>, newest first; and one incident in full, with the stored event of each report.
/// </summary>
internal static class IncidentEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api");

        api.MapMethods("/incidents", SitrepWebHost.GetAndHead, async Task<Results<Ok<IncidentPage>, ValidationProblem>> (
                IEventStore store, [AsParameters] EventEndpoints.FilterParameters filter, [FromQuery(Name = "min_reports")] string? minReports, int? offset, int? limit, CancellationToken cancellationToken) =>
            {
                var problems = filter.Check(out var checkedFilter).ToList();
                var least = 1;
                if (minReports is not null && (!int.TryParse(minReports, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out least) || least < 1))
                {
                    problems.Add(new FilterProblem("min_reports", minReports, "expected a count of 1 or more"));
                }
                if (problems.Count > 0)
                {
                    return TypedResults.ValidationProblem(
                        problems.GroupBy(p => p.Parameter, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.ToString()).ToArray(), StringComparer.Ordinal),
                        detail: string.Join("; ", problems),
                        title: "Invalid query parameter");
                }
                var query = new IncidentQuery(checkedFilter, least, offset ?? 0, limit ?? IncidentQuery.DefaultLimit);
                return TypedResults.Ok(await store.QueryIncidentsAsync(query, cancellationToken).ConfigureAwait(false));
            })
            .AddEndpointFilter(ReadCaching.Filter)
            .WithName("ListIncidents")
            .WithSummary("Incidents (one real event told by one or more reports) with a report matching the events' filters and at least min_reports reports, newest first (limit at most 500).");

        api.MapMethods("/incidents/{id}", SitrepWebHost.GetAndHead, async Task<Results<Ok<IncidentDetail>, NotFound>> (IEventStore store, string id, CancellationToken cancellationToken) =>
            await store.GetIncidentAsync(id, cancellationToken).ConfigureAwait(false) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .AddEndpointFilter(ReadCaching.Filter)
            .WithName("GetIncident")
            .WithSummary("One incident in full (sitrep-1-incident: reports, claims side by side, revisions, contradictions) with the stored event id of each report.");

        // The event view names the incident its event belongs to: two index seeks, asked beside the event itself. No ETag:
        // a new batch may move the event to another incident, and the store's version rises before the incidents are assigned.
        // No incident is an answer, not an error (204): most events of a store written before incidents existed have none.
        api.MapMethods("/events/{id:long}/incident", SitrepWebHost.GetAndHead, async Task<Results<Ok<IncidentSummary>, NoContent>> (IEventStore store, long id, CancellationToken cancellationToken) =>
            await store.GetIncidentOfEventAsync(id, cancellationToken).ConfigureAwait(false) is { } incident ? TypedResults.Ok(incident) : TypedResults.NoContent())
            .WithName("GetIncidentOfEvent")
            .WithSummary("The incident a stored event reports (as the incidents list shows it); 204 No Content when it has none (an unknown event, or one not assigned yet).");
    }
}
