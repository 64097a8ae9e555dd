using BenchmarkDotNet.Attributes;
using Sitrep.Documents;
using Sitrep.Output;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>
/// The stages after the text chain (whose normalise/segment/analyse benchmarks live with the text code):
/// the whole pipeline per document (analysis + extraction), with mentions, contract serialisation, and the
/// pipeline on every core through <see cref="OrderedParallel"/>. 2,000 short invented documents, half English,
/// half Romanian (see <see cref="EndToEndCorpus"/>). Extraction's own cost is Process minus the text chain's Analyze.
/// Run: <c>dotnet run -c Release --project bench/Sitrep.Bench -- --filter '*EndToEnd*'</c>.
/// </summary>
[MemoryDiagnoser]
public class EndToEndStageBenchmarks
{
    private const int Documents = 2000;

    private readonly ExtractionPipeline _pipeline = new();
    private readonly ExtractionOptions _withMentions = new(IncludeMentions: true);
    private SourceDocument[] _documents = [];
    private DocumentResult[] _results = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _documents = [.. Enumerable.Range(0, Documents).Select(i =>
            new SourceDocument($"d{i}", EndToEndCorpus.Document(random, romanian: i % 2 == 1), new PartialDate(2023, 5, 1 + (i % 28))))];
        _results = [.. _documents.Select(d => _pipeline.Process(d))];
    }

    /// <summary>Analysis and extraction, one thread.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Documents)]
    public int Process()
    {
        var events = 0;
        foreach (var document in _documents) events += _pipeline.Process(document).Events.Length;
        return events;
    }

    /// <summary>The same with <c>--mentions</c>: every token, number, place... listed with offsets.</summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public int ProcessWithMentions()
    {
        var mentions = 0;
        foreach (var document in _documents) mentions += _pipeline.Process(document, _withMentions).Mentions?.Length ?? 0;
        return mentions;
    }

    /// <summary>Contract JSON for results already made (what <c>--format jsonl</c> writes per line).</summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public long Serialize()
    {
        long length = 0;
        foreach (var result in _results) length += ContractJson.Serialize(result).Length;
        return length;
    }

    /// <summary>Analysis and extraction on every core, results in input order, as <c>sitrep extract</c> runs.</summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public int ProcessOnEveryCore()
    {
        var events = 0;
        foreach (var result in OrderedParallel.Map(_documents, d => _pipeline.Process(d))) events += result.Events.Length;
        return events;
    }
}
