using System.Diagnostics;
using System.Globalization;

namespace Sitrep.Pipeline;

/// <summary>
/// The work one document may cost: a time limit checked between the stages of its extraction. Every stage is
/// linear (or n log n) in the text, so a document that still overruns it is pathological; it becomes a named
/// problem ("document too complex") instead of holding back the documents after it, which are written in
/// input order. A document near the limit may pass on a quiet machine and fail on a loaded one: the limit is
/// set far above what any article costs (an 8 MB text takes seconds).
/// </summary>
public sealed class DocumentBudget
{
    /// <summary>The default limit per document.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(60);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _limit;

    public DocumentBudget(TimeSpan limit)
    {
        _limit = limit;
    }

    /// <summary>Throws <see cref="DocumentTooComplexException"/> when the budget is spent before <paramref name="stage"/>.</summary>
    public void Check(string stage)
    {
        if (_clock.Elapsed <= _limit) return;
        throw new DocumentTooComplexException(string.Create(CultureInfo.InvariantCulture,
            $"document too complex: {_clock.Elapsed.TotalSeconds:F0} s spent before {stage}, over the budget of {_limit.TotalSeconds:F0} s per document; skipped"));
    }
}

/// <summary>A document whose extraction overran its <see cref="DocumentBudget"/>; the message says so in words a user can act on.</summary>
public sealed class DocumentTooComplexException : Exception
{
    public DocumentTooComplexException()
    {
    }

    public DocumentTooComplexException(string message)
        : base(message)
    {
    }

    public DocumentTooComplexException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
