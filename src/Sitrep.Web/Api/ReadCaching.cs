using Microsoft.AspNetCore.Http;
using Sitrep.Store;

namespace Sitrep.Web.Api;

/// <summary>
/// ETag and Cache-Control on the read endpoints. A store only grows, and every stored batch raises its
/// version, so the version is a validator for every read answer: a client (or a proxy in front of several
/// API servers) that sends it back in If-None-Match gets 304 without a query while nothing new is stored.
/// "no-cache" makes caches ask each time rather than serve an answer that a new ingest has outdated.
/// </summary>
internal static class ReadCaching
{
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var store = http.RequestServices.GetService(typeof(IEventStore)) as IEventStore;
        var version = store is null ? null : await store.GetVersionAsync(http.RequestAborted).ConfigureAwait(false);
        if (version is null) return await next(context).ConfigureAwait(false);
        // Weak: the same data may be sent compressed or not.
        var tag = $"W/\"v{version}\"";
        if (http.Request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Any(t => t.Trim() == tag || t.Trim() == "*")))
        {
            http.Response.Headers.ETag = tag;
            http.Response.Headers.CacheControl = "no-cache";
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var result = await next(context).ConfigureAwait(false);
        if (http.Response.StatusCode == StatusCodes.Status200OK && !http.Response.HasStarted)
        {
            http.Response.Headers.ETag = tag;
            http.Response.Headers.CacheControl = "no-cache";
        }
        return result;
    }
}
