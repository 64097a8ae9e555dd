using Sitrep.Places;
using Sitrep.Text;

namespace Sitrep.Tests.Places;

/// <summary>
/// Recognition of places by the Romanian words around them (data/gazetteer/lexicon/ro-name-heads.tsv):
/// institution and event names, streets, geographic nouns, particles, person markers, lists.
/// Sentences written for these tests; one phenomenon a row.
/// </summary>
public sealed class PlaceNameContextTests
{
    private static readonly TextAnalyzer Analyzer = new();
    private static readonly PlaceRecognizer Recognizer = new();

    private static string Describe(string text, string language)
    {
        var analyzed = Analyzer.Analyze(text, language);
        return string.Join("; ", Recognizer.Find(analyzed).Select(p =>
            $"{analyzed.OriginalText(p.Start, p.End)}={p.Name}/{p.Country}/{p.Precision}"));
    }

    [Theory]
    // A city that closes a body's name as its jurisdiction belongs to the name.
    [InlineData("Primaria Municipiului Craiova a anuntat lucrari noi.", "")]
    // After "din" the city says where the body is, and an event there happens there.
    [InlineData("Suporterii au protestat in fata Ministerului Sanatatii din Craiova.", "Craiova=Craiova/ROU/Locality")]
    // A county after a council's name, with its adjective, belongs to the name.
    [InlineData("Consiliul Judetean Arges a aprobat bugetul.", "")]
    // A state inside a body's name stays a place: claims are attributed to the state's bodies by it.
    [InlineData("Ministerul de Externe al Poloniei a condamnat atacul.", "Poloniei=Poland/POL/Country")]
    // The chain runs over joiners and an administrative word in capitals.
    [InlineData("Inspectoratul de Politie al Judetului Iasi a anuntat arestarea.", "")]
    // An event's name holds its host city.
    [InlineData("Raliul Sibiului a inceput cu o proba de noapte.", "")]
    // A quoted name closes the institution's name: the city after it says where the school is.
    [InlineData("Elevii Colegiului \"Mihai Viteazul\" din Ploiesti au castigat concursul.", "Ploiesti=Ploieşti/ROU/Locality")]
    // The head noun of an institution is never a place by itself.
    [InlineData("Liga a doua incepe sambata.", "")]
    // A street named after a city is not that city; the city after it is.
    [InlineData("Accidentul a avut loc pe strada Brasov, langa scoala.", "")]
    [InlineData("Garda a arestat doi barbati in Bulevardul Dacia din Constanta.", "Constanta=Constanţa/ROU/Locality")]
    // A geographic noun is part of the mention; it is also the cue that a place is meant.
    [InlineData("Apele raului Olt au crescut dupa ploi.", "raului Olt=Olt/ROU/Admin")]
    [InlineData("Turistii au urcat in Muntii Fagarasului.", "Muntii Fagarasului=Făgăraș/ROU/Locality")]
    [InlineData("Traficul pe Canalul de Suez a fost oprit.", "Canalul de Suez=Suez/EGY/Locality")]
    // A particle after a title joins the place into a person's name.
    [InlineData("Ducele de Parma a sosit ieri.", "")]
    // The whole village name is found; a place name alone after "de" is not.
    [InlineData("Satenii din Lunca de Jos au iesit la vot.", "Lunca de Jos=Lunca de Jos/ROU/Locality")]
    // "lui" marks a person's name; a state keeps its place reading after it.
    [InlineData("Cartea lui Lincoln a aparut ieri.", "")]
    [InlineData("Atacurile lui Israel au continuat.", "Israel=Israel/ISR/Country")]
    // Places in a list are not read as "town, its county".
    [InlineData("Vizita la Slatina, Focsani si Pitesti a durat o zi.", "Slatina=Slatina/ROU/Locality; Focsani=Focșani/ROU/Locality; Pitesti=Piteşti/ROU/Locality")]
    // Two places joined by a hyphen in a route are two names, not one unknown name.
    [InlineData("Trenul circula pe ruta Pecica-Arad de doua ori pe zi.", "Pecica=Pecica/ROU/Locality; Arad=Arad/ROU/Locality")]
    // A capitalised conjunction at the start of a sentence is not a town abroad.
    [InlineData("Desi ploua, oamenii au iesit in strada.", "")]
    // "domn" before a surname that is also a village.
    [InlineData("Domnul Olaru a vorbit cu domnul Gruia despre bani.", "")]
    // A commune named after a person is the person without a cue, the commune with one.
    [InlineData("Compozitorul George Enescu a cantat la vioara.", "")]
    [InlineData("Aeronava a aterizat la Mihail Kogalniceanu dupa-amiaza.", "Mihail Kogalniceanu=Mihail Kogălniceanu/ROU/Locality")]
    // A Romanian village in a Romanian text needs no state named beside it.
    [InlineData("Ieri au protestat oamenii din Vulpesti.", "Vulpesti=Vulpești/ROU/Locality")]
    // A title before a first name that is also a city.
    [InlineData("Actrita Paris Hilton a sosit.", "")]
    // Genitive endings: "-cii" of a name in "-ca" (keys fold the double letter), "-ului" of a name in "-i".
    [InlineData("Granita Danemarcii a fost inchisa.", "Danemarcii=Denmark/DNK/Country")]
    [InlineData("Turistii au vizitat centrul Iasului.", "Iasului=Iaşi/ROU/Locality")]
    // An ending that gives a place abroad gives way to a shorter one that gives a home place.
    [InlineData("Turistii au vizitat centrul Sibiului.", "Sibiului=Sibiu/ROU/Locality")]
    // A home place of two words may open a sentence.
    [InlineData("Ocna Mures a primit fonduri noi.", "Ocna Mures=Ocna Mureş/ROU/Locality")]
    // Three small places listed together are places; two alone with no cue are not taken on trust.
    [InlineData("Districtul cuprinde comunele Olfen, Beerfelden si Limbach.", "Olfen=Olfen/DEU/Locality; Beerfelden=Beerfelden/DEU/Locality; Limbach=Limbach/DEU/Locality")]
    [InlineData("Districtul cuprinde comunele Olfen si Beerfelden.", "")]
    // A first name before a town's name makes a person, even at the start of a sentence.
    [InlineData("Alexandru Roman s-a nascut intr-un sat.", "")]
    public void Romanian_words_around_a_name_decide_whether_it_is_a_place(string text, string expected)
    {
        Assert.Equal(expected, Describe(text, "ro"));
    }

    [Theory]
    // English text keeps the city of an institution's name: event notes locate by it.
    [InlineData("Students at the University of Kabul protested in the city.", "Kabul=Kabul/AFG/Locality")]
    // Two states joined by a hyphen are both places.
    [InlineData("Fighting on the Israel-Gaza border continued.", "Israel=Israel/ISR/Country; Gaza=Gaza/PSE/Locality")]
    public void English_names_keep_their_places(string text, string expected)
    {
        Assert.Equal(expected, Describe(text, "en"));
    }
}
