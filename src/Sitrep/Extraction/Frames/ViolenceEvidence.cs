using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Extraction.Lexicons;
using Sitrep.Extraction.Matching;
using Sitrep.Extraction.Status;

namespace Sitrep.Extraction.Frames;

/// <summary>
/// What a sentence shows of violence besides a word for it: a known kind of victim hurt or killed, a weapon of
/// its own (not a trigger's word, not a word with an everyday double such as "Shell" or "jets"), or armed
/// people. Sports, business and political texts borrow the words of war, but a real report says who was hurt,
/// with what, by whom. Each sentence is judged once.
/// </summary>
internal sealed class ViolenceEvidence
{
    /// <summary>How many sentences before a word of violence still tell who did it.</summary>
    public const int StoryReach = 2;

    /// <summary>Tokens after a word of violence within which a place says where it happened ("in X", "took place in X").</summary>
    private const int PlaceReach = 8;

    private readonly DocumentScan _scan;
    private readonly EverydaySenses _senses;
    private readonly sbyte[] _corroborated;
    private readonly bool[] _victims;


    public ViolenceEvidence(DocumentScan scan, ImmutableArray<CasualtyFrame> casualties, EverydaySenses senses)
    {
        _scan = scan;
        _senses = senses;
        _corroborated = new sbyte[scan.SentenceCount];
        // Found once: asking each sentence of all the document's figures would be quadratic in a long text.
        _victims = new bool[scan.SentenceCount];
        foreach (var casualty in casualties)
        {
            if (casualty.Status != EventStatus.Negated && casualty.Victims.Category is not "unknown") _victims[casualty.Sentence] = true;
        }
    }

    /// <summary>
    /// Evidence for one trigger: its sentence or one of the two before names victims hurt, a weapon of its own or
    /// armed people; or its clause names people it is done to ("two men were shot", "attacked farmers"); or a
    /// locative word puts it at a place ("the blast in Kabul"); or its sentence shows two weaker signs of
    /// different kinds: armed nouns or weapons with an everyday double ("forces", "weapons"), other people,
    /// positions or checkpoints, a monitor's observation, a crowd's violence or fire going both ways, a place
    /// after a locative word ("military forces fired on the positions", "observed explosions involving unknown
    /// weapons near X").
    /// </summary>
    public bool Corroborates(LexiconMatch trigger) =>
        CorroboratedNear(trigger.Sentence) || VictimsInClause(trigger) || PlaceAfter(trigger) || WeakSigns(trigger.Sentence) >= 2;

    /// <summary>
    /// The sentence or one of the <see cref="StoryReach"/> before it names victims hurt, a weapon of its own or armed
    /// people: a report tells who did it first and what it was after ("Armed men fired at a bus. The driver died.
    /// Police said the attack was about extortion").
    /// </summary>
    public bool CorroboratedNear(int sentence)
    {
        for (var s = Math.Max(0, sentence - StoryReach); s <= sentence; s++)
        {
            if (Corroborates(s)) return true;
        }
        return false;
    }

    /// <summary>The sentence names victims hurt, a weapon of its own, armed people or the size of a crowd.</summary>
    public bool Corroborates(int sentence)
    {
        if (_corroborated[sentence] == 0) _corroborated[sentence] = (sbyte)(HasVictims(sentence) || HasOwnWeapon(sentence) || HasArmedActor(sentence) || _scan.GivesCrowdSize ? 1 : -1);
        return _corroborated[sentence] > 0;
    }

    /// <summary>The sentence gives a figure of people of a known kind hurt, killed or taken ("captured two pawns", "kill 50 zombies" name no one).</summary>
    public bool HasVictims(int sentence) => _victims[sentence];

    /// <summary>A weapon that is not itself a trigger's word ("a bomb" alone says nothing more than the trigger did) and has no everyday double.</summary>
    public bool HasOwnWeapon(int sentence)
    {
        foreach (var weapon in _scan.In(LexiconKind.Weapons, sentence))
        {
            if (!InsideTrigger(weapon) && !_senses.HasDouble(weapon)) return true;
        }
        return false;
    }

    public bool HasArmedActor(int sentence)
    {
        // Armed people ("gunmen", "soldiers", "police"), not the places they hold ("bases", "positions"): those
        // are as much a game's as a war's. A word with a double is armed beside a nationality ("Israeli forces").
        foreach (var person in _scan.In(LexiconKind.Victims, sentence))
        {
            if (IsArmed(person) && (!_senses.HasDouble(person) || BesideNationality(person))) return true;
        }
        var span = _scan.Text.Sentences[sentence];
        foreach (var actor in _scan.ActorsIn(span.FirstToken, span.EndToken))
        {
            if (actor.Kind is ActorMentionKind.Group or ActorMentionKind.DeFacto) return true;
        }
        return false;
    }

    private bool VictimsInClause(LexiconMatch trigger)
    {
        var clause = _scan.ClauseOf[trigger.FirstToken];
        foreach (var person in _scan.In(LexiconKind.Victims, trigger.Sentence))
        {
            if (person.Entry.Field(0) is not "unknown" && _scan.ClauseOf[person.FirstToken] == clause && !_senses.HasDouble(person)) return true;
        }
        return false;
    }

    /// <summary>
    /// The word is put at a place after it, in its own phrase, by a locative word: "the blast in Kabul", "clashes
    /// near Tripoli", "several explosions took place in Raqqa", "atacul din Austin". A name right after the word is
    /// its owner or a dateline ("Shell LAGOS"), and "of" makes a title ("the Masters of Madrid"), not where it happened.
    /// </summary>
    private bool PlaceAfter(LexiconMatch trigger)
    {
        var span = _scan.Text.Sentences[trigger.Sentence];
        if (trigger.EndToken >= span.EndToken || !_scan.IsWord(trigger.EndToken) || char.IsUpper(_scan.Text.Normalized[_scan.Tokens[trigger.EndToken].Start])) return false;
        var phrase = _scan.PhraseOf[trigger.FirstToken];
        foreach (var place in _scan.PlacesIn(trigger.EndToken + 1, Math.Min(span.EndToken, trigger.EndToken + PlaceReach)))
        {
            if (place.Cued && !place.Dateline && _scan.PhraseOf[place.FirstToken] == phrase) return true;
        }
        return false;
    }

    /// <summary>How many kinds of weaker sign of fighting the sentence shows.</summary>
    private int WeakSigns(int sentence)
    {
        var armed = false;
        var people = false;
        foreach (var person in _scan.In(LexiconKind.Victims, sentence))
        {
            var known = person.Entry.Field(0) is not "unknown";
            armed |= IsArmed(person) && _senses.HasDouble(person);
            people |= known && !IsArmed(person) && !_senses.HasDouble(person);
        }
        var weapon = _scan.In(LexiconKind.Weapons, sentence).Any(w => _senses.HasDouble(w) || InsideTrigger(w));
        var positions = false;
        var observed = false;
        var crowd = false;
        foreach (var cue in _scan.In(LexiconKind.Refiners, sentence))
        {
            var kind = cue.Entry.Field(0);
            positions |= kind is "armed-actor" && !_scan.In(LexiconKind.Victims, sentence).Any(p => p.Overlaps(cue));
            observed |= kind is "observation";
            crowd |= kind is "protester-violence" or "mob" or "civilian-target" or "lethal-force" or "return-fire";
        }
        var span = _scan.Text.Sentences[sentence];
        var place = _scan.PlacesIn(span.FirstToken, span.EndToken).Any(p => p.Cued && !p.Dateline);
        return Count(armed) + Count(people) + Count(weapon) + Count(positions) + Count(observed) + Count(crowd) + Count(place);
    }

    private static int Count(bool sign) => sign ? 1 : 0;

    private static bool IsArmed(LexiconMatch person) => person.Entry.Field(0) is "military" or "combatant" or "police";

    private bool InsideTrigger(LexiconMatch weapon)
    {
        foreach (var trigger in _scan.In(LexiconKind.Triggers, weapon.Sentence))
        {
            if (weapon.Overlaps(trigger)) return true;
        }
        return false;
    }

    /// <summary>A nationality or a state within two words of the noun ("Russian troops", "forces of Armenia", "fortele ruse"), or a side within three ("separatist forces", "pro-Hadi forces").</summary>
    private bool BesideNationality(LexiconMatch person)
    {
        foreach (var side in _scan.In(LexiconKind.Sides, person.Sentence))
        {
            if (side.Entry.Field(0) is "separatists" or "pro" or "anti" && Math.Abs(side.FirstToken - person.FirstToken) <= 3) return true;
        }
        var span = _scan.Text.Sentences[person.Sentence];
        foreach (var actor in _scan.ActorsIn(Math.Max(span.FirstToken, person.FirstToken - 2), Math.Min(span.EndToken, person.EndToken + 2)))
        {
            if (actor.Kind is ActorMentionKind.Demonym or ActorMentionKind.State) return true;
        }
        return false;
    }
}
