using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sitrep.Store;
using Sitrep.Store.Export;
using Sitrep.Store.Model;

namespace Sitrep.Web.Api;

/// <summary>The JSON API: events (filtered, paged), one event, one document, statistics and exports.</summary>
internal static class EventEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api");

        api.MapMethods("/events", SitrepWebHost.GetAndHead, async Task<Results<Ok<EventPage>, ValidationProblem>> (IEventStore store, [AsParameters] FilterParameters filter, int? offset, int? limit, string? after, CancellationToken cancellationToken) =>
            {
                var problems = filter.Check(out var checkedFilter).ToList();
                EventCursor? cursor = null;
                if (after is not null && !EventCursor.TryParse(after, out cursor))
                {
                    problems.Add(new FilterProblem("after", after, "not a cursor: give the 'next' value of the previous page"));
                }
                return problems.Count > 0 ? Invalid(problems)
                    : TypedResults.Ok(await store.QueryEventsAsync(new EventQuery(checkedFilter, offset ?? 0, limit ?? EventQuery.DefaultLimit, cursor), cancellationToken).ConfigureAwait(false));
            })
            .AddEndpointFilter(ReadCaching.Filter)
            .WithName("ListEvents")
            .WithSummary("Events matching the filters, newest first, one page at a time (limit at most 500); 'next' is the cursor of the following page, for 'after' (deep pages at the cost of the first). A filter value that makes no sense is a 400 naming it.");

        api.MapMethods("/events/{id:long}", SitrepWebHost.GetAndHead, async Task<Results<Ok<EventDetail>, NotFound>> (IEventStore store, long id, CancellationToken cancellationToken) =>
            await store.GetEventAsync(id, cancellationToken).ConfigureAwait(false) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .AddEndpointFilter(ReadCaching.Filter)
            .WithName("GetEvent")
            .WithSummary("One event with its claims, casualties, contradictions, evidence and document.");

        api.MapMethods("/documents/{id:long}", SitrepWebHost.GetAndHead, async Task<Results<Ok<DocumentDetail>, NotFound>> (IEventStore store, long id, CancellationToken cancellationToken) =>
            await store.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .AddEndpointFilter(ReadCaching.Filter)
            .WithName("GetDocument")
            .WithSummary("One stored document: its text and every extracted span.");

        api.MapMethods("/stats", SitrepWebHost.GetAndHead, async Task<Results<Ok<FatalityStats>, ValidationProblem>> (IEventStore store, EventDigestCache digests, [AsParameters] FilterParameters filter, CancellationToken cancellationToken) =>
            filter.Check(out var checkedFilter) is { Count: > 0 } problems ? Invalid(problems)
            // Unfiltered (the overview's first view) from memory; filtered from the database's indexes.
            : TypedResults.Ok(checkedFilter == EventFilter.All
                ? await digests.StatsAsync(cancellationToken).ConfigureAwait(false)
                : await store.GetStatsAsync(checkedFilter, cancellationToken).ConfigureAwait(false)))
            .AddEndpointFilter(ReadCaching.Filter)
            .WithName("GetStats")
            .WithSummary("Fatalities (low, best, high) of current events by day, country and side.");

        api.MapMethods("/export", SitrepWebHost.GetAndHead, async Task<Results<EmptyHttpResult, ValidationProblem>> (HttpContext context, IEventStore store, [AsParameters] FilterParameters filter, string? format, CancellationToken cancellationToken) =>
            {
                format ??= "jsonl";
                var problems = filter.Check(out var checkedFilter).ToList();
                if (!StoreExporter.Formats.Contains(format, StringComparer.Ordinal))
                {
                    problems.Insert(0, new FilterProblem("format", format, $"unknown format: expected one of {string.Join(", ", StoreExporter.Formats)}"));
                }
                if (problems.Count > 0) return Invalid(problems);
                context.Response.ContentType = StoreExporter.ContentType(format);
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"sitrep-events.{StoreExporter.FileExtension(format)}\"";
                // The format writers are synchronous TextWriter users; exports stream document by document.
                context.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
                await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true);
                await StoreExporter.WriteAsync(store, checkedFilter, format, writer, cancellationToken).ConfigureAwait(false);
                return TypedResults.Empty;
            })
            .WithName("ExportEvents")
            .WithSummary("Events matching the filters as acled-csv, geojson or jsonl (the contract's documents).");
    }

    /// <summary>The filters every list, statistic and export takes, from the query string.</summary>
    internal sealed record FilterParameters(
        [property: FromQuery(Name = "from")] string? From,
        [property: FromQuery(Name = "to")] string? To,
        [property: FromQuery(Name = "country")] string? Country,
        [property: FromQuery(Name = "type")] string? Type,
        [property: FromQuery(Name = "status")] string? Status,
        [property: FromQuery(Name = "text")] string? Text,
        [property: FromQuery(Name = "document")] long? Document,
        [property: FromQuery(Name = "actor")] string? Actor = null,
        [property: FromQuery(Name = "minFatalities")] string? MinFatalities = null,
        [property: FromQuery(Name = "bbox")] string? Bbox = null,
        [property: FromQuery(Name = "minRelevance")] string? MinRelevance = null)
    {
        /// <summary>The filter in the store's form, and every parameter that makes no sense (then the filter is not to be used).</summary>
        public IReadOnlyList<FilterProblem> Check(out EventFilter filter)
        {
            var found = new List<FilterProblem>();
            var raw = new EventFilter(From, To, Country, Type, Status, Text, Document, Actor,
                ArgumentFilters.MinFatalities(MinFatalities, found), ArgumentFilters.Area(Bbox, found),
                ArgumentFilters.MinRelevance(MinRelevance, found));
            filter = FilterValues.Check(raw, "", out var problems);
            found.AddRange(problems);
            return found;
        }
    }

    /// <summary>An RFC 9457 body: "errors" maps each bad parameter to why; "detail" says it in one line.</summary>
    private static ValidationProblem Invalid(IReadOnlyList<FilterProblem> problems) =>
        TypedResults.ValidationProblem(
            problems.GroupBy(p => p.Parameter, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.ToString()).ToArray(), StringComparer.Ordinal),
            detail: string.Join("; ", problems),
            title: "Invalid query parameter");
}
