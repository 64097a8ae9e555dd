using Sitrep.Extraction.Attribution;
using Sitrep.Extraction.Matching;
using Sitrep.Output;

namespace Sitrep.Extraction.Frames;

/// <summary>A casualty figure found in a sentence, before it is attached to an event.</summary>
/// <param name="AnchorToken">The outcome word, which ties the figure to the event nearest it.</param>
/// <param name="EnemyClaim">A belligerent's claim about its enemy's losses: it may raise only the high estimate.</param>
internal sealed record CasualtyFrame(
    string Outcome,
    CountMention? Count,
    Victims Victims,
    string Status,
    AttributionFinding? Attribution,
    int Sentence,
    int AnchorToken,
    Span Evidence,
    bool EnemyClaim);
