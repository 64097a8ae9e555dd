namespace Sitrep.Evaluation.Metrics;

/// <summary>True positives, false positives and misses, with the scores they give. Immutable.</summary>
/// <remarks>
/// When nothing was expected and nothing predicted, there was nothing to get wrong: precision, recall
/// and F1 are all 1. When one side is empty and the other not, the empty side's ratio is 0.
/// </remarks>
public sealed record PrecisionRecall(int TruePositives, int FalsePositives, int Misses)
{
    public static PrecisionRecall Zero { get; } = new(0, 0, 0);

    public double Precision => TruePositives + FalsePositives == 0
        ? (Misses == 0 ? 1 : 0)
        : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + Misses == 0
        ? (FalsePositives == 0 ? 1 : 0)
        : (double)TruePositives / (TruePositives + Misses);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PrecisionRecall From(int truePositives, int falsePositives, int misses) => new(truePositives, falsePositives, misses);

    public static PrecisionRecall operator +(PrecisionRecall left, PrecisionRecall right) =>
        new(left.TruePositives + right.TruePositives, left.FalsePositives + right.FalsePositives, left.Misses + right.Misses);

    public PrecisionRecall Add(PrecisionRecall other) => this + other;
}
