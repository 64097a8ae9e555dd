using System.Collections.Immutable;

namespace Sitrep.Evaluation.Metrics;

/// <summary>
/// Counts (gold label, predicted label) pairs and derives accuracy, per-class F1, macro and weighted F1
/// and the most frequent confusions. Not thread-safe: fill it from one thread, then read it.
/// </summary>
/// <remarks>
/// Macro and weighted F1 average over the labels that occur in the gold data (a label only ever
/// predicted has no support and would weigh nothing in the weighted mean; in the macro mean it would
/// only punish twice what precision already punishes). A missing prediction is the label
/// <see cref="Missing"/>, which lowers recall but is never a class of its own.
/// </remarks>
public sealed class ClassificationTally
{
    /// <summary>The predicted label when nothing was predicted.</summary>
    public const string Missing = "(none)";

    private readonly Dictionary<(string Gold, string Predicted), int> _pairs = [];

    public int Total { get; private set; }

    public int Correct { get; private set; }

    public void Add(string gold, string? predicted)
    {
        predicted ??= Missing;
        Total++;
        if (string.Equals(gold, predicted, StringComparison.Ordinal)) Correct++;
        var key = (gold, predicted);
        _pairs[key] = _pairs.GetValueOrDefault(key) + 1;
    }

    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public ImmutableArray<ClassScore> PerClass()
    {
        var support = new Dictionary<string, int>(StringComparer.Ordinal);
        var predicted = new Dictionary<string, int>(StringComparer.Ordinal);
        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ((gold, guess), count) in _pairs)
        {
            support[gold] = support.GetValueOrDefault(gold) + count;
            predicted[guess] = predicted.GetValueOrDefault(guess) + count;
            if (string.Equals(gold, guess, StringComparison.Ordinal)) hits[gold] = hits.GetValueOrDefault(gold) + count;
        }
        return [.. support.Keys.Order(StringComparer.Ordinal).Select(label =>
        {
            var tp = hits.GetValueOrDefault(label);
            var score = PrecisionRecall.From(tp, predicted.GetValueOrDefault(label) - tp, support[label] - tp);
            return new ClassScore(label, support[label], score.Precision, score.Recall, score.F1);
        })];
    }

    public double MacroF1
    {
        get
        {
            var classes = PerClass();
            return classes.IsEmpty ? 0 : classes.Average(c => c.F1);
        }
    }

    public double WeightedF1
    {
        get
        {
            var classes = PerClass();
            var total = classes.Sum(c => c.Support);
            return total == 0 ? 0 : classes.Sum(c => c.F1 * c.Support) / total;
        }
    }

    /// <summary>The most frequent wrong (gold, predicted) pairs, most frequent first, then by label.</summary>
    public ImmutableArray<Confusion> TopConfusions(int count) =>
    [
        .. _pairs
            .Where(p => !string.Equals(p.Key.Gold, p.Key.Predicted, StringComparison.Ordinal))
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key.Gold, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Predicted, StringComparer.Ordinal)
            .Take(count)
            .Select(p => new Confusion(p.Key.Gold, p.Key.Predicted, p.Value)),
    ];
}

/// <summary>One gold label's support and scores.</summary>
public sealed record ClassScore(string Label, int Support, double Precision, double Recall, double F1);

/// <summary>A gold label taken for another label, and how often.</summary>
public sealed record Confusion(string Gold, string Predicted, int Count);
