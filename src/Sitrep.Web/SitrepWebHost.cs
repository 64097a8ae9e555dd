using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sitrep.Store;
using Sitrep.Watch.State;
using Sitrep.Web.Api;
using Sitrep.Web.Assets;

namespace Sitrep.Web;

/// <summary>
/// The HTTP host of <c>sitrep serve</c> and <c>sitrep demo</c>: the JSON API under /api, its OpenAPI
/// document at /openapi/v1.json, and the dashboard's embedded files, all on Kestrel.
/// </summary>
public static class SitrepWebHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Builds (does not start) the host over an open store. The caller owns the store.</summary>
    /// <param name="urls">Where to listen; "http://127.0.0.1:0" picks a free port (see <see cref="ListeningUrls"/>).</param>
    /// <param name="allowedHosts">Host header values to answer (see <see cref="HostAllowList"/>); null: the hosts of <paramref name="urls"/>.</param>
    /// <param name="watch">What <c>sitrep watch</c> keeps in the same database, for the Sources page; null: no sources listed. The caller owns it.</param>
    public static WebApplication Build(IEventStore store, string urls = DefaultUrl, LogLevel logLevel = LogLevel.Warning, IReadOnlyList<string>? allowedHosts = null, WatchState? watch = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(SitrepWebHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(logLevel);
        // The host logs a failed start (a busy port) with its stack trace, then throws the same exception,
        // which the command line turns into one line; the log would only repeat it.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(EmbeddedAssets.Load());
        DashboardEndpoints.AddServices(builder.Services, store);
        LiveEndpoints.AddServices(builder.Services);
        // Every error answer carries an RFC 9457 body (application/problem+json), whoever produced it.
        builder.Services.AddProblemDetails();
        // A page on another site can point its own name at 127.0.0.1 (DNS rebinding) and read the API
        // with the victim's browser; only Host names this server was told to listen on are answered.
        var hosts = allowedHosts ?? HostAllowList.FromUrls(urls);
        builder.Services.Configure<HostFilteringOptions>(options =>
        {
            options.AllowedHosts = [.. hosts];
            options.AllowEmptyHosts = false;
            options.IncludeFailureMessage = false;
        });
        // The web host puts its own host filter first in the pipeline (a startup filter); ours goes before
        // it, so that its refusals too get a problem body and the security headers.
        builder.Services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, OutermostMiddleware>());
        // Lists, documents and exports are JSON, CSV and text, which shrink several times over the wire
        // (a 500-event page from about 300 KB to about 30 KB); sent compressed when the client asks for it.
        builder.Services.AddResponseCompression(options =>
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/geo+json", "text/csv", "application/x-ndjson", "application/problem+json"]));
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Sitrep API";
            document.Info.Description = "Conflict events extracted from news articles, with their claims and evidence.";
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        // Also here, in case a host builder stops adding its own.
        app.UseHostFiltering();
        app.UseResponseCompression();
        app.MapOpenApi("/openapi/{documentName}.json");
        EventEndpoints.Map(app);
        DashboardEndpoints.Map(app);
        HealthEndpoints.Map(app);
        LiveEndpoints.Map(app);
        SourceEndpoints.Map(app, watch);
        IncidentEndpoints.Map(app);
        MapAssets(app);
        return app;
    }

    /// <summary>The addresses Kestrel actually listens on (after start), e.g. with a port picked by the system.</summary>
    public static IReadOnlyList<string> ListeningUrls(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>Security headers on every response, and a problem body for every error: the first things a request meets.</summary>
    private sealed class OutermostMiddleware : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                context.Response.OnStarting(() =>
                {
                    SecurityHeaders.Apply(context.Response);
                    return Task.CompletedTask;
                });
                await nextMiddleware(context).ConfigureAwait(false);
            });
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            next(app);
        };
    }

    /// <summary>Every read is answered to HEAD as to GET (Kestrel sends the headers without the body).</summary>
    internal static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    private static void MapAssets(WebApplication app)
    {
        app.MapMethods("/{**path}", GetAndHead, (HttpContext context, EmbeddedAssets assets, string? path) =>
        {
            if (!assets.TryGet("/" + (path ?? ""), out var asset)) return Results.NotFound();
            if (context.Request.Headers.IfNoneMatch == asset.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
            context.Response.Headers.ETag = asset.ETag;
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(asset.Bytes, asset.ContentType);
        }).ExcludeFromDescription();
    }
}
