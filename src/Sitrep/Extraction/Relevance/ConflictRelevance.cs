using System.Collections.Immutable;
using Sitrep.Extraction.Frames;
using Sitrep.Extraction.Lexicons;
using Sitrep.Extraction.Status;

namespace Sitrep.Extraction.Relevance;

/// <summary>
/// How much a whole text is about armed conflict, from 0 to 1 (<c>document.relevance</c>). It adds up, sentence by
/// sentence, violence told with evidence: a word of violence with no everyday double ("airstrike", "beheaded"),
/// or one with a double that its sentence corroborates; victims hurt or killed; and, only beside such words, a
/// weapon or armed people. A weak sentence cannot make a text a conflict report alone: a corroborated "attack"
/// with police in a crime story, or "the war" in a political one, stays under <see cref="ConflictDocument"/>,
/// while one sentence telling of a strike that killed people passes it.
/// </summary>
internal sealed class ConflictRelevance
{
    /// <summary>The score from which a text is a conflict report: words of violence with a double count there without evidence of their own sentence.</summary>
    public const double ConflictDocument = 0.5;

    /// <summary>The evidence that scores 1 - 1/e (0.63); a word with no double beside victims hurt (3.5) scores 0.69.</summary>
    private const double Scale = 3.0;

    private const double PlainWord = 2.0;
    private const double CorroboratedWord = 1.0;
    private const double HurtVictims = 1.5;
    private const double Weapon = 0.5;
    private const double ArmedPeople = 0.5;

    private readonly bool[] _plainViolence;

    private ConflictRelevance(bool[] plainViolence, double score)
    {
        _plainViolence = plainViolence;
        Score = score;
    }

    /// <summary>From 0 (nothing of conflict) to 1, rounded to two decimals.</summary>
    public double Score { get; }

    public bool IsConflictDocument => Score >= ConflictDocument;

    /// <summary>The sentence holds a word of violence with no everyday double that no setting guards ("grenade", "beheaded").</summary>
    public bool HasPlainViolence(int sentence) => _plainViolence[sentence];

    public static ConflictRelevance Measure(DocumentScan scan, ImmutableArray<CasualtyFrame> casualties, EverydaySenses senses, ViolenceEvidence evidence, DomainGuard guard)
    {
        var plain = new bool[scan.SentenceCount];
        var hurt = new bool[scan.SentenceCount];
        foreach (var casualty in casualties)
        {
            if (casualty.Status == EventStatus.Current && casualty.Victims.Category is not "unknown" && casualty.Outcome is "killed" or "wounded" or "abducted") hurt[casualty.Sentence] = true;
        }
        var evidenceSum = 0.0;
        for (var sentence = 0; sentence < scan.SentenceCount; sentence++)
        {
            var corroborated = false;
            foreach (var trigger in scan.In(LexiconKind.Triggers, sentence))
            {
                if (!IsViolent(trigger.Entry.Field(0)) || trigger.Entry.IntField(1) <= EventFrame.ReferenceSalience || guard.IsGuarded(trigger)) continue;
                if (!senses.HasDouble(trigger)) plain[sentence] = true;
                else corroborated |= evidence.Corroborates(trigger);
            }
            var told = plain[sentence] || corroborated;
            var score = plain[sentence] ? PlainWord : told ? CorroboratedWord : 0;
            if (hurt[sentence]) score += HurtVictims;
            if (told || hurt[sentence])
            {
                if (evidence.HasOwnWeapon(sentence)) score += Weapon;
                if (evidence.HasArmedActor(sentence)) score += ArmedPeople;
            }
            evidenceSum += score;
        }
        return new ConflictRelevance(plain, Math.Round(1 - Math.Exp(-evidenceSum / Scale), 2));
    }

    /// <summary>The families whose words name violence itself, and the change of territory it wins.</summary>
    private static bool IsViolent(string code) =>
        LexiconSchema.SubEvents[code].Key is "Battles" or "Explosions/Remote violence" or "Violence against civilians" or "Riots";
}
