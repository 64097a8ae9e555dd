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

    [Theory]
    // The article written apart from the name: what stands before it is the name's cue ("in el Hermel").
    [InlineData("Protesters gathered outside the town hall in el Hermel.", "en", "el Hermel=LBN")]
    [InlineData("Gunmen attacked a checkpoint east of Ar Rutba district.", "en", "Ar Rutba=IRQ")]
    [InlineData("Luptatorii au atacat un post de control la est de Ar Rutba.", "ro", "Ar Rutba=IRQ")]
    // Romanian "al" is the possessive article: it leaves the name after it as it was.
    [InlineData("Un oficial al Rusiei a declarat ca doi soldati au fost ucisi.", "ro", "Rusiei=RUS")]
    public void An_arabic_article_written_apart_leads_to_the_name(string text, string language, string expected)
    {
        Assert.Equal(expected, Describe(text, language));
    }

    [Theory]
    // GeoNames writes the final ta marbuta -ah where news write -a.
    [InlineData("Fighters raided villages in Al Jazira state.", "en", "Al Jazira=SDN")]
    [InlineData("Luptatorii au atacat sate din statul Al Jazira.", "ro", "Al Jazira=SDN")]
    // An acronym is not a respelled name.
    [InlineData("Talks on NAFTA resumed in Ottawa.", "en", "Ottawa=CAN")]
    [InlineData("Negocierile privind NAFTA au reinceput la Ottawa.", "ro", "Ottawa=CAN")]
    public void An_arabic_name_is_found_without_its_final_h(string text, string language, string expected)
    {
        Assert.Equal(expected, Describe(text, language));
    }

    [Theory]
    // Local words for districts: the name before them is the district, not part of a longer name ("Biu LGA").
    [InlineData("Gunmen attacked a village in Biu LGA, Borno.", "en", "Biu=NGA; Borno=NGA")]
    [InlineData("Soldiers clashed with rebels in Maungdaw Township of Myanmar.", "en", "Maungdaw=MMR; Myanmar=MMR")]
    [InlineData("The Aydin Governorship announced a curfew.", "en", "Aydin=TUR")]
    [InlineData("Inarmatii au atacat un sat din Biu LGA, in statul Borno.", "ro", "Biu=NGA; Borno=NGA")]
    public void A_local_word_for_a_district_marks_the_name_before_it(string text, string language, string expected)
    {
        Assert.Equal(expected, Describe(text, language));
    }
}
