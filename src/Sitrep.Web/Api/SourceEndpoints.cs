using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Sitrep.Watch.State;

namespace Sitrep.Web.Api;

/// <summary>
/// <c>/api/sources</c>: each source <c>sitrep watch</c> follows into this database, with its health (last
/// success, last error and how many failures in a row, documents stored today), for the dashboard's Sources
/// page and for monitoring. A server given no watch state (a database nobody watches) lists none.
/// </summary>
internal static class SourceEndpoints
{
    public static void Map(WebApplication app, WatchState? watch) =>
        app.MapGroup("/api").MapMethods("/sources", SitrepWebHost.GetAndHead, async Task<Results<Ok<SourcesAnswer>, ProblemHttpResult>> (HttpContext context, CancellationToken cancellationToken) =>
            {
                var now = DateTimeOffset.UtcNow;
                IReadOnlyList<SourceHealth> sources;
                try
                {
                    sources = watch is null ? [] : await watch.HealthAsync(now, cancellationToken).ConfigureAwait(false);
                }
                catch (DbException e)
                {
                    // A database the events can be read from but the watcher's tables cannot (e.g. a WAL file in a read-only folder).
                    return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The watcher's state cannot be read");
                }
                // Health changes with every poll, stored or not: never served from a cache.
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(new SourcesAnswer(now, new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero), sources));
            })
            .WithName("ListSources")
            .WithSummary("The sources 'sitrep watch' follows into this database: last success, last error, failures in a row, documents stored today (UTC).");
}

/// <summary>The sources' health as of <paramref name="AsOf"/>; "today" began at <paramref name="TodayFrom"/> (UTC).</summary>
internal sealed record SourcesAnswer(DateTimeOffset AsOf, DateTimeOffset TodayFrom, IReadOnlyList<SourceHealth> Sources);
