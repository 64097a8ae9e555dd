using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Extraction.Lexicons;
using Sitrep.Extraction.Matching;
using Sitrep.Extraction.Status;

namespace Sitrep.Extraction.Frames;

/// <summary>
/// Decides whether a trigger of violence is about another domain: sport, markets, films, games, cooking,
/// fire-fighting, drills, metaphor or a commemoration ("the team's attack", "prices exploded", "firefighters
/// fought the blaze"). A metaphor, a commemoration or a drill is a phrase: near its trigger it always decides,
/// and elsewhere in the sentence it says nothing. The word of a setting (a match, a fire, a festival) or a
/// match score ("won 3-1") decides only in a sentence that shows no conflict of its own (no death or wound, no
/// named victims, no weapon besides the trigger's own word, no armed actor): sports and business reports put
/// their domain words anywhere in the sentence, while a real report says who was hurt, with what, by whom.
/// A trigger that has no everyday double ("grenade") heeds only a setting word near it.
/// </summary>
internal sealed class DomainGuard
{
    /// <summary>Tokens between a guard word and a trigger within which the word speaks of the trigger itself.</summary>
    private const int NearReach = 6;

    /// <summary>
    /// Trigger salience from which a word names a weapon or act of war with no everyday double ("grenade",
    /// "air strikes"): only a setting word near it can make it something else ("in the game, call in air strikes").
    /// </summary>
    private const int UnambiguousSalience = 7;

    /// <summary>
    /// A metaphor ("war of words", "fight every clause"), a commemoration ("the anniversary of the battle") or a
    /// drill ("an exercise simulating an assault") is a phrase bound to its trigger: near it, it decides even
    /// among soldiers and weapons; unlike the words of a setting (a match, a fire, a festival) it says nothing
    /// of the rest of the sentence ("clashes broke out during the commemoration" are real).
    /// </summary>
    private static bool BindsOnlyItsPhrase(string domain) => domain is "metaphor" or "commemoration" or "drill";

    private readonly DocumentScan _scan;
    private readonly HashSet<int> _sentencesWithVictims;
    private readonly bool[] _uncorroborated;
    private readonly bool[] _checked;

    public DomainGuard(DocumentScan scan, ImmutableArray<CasualtyFrame> casualties)
    {
        _scan = scan;
        // Found once: asking each sentence of all the document's figures would be quadratic in a long text.
        // "captured two pawns", "kill 50 zombies" name no one: only a known kind of victim tells of conflict.
        _sentencesWithVictims = casualties.Where(c => c.Status != EventStatus.Negated && c.Victims.Category is not "unknown").Select(c => c.Sentence).ToHashSet();
        _uncorroborated = new bool[scan.SentenceCount];
        _checked = new bool[scan.SentenceCount];
    }

    public bool IsGuarded(LexiconMatch trigger)
    {
        // Demonstrations, statements and agreements have no sporting double; destruction does ("crushed the visitors").
        var code = trigger.Entry.Field(0);
        var family = LexiconSchema.SubEvents[code].Key;
        if (family is "Protests" or "Statements" || (family is "Strategic developments" && code is not "looting")) return false;
        var setting = false;
        var unambiguous = trigger.Entry.IntField(1) >= UnambiguousSalience;
        foreach (var guard in _scan.In(LexiconKind.Guards, trigger.Sentence))
        {
            var near = guard.Overlaps(trigger) || Math.Abs(guard.FirstToken - trigger.FirstToken) <= NearReach;
            if (BindsOnlyItsPhrase(guard.Entry.Field(0)))
            {
                if (near) return true;
            }
            else
            {
                setting |= near || !unambiguous;
            }
        }
        if (!setting && (unambiguous || !HasScore(trigger.Sentence))) return false;
        return Uncorroborated(trigger.Sentence);
    }

    private bool Uncorroborated(int sentence)
    {
        if (!_checked[sentence])
        {
            _uncorroborated[sentence] = !HasCasualties(sentence) && !HasOwnWeapon(sentence) && !HasArmedActor(sentence);
            _checked[sentence] = true;
        }
        return _uncorroborated[sentence];
    }

    private bool HasCasualties(int sentence) => _sentencesWithVictims.Contains(sentence);

    /// <summary>A weapon that is not itself a trigger's word: "a bomb" alone says nothing more than the trigger did.</summary>
    private bool HasOwnWeapon(int sentence)
    {
        var triggers = _scan.In(LexiconKind.Triggers, sentence);
        foreach (var weapon in _scan.In(LexiconKind.Weapons, sentence))
        {
            var insideTrigger = false;
            foreach (var trigger in triggers)
            {
                if (weapon.Overlaps(trigger)) insideTrigger = true;
            }
            if (!insideTrigger) return true;
        }
        return false;
    }

    private bool HasArmedActor(int sentence)
    {
        // Armed people ("gunmen", "soldiers", "police"), not the places they hold ("bases", "positions"): those
        // are as much a game's as a war's.
        foreach (var person in _scan.In(LexiconKind.Victims, sentence))
        {
            if (person.Entry.Field(0) is "military" or "combatant" or "police") return true;
        }
        var span = _scan.Text.Sentences[sentence];
        foreach (var actor in _scan.ActorsIn(span.FirstToken, span.EndToken))
        {
            if (actor.Kind is ActorMentionKind.Group or ActorMentionKind.DeFacto) return true;
        }
        return false;
    }

    private bool HasScore(int sentence)
    {
        var span = _scan.Text.Sentences[sentence];
        for (var token = span.FirstToken; token < span.EndToken; token++)
        {
            if (MatchScore.At(_scan, token)) return true;
        }
        return false;
    }
}
