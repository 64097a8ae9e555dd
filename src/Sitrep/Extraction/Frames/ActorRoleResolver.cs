using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Output;

namespace Sitrep.Extraction.Frames;

/// <summary>
/// Gives an event its actors from the sentences of its frames: who comes before the deciding trigger acts
/// (actor1, then associated actors), who comes after is acted upon (actor2); in the passive ("three men were
/// arrested by police") the other way round, and a patient with no named doer stays actor2. States and demonyms stand for
/// their forces in violent events and for their governments in statements (capitals included: "Ankara").
/// Media are relays, never actors; the claimant's own words are not the event's actors.
/// </summary>
internal sealed class ActorRoleResolver
{
    private readonly DocumentScan _scan;
    private readonly PassiveVoice _voice;

    public ActorRoleResolver(DocumentScan scan, PassiveVoice voice)
    {
        _scan = scan;
        _voice = voice;
    }

    public ImmutableArray<Actor> Resolve(IReadOnlyList<EventFrame> frames)
    {
        var actors = ImmutableArray.CreateBuilder<Actor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var main = frames[0];
        var statement = main.IsStatement;
        var s = _scan.Text.Sentences[main.Sentence];
        // Actors of the trigger's own phrase; the sentence's others when the phrase names none ("..., said X").
        var phrase = _scan.PhraseOf[main.AnchorToken];
        var mentions = _scan.ActorsIn(s.FirstToken, s.EndToken).Where(a => a.Kind != ActorMentionKind.Media).ToList();
        var own = mentions.Where(a => _scan.PhraseOf[a.FirstToken] == phrase).ToList();
        if (own.Count > 0) mentions = own;
        var before = mentions.Where(a => a.FirstToken < main.AnchorToken).ToList();
        var after = mentions.Where(a => a.FirstToken > main.AnchorToken).ToList();
        var passive = !statement && _voice.IsPassive(main);
        if (passive) (before, after) = (after, before);
        else if (before.Count == 0 && after.Count > 0 && !statement)
        {
            before.Add(after[0]);
            after.RemoveAt(0);
        }
        var first = true;
        foreach (var actor in before)
        {
            if (Add(actor, first ? "actor1" : "assoc1")) first = false;
        }
        first = true;
        foreach (var actor in after)
        {
            if (Add(actor, first ? "actor2" : "assoc2")) first = false;
        }
        return actors.DrainToImmutable();

        bool Add(ActorMention mention, string role)
        {
            var (name, kind) = Name(mention, statement);
            if (!seen.Add(name)) return false;
            var span = _scan.ToSpan(mention.Start, mention.End);
            actors.Add(new Actor(name, mention.Country, kind, role, span.Start, span.End));
            return true;
        }
    }

    private static (string Name, string Kind) Name(ActorMention mention, bool statement)
    {
        if (mention.Kind is ActorMentionKind.State or ActorMentionKind.Demonym && mention.Country is { } iso3)
        {
            return statement ? (ActorNaming.Government(iso3), "government") : (ActorNaming.StateForces(iso3), "state-forces");
        }
        return (mention.Name, mention.ContractKind);
    }
}
