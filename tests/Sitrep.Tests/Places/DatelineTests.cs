using Sitrep.Actors;
using Sitrep.Places;
using Sitrep.Text;

namespace Sitrep.Tests.Places;

/// <summary>
/// A wire story's dateline: the place it was filed from opens the text, in capitals or before the agency, then a
/// dash or a colon. English and Romanian, lines written for these tests.
/// </summary>
public sealed class DatelineTests
{
    private static readonly TextAnalyzer Analyzer = new();
    private static readonly ActorRecognizer Actors = new();

    [Theory]
    [InlineData("KABUL, May 3 (Reuters) - Gunmen attacked a checkpoint overnight.", "en", 1)]
    [InlineData("DHAKA: Garment workers blocked a highway on Sunday.", "en", 1)]
    [InlineData("NEW DELHI, May 3 (Reuters) - Police detained dozens of farmers.", "en", 2)]
    [InlineData("Kyiv (AP) — Air raid sirens sounded across the capital.", "en", 1)]
    [InlineData("BUCURESTI, 5 mai (Agerpres) - Jandarmii au amendat doi soferi.", "ro", 1)]
    [InlineData("CHISINAU: Protestatarii s-au adunat in fata Parlamentului.", "ro", 1)]
    // An ordinary first sentence is no dateline: the name is not in capitals and no agency follows it.
    [InlineData("Kabul: the talks failed again, officials said.", "en", 0)]
    [InlineData("Gunmen killed two guards - the police said.", "en", 0)]
    [InlineData("Chisinau a anuntat noi masuri - au spus oficialii.", "ro", 0)]
    public void Finds_the_place_of_a_dateline(string text, string language, int expected)
    {
        Assert.Equal(expected, DatelineReader.PlaceLength(Analyzer.Analyze(text, language)));
    }

    [Theory]
    [InlineData("KABUL (AP) — Gunmen attacked a checkpoint overnight.", "en")]
    [InlineData("KIEV, 5 mai (Agerpres) - Rachete au lovit un depozit.", "ro")]
    public void A_capital_in_a_dateline_is_no_government(string text, string language)
    {
        Assert.DoesNotContain(Actors.Find(Analyzer.Analyze(text, language)), a => a.Kind == ActorMentionKind.State);
    }
}
