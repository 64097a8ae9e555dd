using Sitrep.Places;
using Sitrep.Text;

namespace Sitrep.Tests.Places;

/// <summary>
/// How a name is resolved when the gazetteer has several readings, and which place stands for a text:
/// one phenomenon a row, in English and in Romanian, with sentences written for these tests.
/// </summary>
public sealed class PlaceResolutionTests
{
    private static readonly TextAnalyzer Analyzer = new();
    private static readonly PlaceRecognizer Recognizer = new();

    private static string Describe(PlaceFindings findings, AnalyzedText analyzed) =>
        string.Join("; ", findings.Mentions.Select(p =>
            $"{analyzed.OriginalText(p.Start, p.End)}={p.Name}/{p.Country}/{p.Admin1}/{p.Precision}{(p.Isolated ? "/isolated" : "")}"));

    [Theory]
    // A province whose name a town elsewhere in the country shares is the province, not that town:
    // only the province's own capital steps in for it.
    [InlineData("Fishermen blocked the port road in Zihuatanejo, Guerrero on Monday.", "en", "Guerrero=Guerrero/MEX/Guerrero/Admin")]
    [InlineData("Pescarii au blocat drumul spre port la Zihuatanejo, Guerrero.", "ro", "Guerrero=Guerrero/MEX/Guerrero/Admin")]
    // Namesakes inside one country: the one in the state the text names, even a sentence away.
    [InlineData("Villagers set fire to a police post near Hamirpur on Sunday. Officials in Himachal Pradesh blamed a land dispute.", "en", "Hamirpur=Hamīrpur/IND/Himachal Pradesh/Locality")]
    [InlineData("Satenii au incendiat un post de politie langa Hamirpur. Autoritatile din Himachal Pradesh au vorbit de o disputa funciara.", "ro", "Hamirpur=Hamīrpur/IND/Himachal Pradesh/Locality")]
    // A district with its province in parentheses: the name after it is the province, not the province's
    // capital town (a town holds no district).
    [InlineData("Drones struck a fuel depot in Razih district (Razih, Saada) on Monday.", "en", "Saada=Şa‘dah/YEM/Şa‘dah/Admin")]
    [InlineData("Dronele au lovit un depozit de combustibil din districtul Razih (Razih, Saada) luni.", "ro", "Saada=Şa‘dah/YEM/Şa‘dah/Admin")]
    // A district spelled loosely is still linked to the province after it, which is then the province.
    [InlineData("Soldiers clashed with rebels in Kishindih district, Balkh, at dawn.", "en", "Balkh=Balkh/AFG/Balkh/Admin")]
    [InlineData("Soldatii s-au ciocnit cu rebelii in districtul Kishindih, Balkh, in zori.", "ro", "Balkh=Balkh/AFG/Balkh/Admin")]
    // Namesakes of one country with nothing else in the text: conflict reports are about the one near a
    // disputed or de facto territory rather than a larger namesake far from it.
    [InlineData("Ukrainian monitors recorded four explosions near Katerynivka overnight.", "en", "Katerynivka=Katerynivka/UKR/Luhansk/Locality")]
    [InlineData("Observatorii ucraineni au inregistrat patru explozii langa Katerynivka in cursul noptii.", "ro", "Katerynivka=Katerynivka/UKR/Luhansk/Locality")]
    // A village under 1,000 people, in a text that never names its country, is kept when the area holding it follows.
    [InlineData("Fighting was reported near Lyubopil, Odesa region.", "en", "Lyubopil=Lyubopil/UKR/Odesa/Locality")]
    [InlineData("Au fost raportate lupte langa Lyubopil, regiunea Odesa.", "ro", "Lyubopil=Lyubopil/UKR/Odesa/Locality")]
    // Romanian names of foreign cities, which GeoNames lacks, and a city's other names after its GeoNames one changed.
    [InlineData("Mii de oameni au protestat la Cracovia si la Venetia.", "ro", "Cracovia=Kraków/POL/Lesser Poland/Locality")]
    [InlineData("Shelling was reported in Stepanakert overnight.", "en", "Stepanakert=Xankandi/AZE/Xankǝndi/Locality")]
    public void Resolves_a_name_from_its_context(string text, string language, string expected)
    {
        var analyzed = Analyzer.Analyze(text, language);
        var described = Describe(Recognizer.Analyze(analyzed), analyzed);
        Assert.Contains(expected, described.Split("; "));
    }

    [Theory]
    // A district named before a big city after a comma, which the gazetteer knows only far away, is part of that
    // city: the city alone is the place.
    [InlineData("Traders marched through Ermita, Manila to demand rent relief.", "en", "Manila=Manila/PHL/National Capital Region/Locality")]
    [InlineData("Comerciantii au manifestat prin Ermita, Manila, cerand chirii mai mici.", "ro", "Manila=Manila/PHL/National Capital Region/Locality")]
    // A weapon named after a person, whom an old town name also honoured, is no place.
    [InlineData("Rioters threw a Molotov cocktail at a bank branch overnight.", "en", "")]
    [InlineData("Protestatarii au aruncat un cocteil Molotov spre sediul unei banci.", "ro", "")]
    public void Finds_only_the_places_the_text_means(string text, string language, string expected)
    {
        var analyzed = Analyzer.Analyze(text, language);
        Assert.Equal(expected, Describe(Recognizer.Analyze(analyzed), analyzed));
    }

    [Theory]
    // A neighbourhood whose only reading lies far outside the state the text names is not where things happened.
    [InlineData("Gunmen shot a shopkeeper in Zapopan, Jalisco, outside a bakery in the Frontera district.", "en", "Zapopan")]
    [InlineData("Doi barbati inarmati au impuscat un negustor in Zapopan, Jalisco, langa o brutarie din cartierul Frontera.", "ro", "Zapopan")]
    // A loosely matched spelling far from the province named is dropped; the province stands for the text.
    [InlineData("Shelling damaged two houses near Uzhgorot in Donetsk region.", "en", "Donetsk region")]
    [InlineData("Bombardamentele au avariat doua case langa Uzhgorot, in regiunea Donetsk.", "ro", "Donetsk region")]
    // A district is about as specific as a town: named first, it stands for the text before the province's town.
    [InlineData("Drones struck a fuel depot in Razih district (Razih, Saada) on Monday.", "en", "Rāziḩ")]
    [InlineData("Dronele au lovit un depozit de combustibil din districtul Razih (Razih, Saada) luni.", "ro", "Rāziḩ")]
    // A town the text puts something at ("in X") before a town named only in passing, wherever each stands.
    [InlineData("Staff of the Durban Port Authority went on strike in Pinetown on Monday.", "en", "Pinetown")]
    [InlineData("Angajatii autoritatii portuare Durban au intrat luni in greva la Pinetown.", "ro", "Pinetown")]
    public void The_most_specific_place_is_the_one_the_text_is_about(string text, string language, string expected)
    {
        var analyzed = Analyzer.Analyze(text, language);
        var findings = Recognizer.Analyze(analyzed);
        Assert.True(findings.MostSpecific()?.Name == expected, Describe(findings, analyzed));
    }
}
