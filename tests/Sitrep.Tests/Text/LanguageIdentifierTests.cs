using Sitrep.Text;

namespace Sitrep.Tests.Text;

public sealed class LanguageIdentifierTests
{
    private static readonly TextAnalyzer Analyzer = new();

    [Theory]
    // Plain English news prose.
    [InlineData("en", "Police said that two men were arrested on Friday after a protest in the capital turned violent, and that several officers had been injured.")]
    // Romanian with diacritics.
    [InlineData("ro", "Poliția a anunțat că doi bărbați au fost reținuți vineri, după ce un protest din capitală a degenerat, iar mai mulți agenți au fost răniți.")]
    // Romanian without diacritics, as many sites and feeds write it.
    [InlineData("ro", "Politia a anuntat ca doi barbati au fost retinuti vineri, dupa ce un protest din capitala a degenerat, iar mai multi agenti au fost raniti.")]
    // Romanian with old cedilla letters.
    [InlineData("ro", "Guvernul a transmis că situaţia este sub control şi că nu există pericol pentru populaţie.")]
    // Capitals and acronyms do not confuse it.
    [InlineData("en", "The UN and NATO said the AFP report on the ICRC convoy was accurate, and that the OSCE would send observers.")]
    public void Supported_languages_are_recognised(string expected, string text)
    {
        Assert.Equal(expected, Analyzer.Analyze(text).Language);
    }

    [Theory]
    // Too short to tell.
    [InlineData("Five killed.")]
    [InlineData("Karabakh")]
    [InlineData("")]
    // Other languages are not forced into English or Romanian.
    [InlineData("Le gouvernement a annoncé que les forces de sécurité ont arrêté plusieurs personnes dans la capitale, selon un communiqué publié par le ministère.")]
    [InlineData("El gobierno anunció que las fuerzas de seguridad detuvieron a varias personas en la capital, según un comunicado publicado por el ministerio.")]
    [InlineData("Die Regierung teilte mit, dass die Sicherheitskräfte in der Hauptstadt mehrere Personen festgenommen haben.")]
    [InlineData("Il governo ha annunciato che le forze di sicurezza hanno arrestato diverse persone nella capitale, secondo un comunicato del ministero.")]
    // Half English, half Romanian.
    [InlineData("The army said that the town was shelled. Armata a transmis ca orasul a fost bombardat de mai multe ori.")]
    public void Unsure_cases_are_undetermined(string text)
    {
        Assert.Equal(LanguageIdentifier.Undetermined, Analyzer.Analyze(text).Language);
    }

    [Fact]
    public void A_given_language_is_used_as_is()
    {
        Assert.Equal("ro", Analyzer.Analyze("Police said two men were arrested.", "ro").Language);
    }
}
