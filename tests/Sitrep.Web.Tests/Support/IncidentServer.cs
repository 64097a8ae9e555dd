using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Readers;
using Sitrep.Store.Ingest;
using Sitrep.Store.Model;
using Sitrep.Store.Sql;
using Sitrep.Store.Tests.Support;
using Sitrep.Web;

namespace Sitrep.Web.Tests.Support;

/// <summary>
/// The real host over a SQLite store into which Support/incident-reports.jsonl was ingested as <c>sitrep ingest</c> does
/// (extraction, then incidents assigned after each batch). Invented articles, English and Romanian: a missile strike on
/// a hospital in Sumy told by six articles of four outlets (the governor's toll rising from 8 to 14, the police's 5
/// contradicting it, one outlet relaying the governor through another), and a shelling in Kupiansk told twice.
/// </summary>
public sealed class IncidentServer : IAsyncLifetime
{
    /// <summary>Small batches, so that incidents are fused across batches as a long ingest fuses them.</summary>
    private const int BatchSize = 3;

    private readonly string _directory = StoreFactory.TemporaryDirectory();
    private WebApplication? _app;

    public SqliteEventStore Store { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public static string ReportsPath => Path.Combine(AppContext.BaseDirectory, "incident-reports.jsonl");

    public async Task InitializeAsync()
    {
        Store = await SqliteEventStore.OpenAsync(Path.Combine(_directory, "incidents.db"));
        var problems = new List<InputProblem>();
        await new DocumentIngestor(Store, new ExtractionPipeline(), batchSize: BatchSize).IngestAsync(new InputReader().Read([ReportsPath]), problems.Add);
        if (problems.Count > 0) throw new InvalidOperationException("the incident fixture did not ingest: " + string.Join("; ", problems));
        _app = SitrepWebHost.Build(Store, "http://127.0.0.1:0");
        await _app.StartAsync();
        BaseAddress = new Uri(SitrepWebHost.ListeningUrls(_app).Single() + "/");
    }

    /// <summary>The stored incident reported by the most articles (the Sumy hospital strike).</summary>
    public async Task<IncidentSummary> MostReportedAsync()
    {
        var page = await Store.QueryIncidentsAsync(new IncidentQuery(EventFilter.All, Limit: 100));
        return page.Incidents.OrderByDescending(i => i.Reports).First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        StoreFactory.DeleteTemporaryDirectory(_directory);
    }
}

[CollectionDefinition(Name)]
public sealed class IncidentCollection : ICollectionFixture<IncidentServer>
{
    public const string Name = "incidents";
}
