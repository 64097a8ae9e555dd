namespace Sitrep.Tests.Extraction;

/// <summary>The passive voice turns a sentence's order around: who comes first was acted upon.</summary>
public sealed class PassiveVoiceTests
{
    private const string Day = "2021-03-17";

    [Theory]
    // the gainer of ground after "by": a non-state side
    [InlineData("en", "The mining town was captured by Al Shabaab fighters on Sunday.", "sub=Non-state actor overtakes territory")]
    // the active twin says the same
    [InlineData("en", "Al Shabaab fighters captured the mining town on Sunday.", "sub=Non-state actor overtakes territory")]
    // the army after "by" regains
    [InlineData("en", "The hill was retaken by the army on Sunday.", "sub=Government regains territory")]
    // a hedge between auxiliary and participle
    [InlineData("en", "The depot was reportedly overrun by Boko Haram militants.", "sub=Non-state actor overtakes territory")]
    [InlineData("ro", "Orasul a fost cucerit de catre militantii Al Shabaab duminica.", "sub=Non-state actor overtakes territory")]
    [InlineData("ro", "Dealul a fost recucerit de catre armata duminica.", "sub=Government regains territory")]
    public void Who_gains_ground_in_the_passive_follows_by(string language, string text, string expectations) =>
        SentenceExpectations.Check(language, text, Day, expectations);

    [Theory]
    // the named group before a passive arrest is the one arrested: not an abduction
    [InlineData("en", "Four Boko Haram militants were arrested near the market on Monday.", "sub=Arrests;actor2=Boko Haram")]
    // an armed group after "by" does abduct
    [InlineData("en", "Four traders were arrested by Boko Haram militants near the market on Monday.", "sub=Abduction/forced disappearance;actor1=Boko Haram")]
    // the active twin: the group acts
    [InlineData("en", "Boko Haram militants arrested four traders near the market on Monday.", "sub=Abduction/forced disappearance;actor1=Boko Haram")]
    [InlineData("ro", "Patru militanti Boko Haram au fost arestati langa piata luni.", "sub=Arrests;actor2=Boko Haram")]
    [InlineData("ro", "Patru comercianti au fost arestati de catre militantii Boko Haram langa piata luni.", "sub=Abduction/forced disappearance;actor1=Boko Haram")]
    public void An_arrest_in_the_passive_names_the_arrested_first(string language, string text, string expectations) =>
        SentenceExpectations.Check(language, text, Day, expectations);

    [Theory]
    // "there were clashes": an auxiliary before a noun is no passive
    [InlineData("en", "There were clashes between Hamas and Fatah supporters in Gaza.", "type=Battles;actor1=Hamas")]
    // "au fost lupte": idem
    [InlineData("ro", "Au fost lupte intre Hamas si sustinatorii Fatah in Gaza.", "type=Battles;actor1=Hamas")]
    // "IS" is the Islamic State, not the verb "is"
    [InlineData("en", "IS attacked an army convoy near Palmyra.", "actor1=Islamic State")]
    public void An_auxiliary_before_a_noun_leaves_the_order_alone(string language, string text, string expectations) =>
        SentenceExpectations.Check(language, text, Day, expectations);
}
