using Sitrep.Actors;
using Sitrep.Text;

namespace Sitrep.Tests.Actors;

public sealed class ActorRecognizerTests
{
    private static readonly TextAnalyzer Analyzer = new();
    private static readonly ActorRecognizer Recognizer = new();

    private static string Describe(string text, string language)
    {
        var analyzed = Analyzer.Analyze(text, language);
        return string.Join("; ", Recognizer.Find(analyzed).Select(a =>
            $"{analyzed.OriginalText(a.Start, a.End)}={a.Kind}/{a.Name}/{a.Country ?? "-"}"));
    }

    [Theory]
    // A capital standing for its government, in English and as a Romanian exonym with its article.
    [InlineData("Ankara rejected the proposal.", "en", "Ankara=State/Government of Turkey/TUR")]
    [InlineData("Erevanul a respins propunerea.", "ro", "Erevanul=State/Government of Armenia/ARM")]
    [InlineData("Moscova a cerut o reuniune.", "ro", "Moscova=State/Government of Russia/RUS")]
    [InlineData("Washington urged restraint.", "en", "Washington=State/Government of United States/USA")]
    // A country name with a Romanian ending is the state.
    [InlineData("Azerbaidjanul a acuzat partea adversa.", "ro", "Azerbaidjanul=State/Government of Azerbaijan/AZE")]
    // After a locative preposition the name is a place, not an actor.
    [InlineData("Talks were held in Ankara.", "en", "")]
    // Demonyms in both languages and their inflections.
    [InlineData("Armenian troops and azeri civilians", "en", "Armenian=Demonym/Armenian/ARM; azeri=Demonym/Azerbaijani/AZE")]
    [InlineData("soldatii armeni si civilii azere", "ro", "armeni=Demonym/Armenian/ARM; azere=Demonym/Azerbaijani/AZE")]
    // Named groups under their aliases; the longest name wins.
    [InlineData("Ansar Allah fighters clashed with Islamic State militants.", "en", "Ansar Allah=Group/Houthis/YEM; Islamic State=Group/Islamic State/-")]
    [InlineData("Atacul a fost revendicat de Statul Islamic.", "ro", "Statul Islamic=Group/Islamic State/-")]
    // Organisations: acronyms need capitals ("eu" is Romanian for "I").
    [InlineData("Eu cred ca ONU si UE vor reactiona.", "ro", "ONU=Organisation/United Nations/-; UE=Organisation/European Union/-")]
    [InlineData("Organizatia Tratatului de Securitate Colectiva s-a reunit.", "ro", "Organizatia Tratatului de Securitate Colectiva=Organisation/CSTO/-")]
    // Media are their own kind.
    [InlineData("citat de AFP si Agerpres", "ro", "AFP=Media/AFP/FRA; Agerpres=Media/Agerpres/ROU")]
    // De facto authorities.
    [InlineData("Nagorno-Karabakh authorities reported losses.", "en", "Nagorno-Karabakh authorities=DeFacto/Nagorno-Karabakh Republic/AZE")]
    [InlineData("The Donetsk People's Republic denied it.", "en", "Donetsk People's Republic=DeFacto/Donetsk People's Republic/UKR")]
    // A capital that is also a first name or a common word is not a government.
    [InlineData("The Victoria Police said the road was closed.", "en", "")]
    // A Romanian inflected capital and a lower-case Romanian group name.
    [InlineData("talibanii au atacat Kabulul.", "ro", "talibanii=Group/Taliban/AFG; Kabulul=State/Government of Afghanistan/AFG")]
    // Media and organisations in Romanian text; an acronym only in capitals.
    [InlineData("Crucea Rosie si Digi24 au relatat despre victime, citand AP.", "ro", "Crucea Rosie=Organisation/ICRC/-; Digi24=Media/Digi24/ROU; AP=Media/Associated Press/USA")]
    [InlineData("a fost o ap de mica adancime", "ro", "")]
    // A one-letter article is not the "AA" of a group's acronym.
    [InlineData("A grenade was thrown at the post.", "en", "")]
    // A de facto entity by its own name is a side; after a locative preposition it is a place.
    [InlineData("Transnistria a respins acuzatiile Chisinaului.", "ro", "Transnistria=DeFacto/Transnistria/MDA; Chisinaului=State/Government of Moldova/MDA")]
    [InlineData("Elections were held in Transnistria.", "en", "")]
    // A state before a currency is not the government.
    [InlineData("The US dollar rose against the lira.", "en", "")]
    public void Finds_actors(string text, string language, string expected)
    {
        Assert.Equal(expected, Describe(text, language));
    }

    [Theory]
    [InlineData("AZE", "Military Forces of Azerbaijan", "Government of Azerbaijan")]
    [InlineData("SYR", "Military Forces of Syria", "Government of Syria")]
    [InlineData("COD", "Military Forces of Democratic Republic of Congo", "Government of Democratic Republic of Congo")]
    public void Builds_ACLED_style_names(string iso3, string forces, string government)
    {
        Assert.Equal(forces, ActorNames.StateForces(iso3));
        Assert.Equal(government, ActorNames.Government(iso3));
    }

    [Fact]
    public void Builds_the_other_ACLED_style_names()
    {
        Assert.Equal("Police Forces of India", ActorNames.Police("IND"));
        Assert.Equal("Protesters (Romania)", ActorNames.Protesters("ROU"));
        Assert.Equal("Protesters (Romania)", ActorNames.Protesters("ROM"));
        Assert.Equal("Rioters (Chile)", ActorNames.Rioters("CHL"));
        Assert.Equal("Civilians (Syria)", ActorNames.Civilians("SYR"));
        Assert.Equal("Unidentified Armed Group (Nigeria)", ActorNames.UnidentifiedArmedGroup("NGA"));
        Assert.Equal("AZE", ActorNames.Iso3("AZ"));
        Assert.Equal("AM", ActorNames.Iso2("ARM"));
    }
}
