using Sitrep.Output;

namespace Sitrep.Incidents;

/// <summary>A claim of an incident while it is being built: one claimant's proposition or figure and every report of it.</summary>
internal sealed class ClaimDraft
{
    public ClaimDraft(string text, string? claimant, string claimantKey, Casualty? casualty)
    {
        Text = text;
        Claimant = claimant;
        ClaimantKey = claimantKey;
        Casualty = casualty;
    }

    public string Id { get; set; } = "";

    public string Text { get; }

    public string? Claimant { get; }

    /// <summary>The claimant as compared across documents (case and a leading article ignored); "" for an unattributed figure.</summary>
    public string ClaimantKey { get; }

    public Casualty? Casualty { get; }

    public List<string> Via { get; } = [];

    public List<(ReportedEvent Report, string? ClaimId, int Start, int End)> Sources { get; } = [];

    public HashSet<ClaimDraft> Contradicts { get; } = [];

    public ClaimDraft? RevisedBy { get; set; }

    /// <summary>The first and last day it was published (day number; int.MaxValue when no report says when).</summary>
    public int FirstDay => Sources.Min(s => s.Report.Published?.First.DayNumber ?? int.MaxValue);

    public int LastDay => Sources.Max(s => s.Report.Published?.First.DayNumber ?? int.MinValue);

    /// <summary>Whether the figure counts toward the incident's toll: a current killed count that no later one replaced.</summary>
    public bool Counted => Casualty is { Outcome: "killed", Status: "current", Count: not null } && RevisedBy is null;

    /// <summary>The figure, for comparisons: its exact value or bounds.</summary>
    public (long? Value, long? Min, long? Max) Figure => Casualty?.Count is { } c ? (c.Value, c.Min, c.Max) : default;
}
