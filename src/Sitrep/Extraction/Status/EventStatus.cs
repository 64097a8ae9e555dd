namespace Sitrep.Extraction.Status;

/// <summary>The contract's status values.</summary>
internal static class EventStatus
{
    public const string Current = "current";
    public const string Historical = "historical";
    public const string Future = "future";
    public const string Hypothetical = "hypothetical";
    public const string Negated = "negated";
}
