using Sitrep.Places;
using Sitrep.Text;

namespace Sitrep.Tests.Places;

/// <summary>
/// People are not places: a name after a first name or a title, beside a verb of saying, named as a person
/// elsewhere in the text, or a common surname with no place cue is the person; a place cue, a state, a capital or
/// an office's declined place keeps the place. One phenomenon a row, English and Romanian, sentences written for
/// these tests ("Vulcan" is a Romanian town and a surname).
/// </summary>
public sealed class PersonNameTests
{
    private static readonly TextAnalyzer Analyzer = new();
    private static readonly PlaceRecognizer Recognizer = new();

    private static string[] Places(string text, string language)
    {
        var analyzed = Analyzer.Analyze(text, language);
        return [.. Recognizer.Find(analyzed).Select(p => analyzed.OriginalText(p.Start, p.End))];
    }

    [Theory]
    // After a first name.
    [InlineData("Andrea Vulcan flew from Bucharest to Timisoara.", "en", "Vulcan")]
    [InlineData("Andreea Vulcan a zburat de la Bucuresti la Timisoara.", "ro", "Vulcan")]
    // After a title.
    [InlineData("In Bucharest, Senator Vulcan opened the debate on Monday.", "en", "Vulcan")]
    [InlineData("La Bucuresti, deputatul Vulcan a deschis dezbaterea luni.", "ro", "Vulcan")]
    // Before a verb of saying.
    [InlineData("In Bucharest, Vulcan said the talks had failed.", "en", "Vulcan")]
    [InlineData("La Bucuresti, Vulcan a declarat ca discutiile au esuat.", "ro", "Vulcan")]
    // After a verb of saying, as news writes after a quote.
    [InlineData("\"The talks in Bucharest failed,\" said Vulcan.", "en", "Vulcan")]
    [InlineData("„Discutiile de la Bucuresti au esuat”, a spus Vulcan.", "ro", "Vulcan")]
    // Named as a person earlier: "of" and "de" mark an owner or an agent there, not a place.
    [InlineData("Senator Vulcan arrived in Bucharest on Monday. The plan of Vulcan was rejected.", "en", "Vulcan")]
    [InlineData("Deputatul Vulcan a sosit luni la Bucuresti. Banii au fost cheltuiti de Vulcan.", "ro", "Vulcan")]
    // A common surname with no place cue.
    [InlineData("In Galati, Marin won the vote on Sunday.", "en", "Marin")]
    [InlineData("La Galati, Marin a castigat votul duminica.", "ro", "Marin")]
    // The agent of a passive or a companion ("condusa de X", "alaturi de X"); English "by X" is never a place cue.
    [InlineData("In Bucharest, the car driven by Vulcan was found near the station.", "en", "Vulcan")]
    [InlineData("La Bucuresti, masina condusa de Vulcan a fost gasita langa gara.", "ro", "Vulcan")]
    [InlineData("La Bucuresti, premierul a sosit alaturi de Vulcan.", "ro", "Vulcan")]
    // Names listed after a plural title are all people.
    [InlineData("Presidents Bush, Obama and Clinton attended the funeral in Washington.", "en", "Obama")]
    [InlineData("Presedintii Bush, Obama si Clinton au participat la funeralii in Statele Unite.", "ro", "Obama")]
    public void A_person_named_like_a_place_is_no_place(string text, string language, string person)
    {
        Assert.DoesNotContain(person, Places(text, language));
    }

    [Theory]
    // A place cue keeps the town.
    [InlineData("Miners protested in Vulcan on Monday.", "en", "Vulcan")]
    [InlineData("Minerii au protestat la Vulcan luni.", "ro", "Vulcan")]
    // "de" after a direction or a distance is a place cue ("la nord de X").
    [InlineData("Lupte grele au avut loc la nord de Vulcan.", "ro", "Vulcan")]
    // A capital speaks for its government ("Moscow said").
    [InlineData("Moscow said the convoy was attacked.", "en", "Moscow")]
    [InlineData("Moscova a declarat ca convoiul a fost atacat.", "ro", "Moscova")]
    // An office's place: "of" in English, the genitive after the title in Romanian.
    [InlineData("The mayor of Craiova was arrested.", "en", "Craiova")]
    [InlineData("Primarul Craiovei a fost arestat.", "ro", "Craiovei")]
    public void A_place_cue_or_a_state_keeps_the_place(string text, string language, string place)
    {
        Assert.Contains(place, Places(text, language));
    }
}
