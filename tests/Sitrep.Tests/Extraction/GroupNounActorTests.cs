namespace Sitrep.Tests.Extraction;

/// <summary>Sides named only by a group noun take ACLED's names, with the country of their demonym or of the event.</summary>
public sealed class GroupNounActorTests
{
    private const string Day = "2021-03-17";

    [Theory]
    // in a demonstration the crowd is the first actor and the police who step in the second, wherever they stand
    [InlineData("en", "Police arrested twenty protesters in Lahore.", "actor1=Protesters (Pakistan);actor2=Police Forces of Pakistan")]
    [InlineData("ro", "Politia a arestat douazeci de protestatari la Lahore.", "actor1=Protesters (Pakistan);actor2=Police Forces of Pakistan")]
    // unnamed gunmen and their victims
    [InlineData("en", "Gunmen killed three farmers near Gusau.", "actor1=Unidentified Armed Group (Nigeria);actor2=Civilians (Nigeria)")]
    [InlineData("ro", "Barbati inarmati au ucis trei fermieri langa Gusau.", "actor1=Unidentified Armed Group (Nigeria);actor2=Civilians (Nigeria)")]
    // a demonym gives its own country to the noun it qualifies, and is then no state's forces
    [InlineData("en", "Gunmen abducted an Indian businessman in Maputo.", "actor1=Unidentified Armed Group (Mozambique);actor2=Civilians (India)")]
    [InlineData("ro", "Barbati inarmati au rapit un comerciant indian la Maputo.", "actor1=Unidentified Armed Group (Mozambique);actor2=Civilians (India)")]
    // whoever demonstrates is a protester
    [InlineData("en", "Teachers protested outside the ministry in Athens.", "actor1=Protesters (Greece)")]
    [InlineData("ro", "Profesorii au protestat in fata ministerului la Atena.", "actor1=Protesters (Greece)")]
    // civilians never do the violence, even when told first
    [InlineData("en", "A farmer was found dead near Gusau after gunmen attacked the village.", "actor2=Civilians (Nigeria)")]
    // soldiers with no demonym could be either side's: no state is named for them
    [InlineData("en", "Two soldiers died in clashes near Goma.", "actor1=null")]
    [InlineData("ro", "Doi soldati au murit in lupte langa Goma.", "actor1=null")]
    // a noun beside a named group is that group
    [InlineData("en", "Taliban militants attacked a checkpoint in Helmand.", "actor1=Taliban")]
    [InlineData("ro", "Militantii talibani au atacat un punct de control in Helmand.", "actor1=Taliban")]
    public void Group_nouns_are_named_the_acled_way(string language, string text, string expectations) =>
        SentenceExpectations.Check(language, text, Day, expectations);
}
