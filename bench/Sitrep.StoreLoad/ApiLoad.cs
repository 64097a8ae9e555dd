using System.Diagnostics;
using System.Globalization;
using System.Net;

/// <summary>
/// Measures the API under concurrent clients: each client sends requests of a query mix one after the other
/// for a fixed time; latencies are reported per kind of request (p50, p95, p99). The mix follows the dashboard:
/// first pages with each filter, a word search, deep pages by offset and by cursor, a 500-row page, and statistics.
/// Usage: measure BASEURL CLIENTS SECONDS
/// </summary>
internal static class ApiLoad
{
    private static readonly (string Kind, string Path)[] Mix =
    [
        ("events: first page", "api/events?limit=25"),
        ("events: country", "api/events?limit=25&country=UKR"),
        ("events: type", "api/events?limit=25&type=Battles"),
        ("events: sub-type", "api/events?limit=25&type=Air%2Fdrone%20strike"),
        ("events: month", "api/events?limit=25&from=2024-06-01&to=2024-06-30"),
        ("events: status + country", "api/events?limit=25&status=historical&country=SDN"),
        ("events: word search", "api/events?limit=25&text=district42"),
        ("events: deep page (offset 5,000)", "api/events?limit=25&offset=5000"),
        ("events: deep page (cursor)", "api/events?limit=25&after=2024-02-10.1"),
        ("events: 500 rows, country + type", "api/events?limit=500&country=MLI&type=Air%2Fdrone%20strike"),
        ("stats: all", "api/stats"),
        ("stats: country", "api/stats?country=UKR"),
        ("stats: month", "api/stats?from=2024-06-01&to=2024-06-30"),
    ];

    public static async Task<int> RunAsync(string baseUrl, int clients, double seconds)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, AutomaticDecompression = DecompressionMethods.None };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        // Warm-up: every query once. Statistics are computed once per store version and then answered from
        // memory, so their first answer on a fresh server (the cost after each stored batch) is printed apart.
        foreach (var (kind, path) in Mix)
        {
            var first = Stopwatch.StartNew();
            (await http.GetAsync(path)).EnsureSuccessStatusCode();
            if (kind.StartsWith("stats", StringComparison.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  first request, {kind,-22} {first.Elapsed.TotalMilliseconds,8:F1} ms"));
            }
        }
        var latencies = Mix.Select(_ => new List<double>()).ToArray();
        var errors = 0;
        var until = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = Mix.Select(_ => new List<double>()).ToArray();
            for (var i = client; until.Elapsed.TotalSeconds < seconds; i++)
            {
                var k = i % Mix.Length;
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync(Mix[k].Path, HttpCompletionOption.ResponseContentRead);
                mine[k].Add(clock.Elapsed.TotalMilliseconds);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
            }
            lock (latencies)
            {
                for (var k = 0; k < Mix.Length; k++) latencies[k].AddRange(mine[k]);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var total = latencies.Sum(l => l.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{clients} clients, {seconds:F0} s: {total} requests ({total / until.Elapsed.TotalSeconds:F0}/s), {errors} errors"));
        Report("all /api/events", latencies.Where((_, k) => Mix[k].Kind.StartsWith("events", StringComparison.Ordinal)).SelectMany(l => l));
        Report("all /api/stats", latencies.Where((_, k) => Mix[k].Kind.StartsWith("stats", StringComparison.Ordinal)).SelectMany(l => l));
        for (var k = 0; k < Mix.Length; k++) Report(Mix[k].Kind, latencies[k]);
        return errors == 0 ? 0 : 1;
    }

    private static void Report(string kind, IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return;
        double P(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {kind,-36} n {sorted.Length,6}   p50 {P(50),8:F1} ms   p95 {P(95),8:F1} ms   p99 {P(99),8:F1} ms"));
    }
}
