using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Extraction.Attribution;
using Sitrep.Extraction.Lexicons;
using Sitrep.Extraction.Matching;
using Sitrep.Extraction.Status;
using Sitrep.Output;
using Sitrep.Text;

namespace Sitrep.Extraction.Frames;

/// <summary>
/// Builds casualty figures: an amount with its victim noun ("32 soldiers", "cinci civili azeri", "hundreds of
/// enemy fighters") or an outcome noun right after it ("30,000 dead", "20 fatalities"), tied to the nearest
/// outcome word of its sentence ("were killed", "ucigand", "wounded"). An outcome with a negation before it
/// and no amount ("did not announce any losses", "nu a anuntat pierderi", "no fatalities") is a negated
/// record with no count, never a zero. Sides come from demonyms and actors in the victim phrase, from
/// "pro-X", from a possessive ("its troops") or from the claimant speaking of its own soldiers.
/// </summary>
internal sealed class CasualtyFrameBuilder
{
    private const int VictimReach = 4;
    private const int ForwardReach = 12;
    private const int BackwardReach = 8;
    private const int NegationReach = 5;

    /// <summary>Tokens from a toll noun to a verb of change's figure: "the death toll from Monday's bombing of a mosque in Kabul rose to 25".</summary>
    private const int TollReach = 14;

    private readonly DocumentScan _scan;
    private readonly StatusResolver _status;
    private readonly AttributionResolver _attribution;

    public CasualtyFrameBuilder(DocumentScan scan, StatusResolver status, AttributionResolver attribution)
    {
        _scan = scan;
        _status = status;
        _attribution = attribution;
    }

    public ImmutableArray<CasualtyFrame> Build(ImmutableArray<CountMention> counts)
    {
        var frames = ImmutableArray.CreateBuilder<CasualtyFrame>();
        var usedOutcomes = new HashSet<int>();
        var usedTokens = new HashSet<int>();
        CasualtyFrame? lastCounted = null;
        foreach (var count in counts)
        {
            if (!usedTokens.Add(count.FirstToken)) continue;
            var sentence = _scan.Tokens[count.FirstToken].Sentence;
            // "both sides", "cele doua tabere": a number inside a side's name counts no one.
            if (_scan.In(LexiconKind.Sides, sentence).Any(m => m.FirstToken <= count.FirstToken && count.FirstToken < m.EndToken)) continue;
            // "killed by an unknown gunman": the amount after an agent marker counts perpetrators.
            if (_scan.In(LexiconKind.Sides, sentence).Any(m => m.EndToken == count.FirstToken && string.Equals(m.Entry.Field(0), "agent", StringComparison.Ordinal))) continue;
            var s = _scan.Text.Sentences[sentence];
            var victim = VictimAfter(count, sentence);
            // "Five people were killed, including two children, and ten were wounded": the subset is part of the
            // figure before it, already counted there; it is no figure of its own, and never the nearer "wounded".
            if (count.Subset && lastCounted?.Sentence == sentence) continue;
            LexiconMatch? outcome;
            if (victim is { } v)
            {
                outcome = NearestOutcome(count.FirstToken, v.EndToken, sentence, ForwardReach, BackwardReach);
            }
            else
            {
                // No victim noun: the amount must touch an outcome ("30,000 dead", "5 were killed", "killing 5"); a
                // vague amount only one after it ("s-a soldat cu zeci de morti": "zeci" counts the dead, not what ended in them).
                outcome = NearestOutcome(count.FirstToken, count.EndToken, sentence, 2, count.Vague ? -1 : 2);
                if (count.Vague && outcome is { } o && o.FirstToken < count.FirstToken) outcome = null;
                // "The death toll from the bombing rose to five": the toll named before the verb of change.
                if (outcome is null && count.AfterTollChange) outcome = TollBefore(count, sentence);
            }
            if (outcome is not { } found) continue;
            usedOutcomes.Add(found.FirstToken);
            var first = Math.Min(count.FirstToken, Math.Min(found.FirstToken, victim?.FirstToken ?? int.MaxValue));
            var end = Math.Max(count.EndToken, Math.Max(found.EndToken, victim?.EndToken ?? 0));
            var groupEnd = Math.Min(s.EndToken, (victim?.EndToken ?? count.EndToken) + 3);
            var attribution = _attribution.For(found.FirstToken) ?? _attribution.For(count.FirstToken);
            var enemy = HasSide(count.FirstToken, groupEnd, sentence, "enemy") || attribution is { Belligerents.Length: > 0 };
            var victims = VictimsOf(victim, count.FirstToken, groupEnd, sentence, attribution, enemy);
            var status = _status.IsHistorical(count.FirstToken) || _status.IsHistorical(found.FirstToken)
                ? EventStatus.Historical
                : _status.StatusAt(found.FirstToken, checkNegation: false);
            lastCounted = new CasualtyFrame(found.Entry.Field(0), count, victims, status, attribution, sentence, found.FirstToken, _scan.TokenSpan(first, end), enemy);
            frames.Add(lastCounted);
        }

        // Losses said not to have been reported: a record with no count.
        for (var sentence = 0; sentence < _scan.SentenceCount; sentence++)
        {
            foreach (var outcome in _scan.In(LexiconKind.Outcomes, sentence))
            {
                if (usedOutcomes.Contains(outcome.FirstToken) || !NegatedBefore(outcome)) continue;
                if (outcome.Entry.Field(1) is not ("noun" or "adjective" or "toll")
                    && !_status.IsNegated(outcome.FirstToken)) continue;
                var s = _scan.Text.Sentences[sentence];
                var victim = _scan.In(LexiconKind.Victims, sentence).Cast<LexiconMatch?>()
                    .FirstOrDefault(m => m!.Value.FirstToken >= outcome.EndToken && m.Value.FirstToken - outcome.EndToken <= VictimReach);
                var groupEnd = Math.Min(s.EndToken, (victim?.EndToken ?? outcome.EndToken) + 1);
                var attribution = _attribution.For(outcome.FirstToken) ?? SubjectAttribution(outcome.FirstToken, sentence);
                var victims = VictimsOf(victim, outcome.FirstToken, groupEnd, sentence, attribution, enemy: false);
                var first = NegationStart(outcome);
                var end = Math.Max(outcome.EndToken, victim?.EndToken ?? 0);
                frames.Add(new CasualtyFrame(outcome.Entry.Field(0), null, victims, EventStatus.Negated, attribution, sentence, outcome.FirstToken, _scan.TokenSpan(first, end), EnemyClaim: false));
                usedOutcomes.Add(outcome.FirstToken);
            }
        }
        frames.Sort(static (a, b) => a.AnchorToken.CompareTo(b.AnchorToken));
        return frames.DrainToImmutable();
    }

    private LexiconMatch? VictimAfter(CountMention count, int sentence)
    {
        foreach (var victim in _scan.In(LexiconKind.Victims, sentence))
        {
            if (victim.FirstToken < count.EndToken || victim.FirstToken - count.EndToken > VictimReach) continue;
            if (_scan.In(LexiconKind.Outcomes, sentence).Any(o => o.FirstToken <= victim.FirstToken && victim.FirstToken < o.EndToken)) continue;
            // Nothing but words and hyphens between the amount and its noun ("32 de militari", "five Azerbaijani civilians").
            var clean = true;
            for (var t = count.EndToken; t < victim.FirstToken; t++)
            {
                var token = _scan.Tokens[t];
                if (token.Kind == TokenKind.Number || (token.Kind == TokenKind.Punctuation && !_scan.IsPunctuation(t, '-') && !_scan.IsPunctuation(t, '\''))) { clean = false; break; }
            }
            if (clean) return victim;
        }
        return null;
    }

    /// <summary>The nearest toll noun before a figure led by a verb of change, in its sentence and not across a contrast.</summary>
    private LexiconMatch? TollBefore(CountMention count, int sentence)
    {
        LexiconMatch? nearest = null;
        foreach (var outcome in _scan.In(LexiconKind.Outcomes, sentence))
        {
            if (outcome.EndToken > count.FirstToken || count.FirstToken - outcome.EndToken > TollReach) continue;
            if (!string.Equals(outcome.Entry.Field(1), "toll", StringComparison.Ordinal)) continue;
            if (CrossesContrast(outcome.FirstToken, count.EndToken, sentence)) continue;
            nearest = outcome;
        }
        return nearest;
    }

    /// <summary>The outcome word nearest the group, after it (passive "were killed") or before it ("killing 5 soldiers").</summary>
    private LexiconMatch? NearestOutcome(int groupStart, int groupEnd, int sentence, int forward, int backward)
    {
        LexiconMatch? best = null;
        var bestDistance = int.MaxValue;
        foreach (var outcome in _scan.In(LexiconKind.Outcomes, sentence))
        {
            int distance;
            if (outcome.FirstToken >= groupEnd) distance = outcome.FirstToken - groupEnd;
            else if (outcome.EndToken <= groupStart) distance = groupStart - outcome.EndToken;
            else continue;
            var limit = outcome.FirstToken >= groupEnd ? forward : backward;
            if (distance > limit || distance >= bestDistance) continue;
            if (CrossesContrast(Math.Min(outcome.FirstToken, groupStart), Math.Max(outcome.EndToken, groupEnd), sentence)) continue;
            best = outcome;
            bestDistance = distance;
        }
        return best;
    }

    /// <summary>"..., but 3 were wounded": a contrast or relative word between a figure and an outcome separates them.</summary>
    private bool CrossesContrast(int first, int end, int sentence)
    {
        foreach (var match in _scan.In(LexiconKind.ClauseBreaks, sentence))
        {
            if (match.FirstToken > first && match.FirstToken < end && match.Entry.Field(0) is "contrast" or "relative") return true;
        }
        return false;
    }

    private bool NegatedBefore(LexiconMatch outcome)
    {
        foreach (var negation in _scan.In(LexiconKind.Negation, outcome.Sentence))
        {
            if (!string.Equals(negation.Entry.Field(0), "negation", StringComparison.Ordinal)) continue;
            if (negation.FirstToken < outcome.FirstToken && outcome.FirstToken - negation.EndToken <= NegationReach
                && !CrossesContrast(negation.FirstToken, outcome.FirstToken, outcome.Sentence)) return true;
        }
        return false;
    }

    private int NegationStart(LexiconMatch outcome)
    {
        var first = outcome.FirstToken;
        foreach (var negation in _scan.In(LexiconKind.Negation, outcome.Sentence))
        {
            if (negation.FirstToken < outcome.FirstToken && outcome.FirstToken - negation.EndToken <= NegationReach) first = Math.Min(first, negation.FirstToken);
        }
        return first;
    }

    /// <summary>"Azerbaijan has not announced any losses": the subject who did not report is the source of the non-report.</summary>
    private AttributionFinding? SubjectAttribution(int token, int sentence)
    {
        var s = _scan.Text.Sentences[sentence];
        var subject = _scan.ActorsIn(s.FirstToken, token).FirstOrDefault(a => a.Kind != ActorMentionKind.Media);
        if (subject is null) return null;
        var name = subject.Kind is ActorMentionKind.State or ActorMentionKind.Demonym && subject.Country is { } iso3 ? ActorNaming.Government(iso3) : subject.Name;
        var span = _scan.ToSpan(subject.Start, subject.End);
        return new AttributionFinding(name, [], span, subject.FirstToken, ActorNaming.SideKey(subject), ActorNaming.SideName(subject), [], Opposite: false);
    }

    private bool HasSide(int first, int end, int sentence, string relation)
    {
        foreach (var side in _scan.In(LexiconKind.Sides, sentence))
        {
            if (side.FirstToken >= first && side.FirstToken < end && string.Equals(side.Entry.Field(0), relation, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private Victims VictimsOf(LexiconMatch? victim, int first, int end, int sentence, AttributionFinding? attribution, bool enemy)
    {
        var category = victim?.Entry.Field(0) ?? "unknown";
        var text = victim is { } v ? _scan.Text.OriginalText(v.Start, v.End) : null;
        // A demonym, a state or a group within the victim phrase, or "pro-X".
        var actor = _scan.ActorsIn(first, end).FirstOrDefault(a => a.Kind != ActorMentionKind.Media);
        if (actor is not null)
        {
            var pro = HasSide(Math.Max(0, actor.FirstToken - 2), actor.FirstToken + 1, sentence, "pro");
            var side = pro ? actor.Name : ActorNaming.SideName(actor);
            return new Victims(category, side, actor.Country, text);
        }
        var place = _scan.PlacesIn(first, end).FirstOrDefault();
        if (place is not null) return new Victims(category, place.Name, place.Country, text);
        if (enemy) return new Victims(category, null, null, text);
        if (HasSide(first, end, sentence, "reflexive"))
        {
            var s = _scan.Text.Sentences[sentence];
            var subject = _scan.ActorsIn(s.FirstToken, first).FirstOrDefault(a => a.Kind != ActorMentionKind.Media);
            if (subject is not null) return new Victims(category, ActorNaming.SideName(subject), subject.Country, text);
        }
        // A side's ministry or army speaking of soldiers speaks of its own.
        if (category is "military" && attribution?.SideName is { } own) return new Victims(category, own, null, text);
        return new Victims(category, null, null, text);
    }
}
