using Sitrep.Places;

namespace Sitrep.Tests.Places;

/// <summary>How a document's source and URL name its outlet and the outlet's home country.</summary>
public sealed class OutletRegistryTests
{
    [Theory]
    // A known domain, with "www." or a sub-domain before it.
    [InlineData(null, "https://www.dawn.com/news/1234", "PAK")]
    [InlineData(null, "https://news.bbc.co.uk/2/hi/world", "GBR")]
    [InlineData("www.digi24.ro", null, "ROU")]
    // A name, whatever its case.
    [InlineData("The Kathmandu Post", null, null)]
    [InlineData("Kathmandu Post", null, "NPL")]
    [InlineData("TOLOnews", null, "AFG")]
    // An unknown outlet on a country-code domain.
    [InlineData("stiri-din-judet.ro", null, "ROU")]
    [InlineData(null, "http://gazeta-locala.md/article/5", "MDA")]
    // Agencies and world channels have no home for the stories they carry.
    [InlineData("Reuters", "https://www.reuters.com/world/", null)]
    // Nothing known.
    [InlineData("A Blog", "https://example.com/post", null)]
    [InlineData(null, "not a url", null)]
    public void Finds_the_home_country_of_an_outlet(string? source, string? url, string? expected)
    {
        Assert.Equal(expected, OutletRegistry.Default.Find(source, url)?.Country);
    }
}
