using System.Net;
using Sitrep.Watch.Articles;
using Sitrep.Watch.Fetching;

namespace Sitrep.Watch.Tests.Fetching;

public sealed class UrlAndRobotsTests
{
    [Theory]
    [InlineData("https://News.Example.org:443/2026/11/attack-on-market?utm_source=rss&utm_medium=feed#comments", "https://news.example.org/2026/11/attack-on-market")]
    [InlineData("https://news.example.org/a?id=42&fbclid=XYZ&page=2", "https://news.example.org/a?id=42&page=2")]
    [InlineData("http://ziar.example.ro:80/stiri/atac?gclid=1&utm_campaign=x", "http://ziar.example.ro/stiri/atac")]
    [InlineData("https://news.example.org/a?p=1", "https://news.example.org/a?p=1")]
    public void Canonical_urls_drop_tracking_fragments_and_default_ports(string given, string canonical)
    {
        Assert.Equal(canonical, UrlCanonicalizer.Canonicalize(new Uri(given)).AbsoluteUri);
    }

    private const string Robots = """
        # a site's robots.txt
        User-agent: *
        Disallow: /private/
        Allow: /private/open
        Disallow: /*.pdf$
        Crawl-delay: 2

        User-agent: OtherBot
        Disallow: /

        User-agent: SitrepWatch
        Disallow: /drafts
        Allow: /drafts/published
        """;

    [Theory]
    [InlineData("SitrepWatch", "/news/1", true)]
    [InlineData("SitrepWatch", "/drafts/x", false)]
    [InlineData("SitrepWatch", "/drafts/published/x", true)]
    [InlineData("SitrepWatch", "/private/x", true)] // our own group replaces the * group
    [InlineData("SomeBot", "/private/x", false)]
    [InlineData("SomeBot", "/private/open/x", true)] // the longer Allow wins
    [InlineData("SomeBot", "/files/report.pdf", false)]
    [InlineData("SomeBot", "/files/report.pdf?download=1", true)] // $ anchors the end
    [InlineData("OtherBot", "/anything", false)]
    [InlineData("OtherBot", "/robots.txt", true)]
    public void Robots_rules_follow_rfc_9309(string agent, string path, bool allowed)
    {
        Assert.Equal(allowed, RobotsRules.Parse(Robots, agent).IsAllowed(path));
    }

    [Fact]
    public void Crawl_delay_is_taken_from_the_group_that_applies()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), RobotsRules.Parse(Robots, "SomeBot").CrawlDelay);
        Assert.Equal(TimeSpan.Zero, RobotsRules.Parse(Robots, "SitrepWatch").CrawlDelay);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.5", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)] // cloud metadata
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("2606:4700::1111", true)]
    public void Only_public_addresses_are_public(string address, bool isPublic)
    {
        Assert.Equal(isPublic, AddressPolicy.IsPublic(IPAddress.Parse(address)));
    }
}
