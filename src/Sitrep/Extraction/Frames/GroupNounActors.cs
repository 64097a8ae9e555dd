using Sitrep.Actors;
using Sitrep.Extraction.Lexicons;

namespace Sitrep.Extraction.Frames;

/// <summary>
/// Names the sides a sentence speaks of only by a group noun, as ACLED does: "police" are the Police Forces of
/// the country, "soldiers" its Military Forces, "villagers" or "an Indian businessman" Civilians (Country),
/// "gunmen" an Unidentified Armed Group (Country); in a demonstration its people are Protesters (Country), in
/// a riot Rioters (Country).
/// The country is the demonym beside the noun ("Indian police", "civili azeri"), else the event's country
/// (except for soldiers, who in a war between states may be either side's: they need their demonym).
/// A noun beside a named group ("Taliban militants", "militantii Al Shabaab") is that group, not another actor.
/// </summary>
internal sealed class GroupNounActors
{
    /// <summary>Tokens around a noun within which a named group qualifies it ("members of the Taliban").</summary>
    private const int Reach = 3;

    private readonly DocumentScan _scan;

    public GroupNounActors(DocumentScan scan)
    {
        _scan = scan;
    }

    /// <summary>One unnamed side: where its noun is, what it is called, and the demonym it absorbed, if any.</summary>
    public sealed record Side(int FirstToken, int Start, int End, string Name, string Country, string Kind, ActorMention? Demonym);

    /// <summary>The unnamed sides of tokens [first, end) of a sentence, in text order.</summary>
    /// <param name="family">The event type: in a demonstration everyone in the crowd is a protester or a rioter.</param>
    public List<Side> In(int sentence, int first, int end, string? eventCountry, string family)
    {
        var sides = new List<Side>();
        foreach (var noun in _scan.In(LexiconKind.Victims, sentence))
        {
            if (noun.FirstToken < first || noun.FirstToken >= end) continue;
            var category = noun.Entry.Field(0);
            if (category is "unknown") continue;
            var nearby = _scan.ActorsIn(Math.Max(0, noun.FirstToken - Reach), noun.EndToken + Reach).ToList();
            if (nearby.Any(a => a.Kind is ActorMentionKind.Group or ActorMentionKind.DeFacto or ActorMentionKind.Organisation)) continue;
            // A demonym qualifies the noun it touches ("Indian businessman", "civili azeri"), one word apart at most
            // ("Afghan security personnel"), not the next noun of the sentence ("gunmen abducted an Indian ...").
            var demonym = nearby.FirstOrDefault(a => a.Kind is ActorMentionKind.Demonym or ActorMentionKind.State && a.Country is not null
                && ((a.FirstToken + a.TokenCount <= noun.FirstToken && a.FirstToken + a.TokenCount >= noun.FirstToken - 1)
                    || (a.FirstToken >= noun.EndToken && a.FirstToken <= noun.EndToken + 1)));
            // Soldiers without a demonym may be either side's in a war between states; police, civilians and
            // unnamed gunmen are the country's where it happens.
            if (demonym is null && category is "military") continue;
            var country = demonym?.Country ?? eventCountry;
            if (country is null) continue;
            var (name, kind) = category switch
            {
                "military" => (ActorNames.StateForces(country), "state-forces"),
                "police" => (ActorNames.Police(country), "state-forces"),
                "combatant" => (ActorNames.UnidentifiedArmedGroup(country), "unknown"),
                // Whoever demonstrates is coded by what they do: workers who march are protesters, villagers who riot rioters.
                _ when family is "Riots" => (ActorNames.Rioters(country), "rioters"),
                _ when family is "Protests" => (ActorNames.Protesters(country), "protesters"),
                "protester" => (ActorNames.Protesters(country), "protesters"),
                _ => (ActorNames.Civilians(country), "civilians"),
            };
            sides.Add(new Side(noun.FirstToken, noun.Start, noun.End, name, country, kind, demonym));
        }
        return sides;
    }
}
