using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Sitrep.Store;
using Sitrep.Web;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep serve</c>: the API and dashboard over a store, on loopback unless told otherwise.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        _ = error;
        var store = new StoreOptions();
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen (semicolon-separated). Port 0 picks a free one.",
            DefaultValueFactory = _ => SitrepWebHost.DefaultUrl,
        };
        var command = new Command("serve", "Serve the HTTP API and the dashboard over a database.")
        {
            store.Database, store.Postgres, urls,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var events = await store.OpenAsync(parse, cancellationToken, mustExist: true).ConfigureAwait(false);
            await HostAsync(events, parse.GetValue(urls)!, output, cancellationToken).ConfigureAwait(false);
            return SitrepCommandLine.Success;
        });
        return command;
    }

    /// <summary>Starts the host, prints where the dashboard is, and runs until Ctrl+C or cancellation.</summary>
    internal static async Task HostAsync(IEventStore events, string urls, TextWriter output, CancellationToken cancellationToken)
    {
        await using var app = SitrepWebHost.Build(events, urls);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new IOException($"cannot listen on {urls}: {e.Message}", e);
        }
        foreach (var url in SitrepWebHost.ListeningUrls(app)) output.WriteLine($"Sitrep dashboard: {url}/  ({events.Description}; Ctrl+C to stop)");
        output.Flush();
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
    }
}
