namespace Sitrep.Evaluation.Metrics;

/// <summary>How many of a number of cases were right. Immutable.</summary>
/// <param name="Correct">Cases that were right.</param>
/// <param name="Total">Cases counted (0 when the metric could not be computed on this data).</param>
public sealed record RateCount(int Correct, int Total)
{
    public double Rate => Total == 0 ? 0 : (double)Correct / Total;

    /// <summary>Counts cases one by one; not thread-safe.</summary>
    public sealed class Builder
    {
        public int Correct { get; private set; }

        public int Total { get; private set; }

        public void Add(bool correct)
        {
            Total++;
            if (correct) Correct++;
        }

        public RateCount Build() => new(Correct, Total);
    }
}
