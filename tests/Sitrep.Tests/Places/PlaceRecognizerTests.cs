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
    public void Finds_and_resolves_places(string text, string language, string expected)
    {
        Assert.Equal(expected, Describe(text, language));
    }
}
