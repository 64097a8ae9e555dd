using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Sitrep.Pipeline;
using Sitrep.Watch;
using Sitrep.Watch.Alerts;
using Sitrep.Watch.Configuration;
using Sitrep.Watch.Fetching;
using Sitrep.Watch.Sources;
using Sitrep.Watch.State;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep watch</c>: follows the sources of a sources file, stores what is new and raises alerts
/// (docs/WATCH.md). <c>--once</c> polls every source once and exits (cron, tests); otherwise it runs until
/// SIGTERM or Ctrl+C, after which the polls under way finish and are recorded.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var sourcesFile = new Option<string>("--sources")
        {
            Description = "Sources file: feed or page URLs one a line (# comments), or the JSON form with per-source settings (docs/WATCH.md).",
            Required = true,
        };
        var alertsFile = new Option<string?>("--alerts") { Description = "Alert rules and sinks (JSON, docs/WATCH.md); no alerts without it." };
        var once = new Option<bool>("--once") { Description = "Poll every source once, store, alert, and exit." };
        var logFormat = new Option<string>("--log-format")
        {
            Description = "Logs on standard error: simple (one line each) or json (one JSON object each).",
            DefaultValueFactory = _ => "simple",
        };
        logFormat.AcceptOnlyFromAmong("simple", "json");
        var parallel = new Option<int>("--parallel")
        {
            Description = "Sources polled at the same time by this worker (each host still gets its own polite pace).",
            DefaultValueFactory = _ => 4,
        };
        var hostGap = new Option<double>("--host-gap")
        {
            Description = "Least seconds between two requests to one host (robots.txt Crawl-delay makes it longer).",
            DefaultValueFactory = _ => 1.0,
        };
        var store = new StoreOptions();
        var command = new Command("watch", "Follow news sources: poll feeds and front pages, store new articles' events, raise alerts.")
        {
            sourcesFile, store.Database, store.Postgres, alertsFile, once, logFormat, parallel, hostGap,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(parallel) < 1) throw new UsageException("--parallel: must be at least 1.");
            var gap = parse.GetValue(hostGap);
            if (!(gap >= 0) || double.IsInfinity(gap)) throw new UsageException("--host-gap: must be 0 or more seconds.");
            var pipeline = new ExtractionPipeline();
            IReadOnlyList<WatchSource> sources;
            AlertSettings? alerts;
            try
            {
                sources = SourcesFile.Load(parse.GetValue(sourcesFile)!, pipeline.SupportedLanguages);
                alerts = parse.GetValue(alertsFile) is { } rules ? AlertsFile.Load(rules) : null;
            }
            catch (ConfigurationFileException e)
            {
                throw new UsageException(e.Message);
            }

            // Everything the watch holds, the logging provider among them, is disposed before the summary is written:
            // the console logger writes from a queue of its own, and lines still queued would follow the summary.
            var report = new WatchReport();
            async Task WatchAsync()
            {
                var fetchOptions = new FetchOptions { HostGap = TimeSpan.FromSeconds(gap) };
                var services = new ServiceCollection();
                services.AddLogging(logging =>
                {
                    logging.SetMinimumLevel(LogLevel.Information);
                    logging.AddFilter("System.Net.Http", LogLevel.Warning);
                    logging.AddFilter("Polly", LogLevel.Warning);
                    logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);
                    if (parse.GetValue(logFormat) == "json") logging.AddJsonConsole(o => o.IncludeScopes = false);
                    else logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ "; o.UseUtcTimestamp = true; });
                    // Standard output is for alerts (the stdout sink); logs go to standard error.
                    logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
                });
                services.AddWatchHttp(fetchOptions);
                await using var provider = services.BuildServiceProvider();
                var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("sitrep.watch");
                var clients = provider.GetRequiredService<IHttpClientFactory>();

                await using var events = await store.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
                await using var state = WatchState.Open(parse.GetValue(store.Database), parse.GetValue(store.Postgres));
                var sinks = (alerts?.Sinks ?? []).Select(definition => definition.Type switch
                {
                    "jsonl" => (IAlertSink)new JsonLinesSink(definition.Path!),
                    "webhook" => new WebhookSink(definition.Url!, definition.Secret, clients),
                    _ => new StandardOutputSink(output),
                }).ToList();
                var fetcher = new PoliteFetcher(clients, fetchOptions, logger);
                var poller = new SourcePoller(events, state, pipeline, fetcher, alerts is null ? null : new AlertMaker(alerts.Rules),
                    [.. sinks.Select(s => s.Id)], report, logger, TimeProvider.System);
                using var watcher = new Watcher(sources, state, poller, sinks, report, logger, TimeProvider.System, parse.GetValue(parallel));
                await watcher.PrepareAsync(cancellationToken).ConfigureAwait(false);
                var onlyOnce = parse.GetValue(once);
                if (logger.IsEnabled(LogLevel.Information)) logger.LogInformation("watching {Count} sources into {Store} as {Owner} (once: {Once})", sources.Count, events.Description, watcher.Owner, onlyOnce);
                if (onlyOnce) await watcher.RunOnceAsync(cancellationToken).ConfigureAwait(false);
                else await watcher.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            await WatchAsync().ConfigureAwait(false);
            error.WriteLine($"sitrep: watch: {report}");
            return report.SourcesFailed == 0 ? SitrepCommandLine.Success : SitrepCommandLine.SomeInputsFailed;
        });
        return command;
    }
}
