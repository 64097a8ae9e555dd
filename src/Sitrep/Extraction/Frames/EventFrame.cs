using System.Collections.Immutable;
using Sitrep.Extraction.Attribution;
using Sitrep.Extraction.Matching;

namespace Sitrep.Extraction.Frames;

/// <summary>What one sentence (or clause) says happened: a sub-event with its triggers, status and claimant.</summary>
/// <param name="Code">Sub-event code of the lexicon schema ("armed-clash", "appeal", "territory").</param>
/// <param name="AnchorToken">The deciding trigger's first token.</param>
internal sealed record EventFrame(
    string Code,
    string Status,
    int Sentence,
    int AnchorToken,
    int Salience,
    ImmutableArray<LexiconMatch> Triggers,
    AttributionFinding? Attribution)
{
    public bool IsStatement => Lexicons.LexiconSchema.SubEvents[Code].Key == "Statements";

    public string EventType => Lexicons.LexiconSchema.SubEvents[Code].Key;

    /// <summary>The deciding trigger, or null for a frame made from a toll alone.</summary>
    public LexiconMatch? Anchor
    {
        get
        {
            foreach (var trigger in Triggers)
            {
                if (trigger.FirstToken == AnchorToken) return trigger;
            }
            return null;
        }
    }

    /// <summary>A mere reference to fighting ("the conflict"): it joins the event the text reports.</summary>
    public bool IsWeak => Salience <= ReferenceSalience;

    /// <summary>The lexicons' salience of a mere reference to fighting ("the conflict", "razboiul").</summary>
    public const int ReferenceSalience = 2;
}
