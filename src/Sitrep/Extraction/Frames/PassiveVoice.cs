using Sitrep.Actors;
using Sitrep.Extraction.Lexicons;
using Sitrep.Extraction.Matching;

namespace Sitrep.Extraction.Frames;

/// <summary>
/// Reads the passive voice around a trigger, which turns the order of the sentence around: in "three men
/// were arrested" and "the town was captured by rebels" who comes before the trigger was acted upon, and the
/// doer, if named, follows an agent word ("by", "de catre"). A trigger is passive when a passive auxiliary
/// ends right before it (a hedge or hearsay word such as "reportedly" may stand between) and its last word is
/// a participle.
/// </summary>
internal sealed class PassiveVoice
{
    /// <summary>Tokens after the trigger within which an agent word still belongs to it ("captured on Sunday by").</summary>
    private const int AgentReach = 3;

    /// <summary>Tokens after the agent word within which the doer's name starts ("by the Islamic State").</summary>
    public const int DoerReach = 3;

    private readonly DocumentScan _scan;
    private readonly ParticipleForms _participles;

    public PassiveVoice(DocumentScan scan, string language)
    {
        _scan = scan;
        _participles = ParticipleForms.For(language);
    }

    /// <summary>Whether a frame's deciding trigger is passive; a frame with no trigger (a toll alone) is not.</summary>
    public bool IsPassive(EventFrame frame) => frame.Anchor is { } anchor && IsPassive(anchor);

    public bool IsPassive(LexiconMatch trigger)
    {
        if (!_participles.Matches(_scan.Folded(trigger.EndToken - 1))) return false;
        var before = trigger.FirstToken;
        foreach (var hedge in _scan.In(LexiconKind.Modality, trigger.Sentence))
        {
            if (hedge.EndToken == before && string.Equals(hedge.Entry.Field(0), "hedge", StringComparison.Ordinal)) before = hedge.FirstToken;
        }
        foreach (var hearsay in _scan.In(LexiconKind.Attribution, trigger.Sentence))
        {
            if (hearsay.EndToken == before && string.Equals(hearsay.Entry.Field(0), "report", StringComparison.Ordinal)) before = hearsay.FirstToken;
        }
        foreach (var side in _scan.In(LexiconKind.Sides, trigger.Sentence))
        {
            // "IS attacked": an auxiliary's letters inside a name (Islamic State) are the name.
            if (side.EndToken == before && string.Equals(side.Entry.Field(0), "passive", StringComparison.Ordinal)) return !_scan.ActorsIn(side.FirstToken, side.EndToken).Any();
        }
        return false;
    }

    /// <summary>The first token after the agent word that follows the trigger, or -1 when no doer is named.</summary>
    public int DoerStart(LexiconMatch trigger)
    {
        foreach (var side in _scan.In(LexiconKind.Sides, trigger.Sentence))
        {
            var gap = side.FirstToken - trigger.EndToken;
            if (gap >= 0 && gap <= AgentReach && string.Equals(side.Entry.Field(0), "agent", StringComparison.Ordinal)) return side.EndToken;
        }
        return -1;
    }

    /// <summary>The named doer of a trigger: the first actor right after its agent word ("captured by the Taliban").</summary>
    public ActorMention? Doer(LexiconMatch trigger)
    {
        var start = DoerStart(trigger);
        if (start < 0) return null;
        return _scan.ActorsIn(start, Math.Min(start + DoerReach + 1, _scan.Text.Sentences[trigger.Sentence].EndToken))
            .FirstOrDefault(a => a.Kind != ActorMentionKind.Media);
    }
}
