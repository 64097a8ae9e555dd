using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Sitrep.Bench.Corpus;
using Sitrep.Readers;
using Sitrep.Text;

namespace Sitrep.Bench.Text;

/// <summary>
/// The text chain on one core over about 4 MB of invented English and Romanian news items:
/// reading them from JSON Lines bytes, normalising (NFC, unification, offset map, folding) and
/// segmenting (tokens and sentences), and the whole analysis (language, numbers) on top.
/// MB/s is measured on the UTF-8 size of the article texts.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Configuration))]
public class TextChainBenchmarks : IThroughputBenchmark
{
    private const int CorpusBytes = 4_000_000;

    private readonly TextNormalizer _normalizer = new();
    private readonly TextAnalyzer _analyzer = new();
    private readonly Segmenter _segmenter = new(Sitrep.Languages.LanguageResources.Lines("en", "abbreviations.txt"));
    private readonly InputReader _reader = new();
    private CorpusData _corpus = null!;

    private readonly LanguageIdentifier _identifier = new(Sitrep.Languages.LanguageResources.Languages);
    private NormalizedText[] _normalized = [];
    private Segmentation[] _segmented = [];
    private readonly NumberRecognizer _romanianNumbers = new('.', ',', NumberWords.ForLanguage("ro"));

    [GlobalSetup]
    public void Setup()
    {
        _corpus = MixedNewsCorpus.Build(CorpusBytes);
        _normalized = [.. _corpus.Texts.Select(_normalizer.Normalize)];
        _segmented = [.. _normalized.Select(n => _segmenter.Segment(n.Normalized, n.Folded))];
    }

    public long BytesPerOperation(string method) => MixedNewsCorpus.Build(CorpusBytes).TextBytes;

    /// <summary>Read JSON Lines, then normalise and segment each document: the target.</summary>
    [Benchmark(Baseline = true)]
    public int ReadNormalizeSegment()
    {
        var tokens = 0;
        using var stream = new MemoryStream(_corpus.JsonLines, writable: false);
        foreach (var item in _reader.ReadStream(stream, new InputName("bench.jsonl", "bench.jsonl"), ".jsonl"))
        {
            if (item.Document is not { } document) continue;
            var normalized = _normalizer.Normalize(document.Text);
            tokens += _segmenter.Segment(normalized.Normalized, normalized.Folded).Tokens.Length;
        }
        return tokens;
    }

    /// <summary>Read JSON Lines, then the whole text chain: normalise, identify the language, segment, read numbers.</summary>
    [Benchmark]
    public int ReadAnalyze()
    {
        var tokens = 0;
        using var stream = new MemoryStream(_corpus.JsonLines, writable: false);
        foreach (var item in _reader.ReadStream(stream, new InputName("bench.jsonl", "bench.jsonl"), ".jsonl"))
        {
            if (item.Document is not { } document) continue;
            tokens += _analyzer.Analyze(document.Text).Tokens.Length;
        }
        return tokens;
    }

    /// <summary>Normalisation alone, on texts already in memory.</summary>
    [Benchmark]
    public int Normalize()
    {
        var length = 0;
        foreach (var text in _corpus.Texts) length += _normalizer.Normalize(text).Normalized.Length;
        return length;
    }

    /// <summary>Segmentation alone, on texts already normalised.</summary>
    [Benchmark]
    public int Segment()
    {
        var tokens = 0;
        foreach (var text in _normalized) tokens += _segmenter.Segment(text.Normalized, text.Folded).Tokens.Length;
        return tokens;
    }

    /// <summary>Language identification alone, on texts already normalised.</summary>
    [Benchmark]
    public int Identify()
    {
        var english = 0;
        foreach (var text in _normalized)
        {
            if (string.Equals(_identifier.Identify(text.Normalized, text.Folded), "en", StringComparison.Ordinal)) english++;
        }
        return english;
    }

    /// <summary>Number recognition alone (Romanian rules, every document), on texts already segmented.</summary>
    [Benchmark]
    public int Numbers()
    {
        var numbers = 0;
        for (var i = 0; i < _normalized.Length; i++)
        {
            numbers += _romanianNumbers.Recognize(_normalized[i].Normalized, _normalized[i].Folded, _segmented[i].Tokens).Length;
        }
        return numbers;
    }

    /// <summary>The whole text chain on texts already in memory (no reading).</summary>
    [Benchmark]
    public int Analyze()
    {
        var tokens = 0;
        foreach (var text in _corpus.Texts) tokens += _analyzer.Analyze(text).Tokens.Length;
        return tokens;
    }

    /// <summary>Reading alone: JSON Lines bytes to documents.</summary>
    [Benchmark]
    public int Read()
    {
        var count = 0;
        using var stream = new MemoryStream(_corpus.JsonLines, writable: false);
        foreach (var item in _reader.ReadStream(stream, new InputName("bench.jsonl", "bench.jsonl"), ".jsonl"))
        {
            if (item.Document is not null) count++;
        }
        return count;
    }

    private sealed class Configuration : ManualConfig
    {
        public Configuration() => AddColumn(new ThroughputColumn());
    }
}
