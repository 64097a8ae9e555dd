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
    // English about places with Spanish and Arabic names is still English.
    [InlineData("en", "On 7 May, in San Andres de Tuxtla, two armed men attacked a man. The victim died.")]
    [InlineData("en", "On 9 May, rebels looted the wheat crops of farmers in Tall Sakhr near Ras al Ain.")]
    // English with a loanword written with its accent.
    [InlineData("en", "The officers met at a café near the station and said that the suspects had fled before the police arrived.")]
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
    // Spanish and French with their accents, even when their short words overlap with Romanian.
    [InlineData("Según el ministerio, la policía detuvo a tres personas en la capital de la región después de la protesta.")]
    [InlineData("La police a arrêté trois personnes à la sortie de la gare, selon le préfet de la région.")]
    // Half English, half Romanian.
    [InlineData("The army said that the town was shelled. Armata a transmis ca orasul a fost bombardat de mai multe ori.")]
    public void Unsure_cases_are_undetermined(string text)
    {
        Assert.Equal(LanguageIdentifier.Undetermined, Analyzer.Analyze(text).Language);
    }

    [Theory]
    // Other languages are not forced into English or Romanian: those of data/languages/unsupported.tsv are
    // named (issue 11), and no supported language's rules are applied to them.
    [InlineData("Le gouvernement a annoncé que les forces de sécurité ont arrêté plusieurs personnes dans la capitale, selon un communiqué publié par le ministère.", "fr")]
    [InlineData("El gobierno anunció que las fuerzas de seguridad detuvieron a varias personas en la capital, según un comunicado publicado por el ministerio.", "es")]
    [InlineData("Die Regierung teilte mit, dass die Sicherheitskräfte in der Hauptstadt mehrere Personen festgenommen haben.", "de")]
    [InlineData("Il governo ha annunciato che le forze di sicurezza hanno arrestato diverse persone nella capitale, secondo un comunicato del ministero.", "it")]
    public void Unsupported_languages_are_named_and_get_no_rules(string text, string language)
    {
        var analyzed = Analyzer.Analyze(text);
        Assert.Equal(language, analyzed.Language);
        Assert.Null(analyzed.RulesLanguage);
    }

    [Theory]
    // Unsure but leaning: the rules of the language it leans to are still applied, and said.
    [InlineData("Au loc alegeri anticipate în Slovacia.", "und", "ro")]
    // Sure: the rules are the language's.
    [InlineData("Police said that two men were arrested on Friday after the protest.", "en", "en")]
    // Nothing to lean on: no rules.
    [InlineData("Karabakh 2020", "und", null)]
    public void The_language_whose_rules_applied_is_reported(string text, string language, string? rules)
    {
        var analyzed = Analyzer.Analyze(text);
        Assert.Equal(language, analyzed.Language);
        Assert.Equal(rules, analyzed.RulesLanguage);
    }

    [Fact]
    public void A_given_language_is_used_as_is()
    {
        Assert.Equal("ro", Analyzer.Analyze("Police said two men were arrested.", "ro").Language);
    }
}
