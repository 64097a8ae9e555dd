using Sitrep.Extraction.Lexicons;
using Sitrep.Extraction.Matching;
using Sitrep.Extraction.Relevance;

namespace Sitrep.Extraction.Frames;

/// <summary>
/// Decides whether a trigger is read in its violent sense. A word inside a date ("March 2") never is, nor a trigger
/// about another domain (<see cref="DomainGuard"/>). A word with a frequent everyday sense ("attack", "lupta",
/// "a ocupat", "aircraft") is violent only with evidence (<see cref="ViolenceEvidence"/>), beside a word of
/// violence with no double, or in a conflict report (<see cref="ConflictRelevance"/>) in a sentence that names a
/// place. Demonstrations and statements have no such doubles here.
/// </summary>
internal sealed class ViolentReading
{
    private readonly DocumentScan _scan;
    private readonly DomainGuard _guard;
    private readonly EverydaySenses _senses;
    private readonly ViolenceEvidence _evidence;
    private readonly ConflictRelevance _relevance;
    private readonly ISet<int> _dateTokens;

    /// <param name="dateTokens">Tokens of the text's dates: a month's name there is no word of an event ("March 2").</param>
    public ViolentReading(DocumentScan scan, DomainGuard guard, EverydaySenses senses, ViolenceEvidence evidence, ConflictRelevance relevance, ISet<int> dateTokens)
    {
        _scan = scan;
        _guard = guard;
        _senses = senses;
        _evidence = evidence;
        _relevance = relevance;
        _dateTokens = dateTokens;
    }

    public bool Holds(LexiconMatch trigger)
    {
        if (_dateTokens.Contains(trigger.FirstToken) || _guard.IsGuarded(trigger)) return false;
        if (LexiconSchema.SubEvents[trigger.Entry.Field(0)].Key is "Protests" or "Statements") return true;
        // A mere reference to fighting ("the war") makes no event of its own: it only carries a toll, so it needs no evidence.
        if (!_senses.HasDouble(trigger) || IsReferenceToFighting(trigger)) return true;
        var sentence = trigger.Sentence;
        return _evidence.Corroborates(trigger) || _relevance.HasPlainViolence(sentence) || (_relevance.IsConflictDocument && NamesPlace(sentence));
    }

    /// <summary>
    /// A death told with a word that has an everyday double ("died", "au murit") makes an event of its own only with
    /// armed people or a weapon in its sentence or the two before ("armed men shot at a car. The driver died"), or
    /// in a conflict report.
    /// </summary>
    public bool HoldsAlone(CasualtyFrame casualty) =>
        !_senses.HasDouble(casualty) || _relevance.IsConflictDocument || ArmedOrWeaponNear(casualty.Sentence);

    private bool ArmedOrWeaponNear(int sentence)
    {
        for (var s = Math.Max(0, sentence - ViolenceEvidence.StoryReach); s <= sentence; s++)
        {
            if (_evidence.HasOwnWeapon(s) || _evidence.HasArmedActor(s)) return true;
        }
        return false;
    }

    private static bool IsReferenceToFighting(LexiconMatch trigger) =>
        trigger.Entry.IntField(1) <= EventFrame.ReferenceSalience && trigger.Entry.Field(0) is "armed-clash";

    private bool NamesPlace(int sentence)
    {
        var span = _scan.Text.Sentences[sentence];
        return _scan.PlacesIn(span.FirstToken, span.EndToken).Any();
    }
}
