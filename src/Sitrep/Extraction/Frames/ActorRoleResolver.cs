using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Output;

namespace Sitrep.Extraction.Frames;

/// <summary>
/// Gives an event its actors from the sentences of its frames: who comes before the deciding trigger acts
/// (actor1, then associated actors), who comes after is acted upon (actor2); in the passive ("three men were
/// arrested by police") the other way round, and a patient with no named doer stays actor2. Civilians are
/// never doers of violence; a demonstration's crowd always is. Sides named only by a group noun ("police",
/// "gunmen", "villagers") take ACLED's names (<see cref="GroupNounActors"/>). States and demonyms stand for
/// their forces in violent events and for their governments in statements (capitals included: "Ankara").
/// Media are relays, never actors; the claimant's own words are not the event's actors.
/// </summary>
internal sealed class ActorRoleResolver
{
    private readonly DocumentScan _scan;
    private readonly PassiveVoice _voice;
    private readonly GroupNounActors _groupNouns;

    public ActorRoleResolver(DocumentScan scan, PassiveVoice voice)
    {
        _scan = scan;
        _voice = voice;
        _groupNouns = new GroupNounActors(scan);
    }

    /// <param name="eventCountry">The country of the event's location: the country of sides named only by a group noun.</param>
    public ImmutableArray<Actor> Resolve(IReadOnlyList<EventFrame> frames, string? eventCountry)
    {
        var actors = ImmutableArray.CreateBuilder<Actor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var main = frames[0];
        var s = _scan.Text.Sentences[main.Sentence];
        // Actors of the trigger's own phrase; the sentence's others when the phrase names none ("..., said X").
        var phrase = _scan.PhraseOf[main.AnchorToken];
        var parties = Parties(main, s.FirstToken, s.EndToken, eventCountry);
        var own = parties.Where(p => _scan.PhraseOf[p.FirstToken] == phrase).ToList();
        if (own.Count > 0) parties = own;
        var (before, after) = Sides(main, parties);
        var first = true;
        foreach (var party in before)
        {
            if (Add(party, first ? "actor1" : "assoc1")) first = false;
        }
        first = true;
        foreach (var party in after)
        {
            if (Add(party, first ? "actor2" : "assoc2")) first = false;
        }
        return actors.DrainToImmutable();

        bool Add(Party party, string role)
        {
            if (!seen.Add(party.Name)) return false;
            var span = _scan.ToSpan(party.Start, party.End);
            actors.Add(new Actor(party.Name, party.Country, party.Kind, role, span.Start, span.End));
            return true;
        }
    }

    /// <summary>Splits the parties into doers (actor1, assoc1) and those acted upon (actor2, assoc2).</summary>
    private (List<Party> Doers, List<Party> Done) Sides(EventFrame main, List<Party> parties)
    {
        // In a demonstration the crowd acts and everyone else (police, targets) is acted upon, wherever they stand.
        if (main.EventType is "Protests" or "Riots" && parties.Any(p => p.Crowd))
        {
            return ([.. parties.Where(p => p.Crowd)], [.. parties.Where(p => !p.Crowd)]);
        }
        var before = parties.Where(p => p.FirstToken < main.AnchorToken).ToList();
        var after = parties.Where(p => p.FirstToken > main.AnchorToken).ToList();
        if (main.IsStatement) return (before, after);
        var passive = _voice.IsPassive(main);
        if (passive) (before, after) = (after, before);
        // "a man was found dead", "gunmen shot a villager": civilians never do the violence.
        after = [.. before.Where(p => p.Victim).Concat(after).OrderBy(p => p.FirstToken)];
        before.RemoveAll(p => p.Victim);
        // "Clashes between X and Y": with nobody before the trigger, the first named after it acts.
        if (!passive && before.Count == 0 && after.Count > 0 && !after[0].Victim)
        {
            before.Add(after[0]);
            after.RemoveAt(0);
        }
        return (before, after);
    }

    /// <summary>A side the sentence names: a recognised actor, or a group noun named the ACLED way.</summary>
    private sealed record Party(int FirstToken, int Start, int End, string Name, string? Country, string Kind)
    {
        /// <summary>Civilians suffer violence; they never do it.</summary>
        public bool Victim => Kind is "civilians";

        /// <summary>The crowd of a demonstration, which ACLED always makes its first actor.</summary>
        public bool Crowd => Kind is "protesters" or "rioters";
    }

    /// <summary>Named actors (media aside) and group nouns of tokens [first, end), in text order; a demonym that qualifies a noun ("Indian businessman") is that noun's country, not an actor.</summary>
    private List<Party> Parties(EventFrame main, int first, int end, string? eventCountry)
    {
        var sides = _groupNouns.In(main.Sentence, first, end, eventCountry, main.EventType);
        var absorbed = sides.Where(g => g.Demonym is not null).Select(g => g.Demonym!).ToHashSet();
        var parties = _scan.ActorsIn(first, end)
            .Where(a => a.Kind != ActorMentionKind.Media && !absorbed.Contains(a))
            .Select(a =>
            {
                var (name, kind) = Name(a, main.IsStatement);
                return new Party(a.FirstToken, a.Start, a.End, name, a.Country, kind);
            })
            .Concat(sides.Select(g => new Party(g.FirstToken, g.Start, g.End, g.Name, g.Country, g.Kind)));
        return [.. parties.OrderBy(p => p.FirstToken)];
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
