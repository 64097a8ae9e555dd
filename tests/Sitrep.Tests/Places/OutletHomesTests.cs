using Sitrep.Actors;
using Sitrep.Places;
using Sitrep.Text;

namespace Sitrep.Tests.Places;

/// <summary>Where a document's outlet is at home, from its URL or from a source field that may list several outlets.</summary>
public sealed class OutletHomesTests
{
    private static readonly OutletHomes Homes = new(new TextAnalyzer(), new ActorRecognizer());

    [Theory]
    // A dataset's source field lists the outlets it read: the national ones decide, agencies say nothing.
    [InlineData("An-Nahar; AFP", null, "LBN")]
    [InlineData("Reuters; Dawn", null, "PAK")]
    [InlineData("Agerpres; Digi24", null, "ROU")]
    // Most of the national outlets win; on a tie, the first listed.
    [InlineData("Dawn; The Hindu; Hindustan Times", null, "IND")]
    [InlineData("Dawn; The Hindu", null, "PAK")]
    // An outlet the registry lacks carries its home in its name: a state, a capital, a people, a country in parentheses.
    [InlineData("Yemen Data Project", null, "YEM")]
    [InlineData("Kabul Evening Courier", null, "AFG")]
    [InlineData("Philippine Morning Bulletin", null, "PHL")]
    [InlineData("Daily Beacon (Lebanon)", null, "LBN")]
    [InlineData("Al Ghad (Jordan); AFP", null, "JOR")]
    [InlineData("Ziarul Republica Moldova", null, "MDA")]
    [InlineData("Gazeta Bucurestiului", null, "ROU")]
    // The URL's outlet comes first; a world agency's page has no home, whatever the source says.
    [InlineData("Yemen Data Project", "https://www.dawn.com/news/1", "PAK")]
    [InlineData("An-Nahar", "https://www.reuters.com/world/", null)]
    // Nothing known: no home.
    [InlineData("Whatsapp; Twitter", null, null)]
    [InlineData("A Local Blog", null, null)]
    [InlineData(" ; ", null, null)]
    [InlineData(null, null, null)]
    public void Finds_the_home_of_the_outlets_a_source_names(string? source, string? url, string? expected)
    {
        Assert.Equal(expected, Homes.HomeOf(source, url));
    }
}
