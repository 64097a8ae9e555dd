using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sitrep.Store;

namespace Sitrep.Web.Api;

/// <summary>
/// <c>/healthz</c> for load balancers, systemd watchdogs and container probes: 200 "ok" when the store answers a
/// query, 503 when it does not. The probe reads one document by a key no document has: an index lookup, cheap
/// on any size of database (a count would scan it).
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapMethods("/healthz", SitrepWebHost.GetAndHead, async (IEventStore store, CancellationToken cancellationToken) =>
        {
            try
            {
                await store.GetDocumentAsync(-1, cancellationToken).ConfigureAwait(false);
                return Results.Text("ok\n", "text/plain");
            }
            catch (Exception e) when (e is DbException or StoreException or IOException or TimeoutException)
            {
                return Results.Text($"store unavailable: {e.Message}\n", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).ExcludeFromDescription();
}
