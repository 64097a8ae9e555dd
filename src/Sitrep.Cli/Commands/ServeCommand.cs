using System.CommandLine;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;
using Sitrep.Store;
using Sitrep.Watch.State;
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
        var allowedHosts = new Option<string?>("--allowed-hosts")
        {
            Description = "Host names to answer, semicolon-separated (default: the hosts of --urls, loopback as localhost too; '*' answers any). Guards against DNS rebinding.",
        };
        var command = new Command("serve", "Serve the HTTP API and the dashboard over a database (opened read-only).")
        {
            store.Database, store.Postgres, urls, allowedHosts,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var listen = CheckUrls(parse.GetValue(urls)!);
            var hosts = parse.GetValue(allowedHosts)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (hosts is { Length: 0 }) throw new UsageException("--allowed-hosts: give at least one host name, or '*'.");
            await using var events = await store.OpenForReadingAsync(parse, cancellationToken).ConfigureAwait(false);
            // What `sitrep watch` keeps in the same database, for the Sources page (read only, like the events).
            await using var watch = WatchState.OpenForReading(parse.GetValue(store.Database), parse.GetValue(store.Postgres));
            await HostAsync(events, listen, output, hosts, cancellationToken, watch).ConfigureAwait(false);
            return SitrepCommandLine.Success;
        });
        return command;
    }

    /// <summary>Every address must be http(s)://HOST:PORT (Kestrel's * and + wildcards allowed): a usage error names the first that is not.</summary>
    internal static string CheckUrls(string urls)
    {
        var parts = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) throw new UsageException("cannot listen on '': give an address such as http://127.0.0.1:5080.");
        foreach (var url in parts)
        {
            var comparable = url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal);
            if (!Uri.TryCreate(comparable, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" || uri.Query.Length > 0)
            {
                throw new UsageException($"cannot listen on {url}: not an address of the form http://HOST:PORT");
            }
        }
        return string.Join(';', parts);
    }

    /// <summary>Starts the host, prints where the dashboard is, and runs until Ctrl+C or cancellation.</summary>
    internal static async Task HostAsync(IEventStore events, string urls, TextWriter output, IReadOnlyList<string>? allowedHosts, CancellationToken cancellationToken, WatchState? watch = null)
    {
        await using var app = SitrepWebHost.Build(events, urls, allowedHosts: allowedHosts, watch: watch);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            // One line a user can act on: Kestrel's own message repeats the address and wraps the socket error.
            var reason = e.InnerException switch
            {
                AddressInUseException => "address in use",
                SocketException socket => socket.Message,
                { } inner => inner.Message,
                null => e.Message,
            };
            throw new IOException($"cannot listen on {urls}: {reason}", e);
        }
        foreach (var url in SitrepWebHost.ListeningUrls(app)) output.WriteLine($"Sitrep dashboard: {url}/  ({events.Description}; Ctrl+C to stop)");
        output.Flush();
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
    }
}
