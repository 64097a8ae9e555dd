using System.Collections.Immutable;
using Sitrep.Extraction.Attribution;
using Sitrep.Extraction.Lexicons;
using Sitrep.Extraction.Matching;
using Sitrep.Extraction.Status;

namespace Sitrep.Extraction.Frames;

/// <summary>
/// Turns a sentence's triggers into frames. Only triggers read in their violent sense count (<see cref="ViolentReading"/>):
/// a "team's attack", "prices exploded", "atacuri la adresa guvernului" make no event of violence. Each statement trigger is a
/// frame of its own; a change of territory is a frame of its own; the remaining triggers of the same status make one frame whose sub-type is the most salient trigger's,
/// refined by what else the sentence says: protesters who clash or throw stones riot, police who disperse a
/// protest intervene, force that kills protesters is excessive; direct-fire weapons beside artillery mean a
/// clash; a weak attack verb with only civilians as targets is violence against civilians; a crowd as
/// perpetrator is mob violence.
/// </summary>
internal sealed class EventFrameBuilder
{
    /// <summary>Salience the lexicons give an attack verb that says nothing of whether anyone fought back.</summary>
    private const int AttackVerbSalience = 3;

    /// <summary>Salience of a bare "explosion", which says nothing of what exploded.</summary>
    private const int GenericExplosionSalience = 4;

    /// <summary>How many sentences after a demonstration still tell what happened to it.</summary>
    private const int ProtestReach = 2;

    /// <summary>Tokens between a grievance word and the act it names ("against the illegal and unjust arrest").</summary>
    private const int GrievanceReach = 5;

    private readonly DocumentScan _scan;
    private readonly StatusResolver _status;
    private readonly AttributionResolver _attribution;
    private readonly PassiveVoice _voice;
    private readonly ViolentReading _reading;

    public EventFrameBuilder(DocumentScan scan, StatusResolver status, AttributionResolver attribution, PassiveVoice voice, ViolentReading reading)
    {
        _reading = reading;
        _scan = scan;
        _status = status;
        _attribution = attribution;
        _voice = voice;
    }

    public ImmutableArray<EventFrame> Build(ImmutableArray<CasualtyFrame> casualties)
    {
        var frames = ImmutableArray.CreateBuilder<EventFrame>();
        // Each sentence reads only the figures of its own few sentences: the whole list each time would be quadratic.
        var bySentence = casualties.Sort(static (a, b) => a.Sentence.CompareTo(b.Sentence));
        for (var sentence = 0; sentence < _scan.SentenceCount; sentence++)
        {
            var hits = _scan.In(LexiconKind.Triggers, sentence).Where(_reading.Holds).ToList();
            if (hits.Count == 0) continue;
            // What a statement is about is not an event: "called for an end to hostilities", "accused X of attacks".
            var statementStarts = hits.Where(h => LexiconSchema.SubEvents[h.Entry.Field(0)].Key == "Statements").ToList();
            hits.RemoveAll(h => LexiconSchema.SubEvents[h.Entry.Field(0)].Key != "Statements"
                && statementStarts.Any(st => st.FirstToken < h.FirstToken && _scan.PhraseOf[st.FirstToken] == _scan.PhraseOf[h.FirstToken]));
            // So is what a demonstration is against: "protested against the attack on journalists", also past a
            // parenthesis or a comma when a grievance word leads to it ("protested in Hyderabad (Sindh), against
            // the arrest of an editor"). What the crowd itself did is told by refiner cues ("clashed with police",
            // "burning tyres"), which stay.
            var protestStarts = hits.Where(h => h.Entry.Field(0) is "peaceful-protest").ToList();
            var grievanceCues = _scan.In(LexiconKind.Refiners, sentence).Where(r => r.Entry.Field(0) is "grievance" or "demand").ToList();
            bool Grievance(LexiconMatch h) => LexiconSchema.SubEvents[h.Entry.Field(0)].Key is not "Protests" and not "Statements"
                && protestStarts.Any(p => p.FirstToken < h.FirstToken && (_scan.PhraseOf[p.FirstToken] == _scan.PhraseOf[h.FirstToken]
                    || grievanceCues.Any(g => g.FirstToken > p.FirstToken && g.EndToken <= h.FirstToken && h.FirstToken - g.EndToken <= GrievanceReach)));
            var arrestGrievance = hits.Any(h => h.Entry.Field(0) is "arrests" && Grievance(h));
            hits.RemoveAll(Grievance);
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
                // Ground that changed hands "without a fight", with no violence told beside it, was a non-violent transfer.
                var peaceful = territory.Count > 0 && SentenceCue(sentence, "non-violent") && !rest.Any(r => LexiconSchema.SubEvents[r.Entry.Field(0)].Key is "Battles" or "Explosions/Remote violence");
                foreach (var claimed in territory.GroupBy(t => _attribution.For(t.FirstToken)?.Claimant ?? string.Empty, StringComparer.Ordinal))
                {
                    frames.Add(Frame(peaceful ? "non-violent-territory-transfer" : "territory", status, sentence, [.. claimed]));
                }
                if (rest.Count > 0)
                {
                    var code = Resolve(rest, sentence, Between(bySentence, sentence, sentence + ProtestReach), arrestGrievance);
                    frames.Add(Frame(code, status, sentence, [.. rest]));
                }
            }
        }
        // ACLED's size tag says a crowd gathered: with no other word for what it did, it demonstrated, or, when
        // it threw stones or set fires without a demonstration word ("residents pelted stones at police"), it was a mob.
        if (frames.Count == 0 && _scan.GivesCrowdSize && _scan.SentenceCount > 0)
        {
            var first = _scan.Text.Sentences[0].FirstToken;
            var violent = _scan.Matches.Any(m => m.Kind == LexiconKind.Refiners && string.Equals(m.Entry.Field(0), "protester-violence", StringComparison.Ordinal));
            var code = !violent ? "peaceful-protest" : AnyCue("demand") ? "violent-demonstration" : "mob-violence";
            frames.Add(new EventFrame(code, EventStatus.Current, 0, first, 1, [], _attribution.For(first)));
        }
        return AbsorbIntoDemonstrations(AnsweredAsClashes(frames.DrainToImmutable()));
    }

    /// <summary>
    /// Shelling, a grenade, an air strike, a bomb or an attack that the other side answered with fire, in the
    /// same sentence or the next ones ("a grenade was thrown at the checkpoint. Soldiers fired back"), or fire
    /// seen going both ways, was a fight: ACLED codes the incident as an armed clash, so such frames, and the
    /// answer itself, take that code and join one event.
    /// </summary>
    private ImmutableArray<EventFrame> AnsweredAsClashes(ImmutableArray<EventFrame> frames) =>
        [.. frames.Select(f => f.Status == EventStatus.Current && f.Code is "shelling" or "grenade" or "air-drone-strike" or "remote-explosive" or "attack"
            && WindowCue(f.Sentence, "return-fire") ? f with { Code = "armed-clash" } : f)];

    /// <summary>
    /// What follows a demonstration in the next sentences (police arrests, clashes with the crowd, damage it
    /// did) is part of it, not another event: such frames are folded into the demonstration's sub-type and dropped.
    /// </summary>
    private static ImmutableArray<EventFrame> AbsorbIntoDemonstrations(ImmutableArray<EventFrame> frames)
    {
        // The sentences of demonstrations, not the frames: asking each frame of all of them would be quadratic.
        var demonstrations = frames.Where(f => f.EventType is "Protests" or "Riots" && f.Status == EventStatus.Current).Select(f => f.Sentence).ToHashSet();
        if (demonstrations.Count == 0) return frames;
        return [.. frames.Where(f => !(f.Status == EventStatus.Current
            && f.Code is "arrests" or "armed-clash" or "attack" or "looting" or "mob-violence" or "violent-demonstration"
            && Enumerable.Range(f.Sentence - ProtestReach, ProtestReach).Any(demonstrations.Contains)))];
    }

    private EventFrame Frame(string code, string status, int sentence, ImmutableArray<LexiconMatch> triggers)
    {
        var anchor = triggers.OrderByDescending(t => t.Entry.IntField(1)).ThenBy(t => t.FirstToken).First();
        var salience = anchor.Entry.IntField(1);
        return new EventFrame(code, status, sentence, anchor.FirstToken, salience, triggers, _attribution.For(anchor.FirstToken));
    }

    /// <summary>The figures of sentences [first, last] from a list sorted by sentence.</summary>
    private static ImmutableArray<CasualtyFrame> Between(ImmutableArray<CasualtyFrame> bySentence, int first, int last)
    {
        int low = 0, high = bySentence.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (bySentence[middle].Sentence < first) low = middle + 1;
            else high = middle;
        }
        var end = low;
        while (end < bySentence.Length && bySentence[end].Sentence <= last) end++;
        return bySentence[low..end];
    }

    /// <param name="arrestGrievance">The demonstration is against an arrest ("protested against the arrest of an
    /// editor"): an arrest told in the next sentences is most likely that one ("He was arrested in March"), not
    /// an intervention against the crowd.</param>
    private string Resolve(List<LexiconMatch> hits, int sentence, ImmutableArray<CasualtyFrame> casualties, bool arrestGrievance)
    {
        var codes = hits.Select(h => h.Entry.Field(0)).ToHashSet(StringComparer.Ordinal);
        var refiners = _scan.In(LexiconKind.Refiners, sentence);
        bool Cue(string cue) => refiners.Any(r => string.Equals(r.Entry.Field(0), cue, StringComparison.Ordinal));
        var best = hits.OrderByDescending(h => h.Entry.IntField(1)).ThenBy(h => h.FirstToken).First();
        var code = best.Entry.Field(0);
        var salience = best.Entry.IntField(1);
        var protest = codes.Contains("peaceful-protest") || codes.Contains("violent-demonstration") || codes.Contains("protest-with-intervention") || codes.Contains("excessive-force");

        if (protest)
        {
            // A demonstration is often told in one sentence and what happened to it in the next ones.
            // Dead named only as "people" where fire was opened on a demonstration the crowd did not make violent, in
            // the same sentence ("opened fire on protesters, killing two people"), were its protesters or onlookers.
            var firedOnCrowd = codes.Contains("armed-clash") && !codes.Contains("violent-demonstration") && !WindowCue(sentence, "protester-violence");
            var protestersKilled = casualties.Any(c => c.Sentence >= sentence && c.Sentence <= sentence + ProtestReach && c.Outcome is "killed"
                && (c.Victims.Category is "protester" || (firedOnCrowd && c.Sentence == sentence && c.Victims.Category is "unknown" or "civilian")));
            if (protestersKilled && WindowCue(sentence, "lethal-force")) return "excessive-force";
            if (codes.Contains("violent-demonstration") || WindowCue(sentence, "protester-violence") || codes.Contains("armed-clash") || codes.Contains("looting")) return "violent-demonstration";
            if (WindowCue(sentence, "intervention") || Detention(sentence) || codes.Contains("arrests") || (!arrestGrievance && FollowingFrameCodes(sentence).Contains("arrests"))) return "protest-with-intervention";
            // A protest that is the sentence's main word stays a protest even beside weaker words.
            if (LexiconSchema.SubEvents[code].Key is not "Battles" and not "Explosions/Remote violence") return "peaceful-protest";
        }
        var violent = LexiconSchema.SubEvents[code].Key is "Battles" or "Violence against civilians" or "Riots" || code is "looting";
        // A crowd event (ACLED's size tag) with violence and no demonstration word is mob violence, unless the
        // crowd said what it denounced or demanded ("burned tyres to denounce power cuts"): then it demonstrated violently.
        var mob = (violent && _scan.GivesCrowdSize) || codes.Contains("mob-violence") || (Cue("mob") && code is "attack" or "armed-clash" or "looting" && salience <= AttackVerbSalience);
        if (mob) return Cue("demand") ? "violent-demonstration" : "mob-violence";
        // "Explosions" alone, seen by monitors or beside artillery, are shelling, not a planted device.
        if (code is "remote-explosive" && salience <= GenericExplosionSalience && (Cue("observation") || HasWeapon(sentence, "artillery") || HasWeapon(sentence, "missile") || HasWeapon(sentence, "heavy-firearm"))) code = "shelling";
        // Direct fire (small arms) beside heavy weapons means the sides were in contact: a clash.
        if (code is "shelling" && HasWeapon(sentence, "firearm")) return "armed-clash";
        var civilianVictims = casualties.Any(c => c.Sentence == sentence && c.Victims.Category is "civilian" && c.Outcome is "killed" or "wounded");
        // Arrests by an armed group are abductions; looting that kills or wounds is an attack on people.
        if (code is "arrests" && Doer(best) is { Kind: Actors.ActorMentionKind.Group or Actors.ActorMentionKind.DeFacto }) return "abduction";
        if (code is "looting" && civilianVictims) return "attack";
        // An attack verb whose target is not armed (a village, a house, a man) is one-sided violence.
        if (code is "armed-clash" && salience == AttackVerbSalience && !ArmedActorAfter(best, refiners) && (Cue("civilian-target") || civilianVictims || !CombatantVictims(sentence, casualties))) return "attack";
        return code;
    }

    private bool SentenceCue(int sentence, string cue) =>
        _scan.In(LexiconKind.Refiners, sentence).Any(r => string.Equals(r.Entry.Field(0), cue, StringComparison.Ordinal));

    private bool AnyCue(string cue) =>
        _scan.Matches.Any(m => m.Kind == LexiconKind.Refiners && string.Equals(m.Entry.Field(0), cue, StringComparison.Ordinal));

    private bool WindowCue(int sentence, string cue)
    {
        for (var s = sentence; s < Math.Min(_scan.SentenceCount, sentence + ProtestReach + 1); s++)
        {
            if (_scan.In(LexiconKind.Refiners, s).Any(r => string.Equals(r.Entry.Field(0), cue, StringComparison.Ordinal))) return true;
        }
        return false;
    }

    /// <summary>An arrest is an intervention in a protest when the sentence is about protesters or police ("police detained 11 protesters").</summary>
    private bool Detention(int sentence)
    {
        for (var s = sentence; s < Math.Min(_scan.SentenceCount, sentence + ProtestReach + 1); s++)
        {
            if (!_scan.In(LexiconKind.Refiners, s).Any(r => string.Equals(r.Entry.Field(0), "detention", StringComparison.Ordinal))) continue;
            if (_scan.In(LexiconKind.Victims, s).Any(v => v.Entry.Field(0) is "protester" or "police")) return true;
        }
        return false;
    }

    private HashSet<string> FollowingFrameCodes(int sentence)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var s = sentence + 1; s < Math.Min(_scan.SentenceCount, sentence + ProtestReach + 1); s++)
        {
            foreach (var hit in _scan.In(LexiconKind.Triggers, s)) codes.Add(hit.Entry.Field(0));
        }
        return codes;
    }

    /// <summary>Who did what the trigger says: the actor before it, or in the passive the one after "by" ("three men were arrested by militants").</summary>
    private Actors.ActorMention? Doer(LexiconMatch trigger)
    {
        if (_voice.IsPassive(trigger)) return _voice.Doer(trigger);
        var s = _scan.Text.Sentences[trigger.Sentence];
        return _scan.ActorsIn(s.FirstToken, trigger.FirstToken).LastOrDefault(a => a.Kind != Actors.ActorMentionKind.Media);
    }

    private bool HasWeapon(int sentence, string weaponClass) =>
        _scan.In(LexiconKind.Weapons, sentence).Any(w => string.Equals(w.Entry.Field(0), weaponClass, StringComparison.Ordinal));

    private static bool CombatantVictims(int sentence, ImmutableArray<CasualtyFrame> casualties) =>
        casualties.Any(c => c.Sentence == sentence && c.Victims.Category is "military" or "combatant" or "police");

    private static bool ArmedActorAfter(LexiconMatch trigger, List<LexiconMatch> refiners) =>
        refiners.Any(r => string.Equals(r.Entry.Field(0), "armed-actor", StringComparison.Ordinal) && r.FirstToken > trigger.FirstToken);
}
