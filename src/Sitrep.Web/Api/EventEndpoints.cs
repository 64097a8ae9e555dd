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

        api.MapGet("/events", async (IEventStore store, [AsParameters] FilterParameters filter, int? offset, int? limit, CancellationToken cancellationToken) =>
            TypedResults.Ok(await store.QueryEventsAsync(new EventQuery(filter.ToFilter(), offset ?? 0, limit ?? EventQuery.DefaultLimit), cancellationToken).ConfigureAwait(false)))
            .WithName("ListEvents")
            .WithSummary("Events matching the filters, newest first, one page at a time (limit at most 500).");

        api.MapGet("/events/{id:long}", async Task<Results<Ok<EventDetail>, NotFound>> (IEventStore store, long id, CancellationToken cancellationToken) =>
            await store.GetEventAsync(id, cancellationToken).ConfigureAwait(false) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .WithName("GetEvent")
            .WithSummary("One event with its claims, casualties, contradictions, evidence and document.");

        api.MapGet("/documents/{id:long}", async Task<Results<Ok<DocumentDetail>, NotFound>> (IEventStore store, long id, CancellationToken cancellationToken) =>
            await store.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .WithName("GetDocument")
            .WithSummary("One stored document: its text and every extracted span.");

        api.MapGet("/stats", async (IEventStore store, [AsParameters] FilterParameters filter, CancellationToken cancellationToken) =>
            TypedResults.Ok(await store.GetStatsAsync(filter.ToFilter(), cancellationToken).ConfigureAwait(false)))
            .WithName("GetStats")
            .WithSummary("Fatalities (low, best, high) of current events by day, country and side.");

        api.MapGet("/export", async Task<Results<EmptyHttpResult, BadRequest<string>>> (HttpContext context, IEventStore store, [AsParameters] FilterParameters filter, string? format, CancellationToken cancellationToken) =>
            {
                format ??= "jsonl";
                if (!StoreExporter.Formats.Contains(format, StringComparer.Ordinal))
                {
                    return TypedResults.BadRequest($"format must be one of: {string.Join(", ", StoreExporter.Formats)}");
                }
                context.Response.ContentType = StoreExporter.ContentType(format);
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"sitrep-events.{StoreExporter.FileExtension(format)}\"";
                // The format writers are synchronous TextWriter users; exports stream document by document.
                context.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
                await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true);
                await StoreExporter.WriteAsync(store, filter.ToFilter(), format, writer, cancellationToken).ConfigureAwait(false);
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
        [property: FromQuery(Name = "document")] long? Document)
    {
        public EventFilter ToFilter() => new(From, To, Country, Type, Status, Text, Document);
    }
}
