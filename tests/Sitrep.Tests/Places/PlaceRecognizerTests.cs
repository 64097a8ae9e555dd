using Sitrep.Places;
using Sitrep.Text;

namespace Sitrep.Tests.Places;

public sealed class PlaceRecognizerTests
{
    private static readonly TextAnalyzer Analyzer = new();
    private static readonly PlaceRecognizer Recognizer = new();

    private static string Describe(string text, string? language = null)
    {
        var analyzed = Analyzer.Analyze(text, language);
        return string.Join("; ", Recognizer.Find(analyzed).Select(p =>
            $"{analyzed.OriginalText(p.Start, p.End)}={p.Name}/{p.Country}/{p.Precision}"));
    }

    [Theory]
    // A country name in English and in Romanian, with a Romanian genitive ending.
    [InlineData("Fighting resumed in Armenia on Tuesday.", "en", "Armenia=Armenia/ARM/Country")]
    [InlineData("Guvernul Romaniei a anuntat masuri noi.", "ro", "Romaniei=Romania/ROU/Country")]
    [InlineData("Trupele Azerbaidjanului au avansat.", "ro", "Azerbaidjanului=Azerbaijan/AZE/Country")]
    // A Romanian exonym of a capital, with its article.
    [InlineData("Delegatia a sosit la Moscova marti.", "ro", "Moscova=Moscow/RUS/Locality")]
    [InlineData("Ambasadorul a plecat din Bucurestiului.", "ro", "Bucurestiului=Bucharest/ROU/Locality")]
    // A de facto territory under its Romanian name.
    [InlineData("Luptele din Nagorno-Karabah au continuat.", "ro", "Nagorno-Karabah=Nagorno-Karabakh/AZE/Region")]
    // Administrative context picks the place inside the named area.
    [InlineData("A shell hit a house in Miznaz in Aleppo province.", "en", "Aleppo=Aleppo/SYR/Admin")]
    // A demonym is never a place.
    [InlineData("Armenian officials met Azerbaijani envoys.", "en", "")]
    // "Of" at sentence start and "Police" are common words, not Turkish or Polish towns.
    [InlineData("Police said the march was peaceful.", "en", "")]
    [InlineData("Of the five wounded, two were children.", "en", "")]
    // A first name followed by a surname is a person.
    [InlineData("The report was written by Victoria Mendes.", "en", "")]
    // "Nice" is a city after a locative preposition, a word at the start of a sentence.
    [InlineData("The weather in Nice was mild for the summit.", "en", "Nice=Nice/FRA/Locality")]
    [InlineData("Nice work, the commander told his men.", "en", "")]
    // "Mobile" as an adjective is not the Alabama city; with its state after a comma it is.
    [InlineData("Mobile phone networks were cut across the region.", "en", "")]
    [InlineData("The storm reached Mobile, Alabama on Friday.", "en", "Mobile=Mobile/USA/Locality; Alabama=Alabama/USA/Admin")]
    // Romanian "mare" (big) in lower case is not a place; the longest name wins ("Satu Mare", not "Mare").
    [InlineData("O mare parte din locuitori au plecat spre Satu Mare.", "ro", "Satu Mare=Satu Mare/ROU/Locality")]
    // A lower-case "bar" is a bar; "Split" after "in" is the Croatian city.
    [InlineData("A grenade was thrown into a bar in Split on Saturday.", "en", "Split=Split/HRV/Locality")]
    // The countries a text is about pick between namesakes: Tripoli in Lebanon or in Libya.
    [InlineData("Lebanese protesters gathered in Tripoli on Sunday.", "en", "Tripoli=Tripoli/LBN/Locality")]
    [InlineData("Militias clashed in Tripoli and Misrata overnight.", "en", "Tripoli=Tripoli/LBY/Locality; Misrata=Mişrātah/LBY/Locality")]
    // "Atlanta, Georgia": the area that holds the place named before it is the US state, not the country.
    [InlineData("Protests continued in Atlanta, Georgia for a third night.", "en", "Atlanta=Atlanta/USA/Locality; Georgia=Georgia/USA/Admin")]
    // "area of Dhaka": a part of the city, whose name the gazetteer lacks; the city is found.
    [InlineData("A blast hit the Lalbagh area of Dhaka.", "en", "Dhaka=Dhaka/BGD/Locality")]
    // An administrative word makes the province, not its capital city.
    [InlineData("Afghan forces killed 12 Taliban fighters in Helmand province.", "en", "Helmand=Helmand/AFG/Admin")]
    [InlineData("Politia din judetul Cluj a deschis o ancheta la Cluj-Napoca.", "ro", "Cluj=Cluj County/ROU/Admin; Cluj-Napoca=Cluj-Napoca/ROU/Locality")]
    // Romanian genitive and article endings on countries and regions.
    [InlineData("Guvernul Frantei a condamnat atacul din nordul Siriei.", "ro", "Frantei=France/FRA/Country; Siriei=Syria/SYR/Country")]
    [InlineData("Luptele pentru controlul Karabahului s-au reluat, iar Ucrainei i s-a cerut sprijin.", "ro", "Karabahului=Nagorno-Karabakh/AZE/Region; Ucrainei=Ukraine/UKR/Country")]
    // Romanian names of states that the ISO lists lack.
    [InlineData("Delegatia SUA a sosit la Chisinau.", "ro", "SUA=United States/USA/Country; Chisinau=Chisinau/MDA/Locality")]
    // A country name before a currency is not a place.
    [InlineData("The price of the US dollar rose again in Beirut.", "en", "Beirut=Beirut/LBN/Locality")]
    // A place inside a longer capitalised name that the gazetteer lacks is not that place.
    [InlineData("Rebels shelled positions on Jabal al-Zawiya overnight.", "en", "")]
    public void Finds_and_resolves_places(string text, string language, string expected)
    {
        Assert.Equal(expected, Describe(text, language));
    }
}
