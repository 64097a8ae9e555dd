using Sitrep.Evaluation.Incidents;
using Sitrep.Incidents;
using Sitrep.Output;
using Sitrep.Pipeline;
using Sitrep.Readers;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Incidents;

/// <summary>
/// The fusion golden set (tests/golden/incidents.jsonl: invented articles in English and Romanian, written for
/// the project), extracted once by the real pipeline and shared by the incident tests.
/// </summary>
public static class IncidentCorpus
{
    public static string Path { get; } = System.IO.Path.Combine(SharedData.RepositoryRoot, "tests", "golden", "incidents.jsonl");

    private static readonly Lazy<IReadOnlyList<DocumentResult>> LazyResults = new(() =>
    {
        var pipeline = new ExtractionPipeline();
        return [.. new InputReader().Read([Path]).Select(item => pipeline.Process(item.Document ?? throw new InvalidOperationException(item.Problem!.ToString())))];
    });

    private static readonly Lazy<IReadOnlyList<Incident>> LazyIncidents = new(() => Fuse(Results));

    /// <summary>Every document's sitrep/1 result, in file order.</summary>
    public static IReadOnlyList<DocumentResult> Results => LazyResults.Value;

    /// <summary>The incidents of the whole set, in file order.</summary>
    public static IReadOnlyList<Incident> Incidents => LazyIncidents.Value;

    public static IReadOnlyList<IncidentGold> Gold()
    {
        var problems = new List<string>();
        var gold = IncidentGold.Read(Path, problems);
        Assert.Empty(problems);
        return gold;
    }

    public static IReadOnlyList<Incident> Fuse(IEnumerable<DocumentResult> results)
    {
        var fusion = new IncidentFusion();
        foreach (var result in results) fusion.Add(result);
        return fusion.Build();
    }

    /// <summary>The incident holding a document's first event of the given kind (statements or not).</summary>
    public static Incident Of(string document, bool statement = false) =>
        Incidents.Single(i => (i.EventType == "Statements") == statement && i.Reports.Any(r => r.Document == document && r.Event == FirstEvent(document, statement)));

    private static string FirstEvent(string document, bool statement) =>
        Results.Single(r => r.Document.Id == document).Events.First(e => (e.EventType == "Statements") == statement).Id;
}
