using System.Collections.Immutable;
using Sitrep.Extraction.Attribution;
using Sitrep.Extraction.Lexicons;
using Sitrep.Extraction.Matching;
using Sitrep.Extraction.Status;

namespace Sitrep.Extraction.Frames;

/// <summary>
/// Turns a sentence's triggers into frames. Triggers near sport, market, film, game, medical or metaphor
/// context, or a commemoration, make no event of violence (a "team's attack", "prices exploded", "political
/// war"). Each statement trigger is a frame of its own; a change of territory is a frame of its own; the
/// remaining triggers of the same status make one frame whose sub-type is the most salient trigger's,
/// refined by what else the sentence says: protesters who clash or throw stones riot, police who disperse a
/// protest intervene, force that kills protesters is excessive; direct-fire weapons beside artillery mean a
/// clash; a weak attack verb with only civilians as targets is violence against civilians; a crowd as
/// perpetrator is mob violence.
/// </summary>
internal sealed class EventFrameBuilder
{
    private const int GuardReach = 6;

    /// <summary>Salience the lexicons give an attack verb that says nothing of whether anyone fought back.</summary>
    private const int AttackVerbSalience = 3;

    private readonly DocumentScan _scan;
    private readonly StatusResolver _status;
    private readonly AttributionResolver _attribution;

    public EventFrameBuilder(DocumentScan scan, StatusResolver status, AttributionResolver attribution)
    {
        _scan = scan;
        _status = status;
        _attribution = attribution;
    }

    public ImmutableArray<EventFrame> Build(ImmutableArray<CasualtyFrame> casualties)
    {
        var frames = ImmutableArray.CreateBuilder<EventFrame>();
        for (var sentence = 0; sentence < _scan.SentenceCount; sentence++)
        {
            var hits = _scan.In(LexiconKind.Triggers, sentence).Where(t => !IsGuarded(t)).ToList();
            if (hits.Count == 0) continue;
            // What a statement is about is not an event: "called for an end to hostilities", "accused X of attacks".
            var statementStarts = hits.Where(h => LexiconSchema.SubEvents[h.Entry.Field(0)].Key == "Statements").ToList();
            hits.RemoveAll(h => LexiconSchema.SubEvents[h.Entry.Field(0)].Key != "Statements"
                && statementStarts.Any(st => st.FirstToken < h.FirstToken && _scan.PhraseOf[st.FirstToken] == _scan.PhraseOf[h.FirstToken]));
            foreach (var group in hits.GroupBy(t => _status.StatusAt(t.FirstToken)))
            {
                var status = group.Key;
                var statements = new HashSet<string>(StringComparer.Ordinal);
                var rest = new List<LexiconMatch>();
                var territory = new List<LexiconMatch>();
                foreach (var hit in group)
                {
                    var code = hit.Entry.Field(0);
                    if (LexiconSchema.SubEvents[code].Key == "Statements")
                    {
                        if (statements.Add(code)) frames.Add(Frame(code, status, sentence, [hit]));
                    }
                    else if (code is "territory")
                    {
                        territory.Add(hit);
                    }
                    else
                    {
                        rest.Add(hit);
                    }
                }
                // Each side's claim of ground is a frame of its own, so that opposite claims can be linked.
                foreach (var claimed in territory.GroupBy(t => _attribution.For(t.FirstToken)?.Claimant ?? string.Empty, StringComparer.Ordinal))
                {
                    frames.Add(Frame("territory", status, sentence, [.. claimed]));
                }
                if (rest.Count > 0)
                {
                    var code = Resolve(rest, sentence, casualties);
                    frames.Add(Frame(code, status, sentence, [.. rest]));
                }
            }
        }
        return frames.DrainToImmutable();
    }

    private EventFrame Frame(string code, string status, int sentence, ImmutableArray<LexiconMatch> triggers)
    {
        var anchor = triggers.OrderByDescending(t => t.Entry.IntField(1)).ThenBy(t => t.FirstToken).First();
        var salience = anchor.Entry.IntField(1);
        return new EventFrame(code, status, sentence, anchor.FirstToken, salience, triggers, _attribution.For(anchor.FirstToken));
    }

    private string Resolve(List<LexiconMatch> hits, int sentence, ImmutableArray<CasualtyFrame> casualties)
    {
        var codes = hits.Select(h => h.Entry.Field(0)).ToHashSet(StringComparer.Ordinal);
        var refiners = _scan.In(LexiconKind.Refiners, sentence);
        bool Cue(string cue) => refiners.Any(r => string.Equals(r.Entry.Field(0), cue, StringComparison.Ordinal));
        var best = hits.OrderByDescending(h => h.Entry.IntField(1)).ThenBy(h => h.FirstToken).First();
        var code = best.Entry.Field(0);

        if (codes.Contains("peaceful-protest") || codes.Contains("violent-demonstration") || codes.Contains("protest-with-intervention") || codes.Contains("excessive-force"))
        {
            var protestersKilled = casualties.Any(c => c.Sentence == sentence && c.Outcome is "killed" && c.Victims.Category is "protester");
            if (protestersKilled && Cue("lethal-force")) return "excessive-force";
            if (codes.Contains("violent-demonstration") || Cue("protester-violence") || codes.Contains("armed-clash") || codes.Contains("looting")) return "violent-demonstration";
            if (Cue("intervention") || codes.Contains("arrests")) return "protest-with-intervention";
            // A protest that is the sentence's main word stays a protest even beside weaker words.
            if (LexiconSchema.SubEvents[code].Key is not "Battles" and not "Explosions/Remote violence") return "peaceful-protest";
        }
        if (codes.Contains("mob-violence") || (Cue("mob") && code is "attack" or "armed-clash" or "looting")) return "mob-violence";
        if (code is "shelling" && HasWeapon(sentence, "firearm")) return "armed-clash";
        if (code is "armed-clash" && best.Entry.IntField(1) == AttackVerbSalience && Cue("civilian-target") && !ArmedActorAfter(best, refiners)) return "attack";
        return code;
    }

    private bool HasWeapon(int sentence, string weaponClass) =>
        _scan.In(LexiconKind.Weapons, sentence).Any(w => string.Equals(w.Entry.Field(0), weaponClass, StringComparison.Ordinal));

    private static bool ArmedActorAfter(LexiconMatch trigger, List<LexiconMatch> refiners) =>
        refiners.Any(r => string.Equals(r.Entry.Field(0), "armed-actor", StringComparison.Ordinal) && r.FirstToken > trigger.FirstToken);

    /// <summary>A trigger of violence near words of another domain (sport, markets, films...) is not about conflict.</summary>
    private bool IsGuarded(LexiconMatch trigger)
    {
        var family = LexiconSchema.SubEvents[trigger.Entry.Field(0)].Key;
        if (family is "Protests" or "Statements" or "Strategic developments") return false;
        foreach (var guard in _scan.In(LexiconKind.Guards, trigger.Sentence))
        {
            var overlaps = guard.FirstToken < trigger.EndToken && trigger.FirstToken < guard.EndToken;
            var near = Math.Abs(guard.FirstToken - trigger.FirstToken) <= GuardReach;
            if (overlaps || near) return true;
        }
        return false;
    }
}
