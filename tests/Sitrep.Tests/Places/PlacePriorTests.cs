using Sitrep.Places;
using Sitrep.Text;

namespace Sitrep.Tests.Places;

/// <summary>
/// What the outlet's home and the text's countries do to names several countries share: a local paper's "Tripoli",
/// an area named only "Central", a town spelled like an acronym.
/// </summary>
public sealed class PlacePriorTests
{
    private static readonly TextAnalyzer Analyzer = new();
    private static readonly PlaceRecognizer Recognizer = new();

    private static string Describe(string text, string language, string? home = null)
    {
        var analyzed = Analyzer.Analyze(text, language);
        return string.Join("; ", Recognizer.Find(analyzed, home).Select(p => $"{analyzed.OriginalText(p.Start, p.End)}={p.Country}"));
    }

    [Theory]
    // With no home, the larger namesake; in a Lebanese paper, Lebanon's city; a country named in the text still wins.
    [InlineData("Protesters gathered in Tripoli on Friday.", "en", null, "Tripoli=LBY")]
    [InlineData("Protesters gathered in Tripoli on Friday.", "en", "LBN", "Tripoli=LBN")]
    [InlineData("Fighters shelled the airport of Tripoli, the Libyan capital, in Libya.", "en", "LBN", "Tripoli=LBY; Libya=LBY")]
    [InlineData("Protestatarii s-au adunat vineri in Tripoli.", "ro", null, "Tripoli=LBY")]
    [InlineData("Protestatarii s-au adunat vineri in Tripoli.", "ro", "LBN", "Tripoli=LBN")]
    [InlineData("Luptatorii au bombardat aeroportul din Tripoli, in Libia.", "ro", "LBN", "Tripoli=LBY; Libia=LBY")]
    public void The_outlets_home_tells_namesakes_apart(string text, string language, string? home, string expected)
    {
        Assert.Equal(expected, Describe(text, language, home));
    }

    [Theory]
    // "Central" is an area of Ghana, Botswana, Fiji...: only the one of a country the text is about.
    [InlineData("Residents marched in Dowa (Central) in Malawi.", "en", "Malawi=MWI")]
    [InlineData("Residents marched in Kasoa (Central) in Ghana.", "en", "Kasoa=GHA; Central=GHA; Ghana=GHA")]
    [InlineData("Locuitorii au manifestat la Dowa (Central), in Malawi.", "ro", "Malawi=MWI")]
    [InlineData("Locuitorii au manifestat la Kasoa (Central), in Ghana.", "ro", "Kasoa=GHA; Central=GHA; Ghana=GHA")]
    public void An_area_named_by_a_generic_word_needs_its_country(string text, string language, string expected)
    {
        Assert.Equal(expected, Describe(text, language));
    }

    [Theory]
    // A word in capitals is a group's acronym, not an Irish or Austrian town of that name.
    [InlineData("NAS rebels said they repulsed an attack on their positions.", "en", "")]
    [InlineData("Rebelii NAS au spus ca au respins un atac asupra pozitiilor lor.", "ro", "")]
    // A state or a capital written in capitals keeps its reading.
    [InlineData("Talks between the UK and the DRC resumed.", "en", "UK=GBR; DRC=COD")]
    public void An_acronym_is_not_a_town(string text, string language, string expected)
    {
        Assert.Equal(expected, Describe(text, language));
    }

    [Theory]
    // English and Romanian drop the Arabic article the gazetteer keeps ("Al Qamishli", "Al Mukalla").
    [InlineData("A car bomb exploded in Qamishli on Monday.", "en", "Qamishli=SYR")]
    [InlineData("O masina-capcana a explodat luni in Qamishli.", "ro", "Qamishli=SYR")]
    // A name found as it is written keeps its own reading.
    [InlineData("A car bomb exploded in Aleppo on Monday.", "en", "Aleppo=SYR")]
    public void An_arabic_name_is_found_without_its_article(string text, string language, string expected)
    {
        Assert.Equal(expected, Describe(text, language));
    }
}
