using System.Text;
using Sitrep.Watch.Configuration;
using Sitrep.Watch.Sources;

namespace Sitrep.Watch.Tests.Configuration;

public sealed class SourcesFileTests
{
    private static readonly string[] Languages = ["en", "ro"];

    private static IReadOnlyList<WatchSource> Parse(string text) => SourcesFile.Parse(Encoding.UTF8.GetBytes(text), "sources.txt", Languages);

    private static ConfigurationFileException Refused(string text) => Assert.Throws<ConfigurationFileException>(() => Parse(text));

    [Fact]
    public void A_plain_list_reads_one_url_a_line_with_comments_and_blanks()
    {
        var sources = Parse("# world news\nhttps://news.example.org/rss.xml\n\n  https://ziar.example.ro/ultimele#sectiune   # front page\nhttp://other.example.com/feed # trailing\n");
        Assert.Equal(["https://news.example.org/rss.xml", "https://ziar.example.ro/ultimele#sectiune", "http://other.example.com/feed"], sources.Select(s => s.Key));
        Assert.Equal([2, 4, 5], sources.Select(s => s.Line));
        Assert.All(sources, s => Assert.Equal(SourceKind.Auto, s.Kind));
        Assert.All(sources, s => Assert.False(s.AllowPrivateAddresses));
        Assert.Equal("news.example.org", sources[0].Name);
    }

    [Theory]
    [InlineData("https://a.example.org/rss\nfile:///etc/passwd\n", 2, "only http and https")]
    [InlineData("https://a.example.org/rss\nftp://files.example.org/news\n", 2, "only http and https")]
    [InlineData("news.example.org/rss\n", 1, "not an absolute URL")]
    [InlineData("https://a.example.org/rss https://b.example.org/rss\n", 1, "one URL a line")]
    [InlineData("https://a.example.org/rss\n# x\nhttps://a.example.org/rss\n", 3, "already listed on line 1")]
    public void A_bad_plain_line_is_named_by_its_number(string text, int line, string reason)
    {
        var error = Refused(text);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"sources.txt:{line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Contains("no sources", Refused("# nothing yet\n\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_form_gives_each_source_its_settings()
    {
        var sources = Parse("""
            {
              // a comment, as people write them
              "sources": [
                { "url": "https://ziar.example.ro/rss", "kind": "feed", "name": "Ziarul", "language": "ro", "country": "rou", "interval": "10m" },
                { "url": "http://127.0.0.1:8080/", "kind": "page", "allowPrivateAddresses": true, "articleLinks": "/stiri/\\d+", "interval": 45 },
                "https://plain.example.com/feed",
              ]
            }
            """);
        Assert.Equal(3, sources.Count);
        var ziar = sources[0];
        Assert.Equal((SourceKind.Feed, "Ziarul", "ro", "ROU", TimeSpan.FromMinutes(10), 4), (ziar.Kind, ziar.Name, ziar.Language, ziar.HomeCountry, ziar.Interval, ziar.Line));
        var local = sources[1];
        Assert.True(local.AllowPrivateAddresses);
        Assert.Equal(SourceKind.Page, local.Kind);
        Assert.Equal(TimeSpan.FromSeconds(45), local.Interval);
        Assert.Matches(local.ArticleLinks!, "http://127.0.0.1:8080/stiri/123");
        Assert.Equal(SourceKind.Auto, sources[2].Kind);
        Assert.Equal(6, sources[2].Line);
    }

    [Theory]
    [InlineData("{\"sources\": [\n{\"url\": \"https://a.example.org/\",\n \"intervall\": \"5m\"}]}", 3, "unknown field \"intervall\"")]
    [InlineData("{\"sources\": [\n{\"url\": \"https://a.example.org/\",\n\n \"interval\": \"5 minutes\"}]}", 4, "must be a duration")]
    [InlineData("{\"sources\": [\n{\"url\": \"https://a.example.org/\", \"interval\": \"5s\"}]}", 2, "impolite")]
    [InlineData("{\"sources\": [\n{\"url\": \"https://a.example.org/\",\n \"country\": \"Romania\"}]}", 3, "ISO 3166-1 alpha-3")]
    [InlineData("{\"sources\": [\n{\"url\": \"https://a.example.org/\",\n \"language\": \"xx\"}]}", 3, "not one Sitrep reads")]
    [InlineData("{\"sources\": [\n{\"url\": \"https://a.example.org/\",\n \"kind\": \"podcast\"}]}", 3, "\"kind\" must be")]
    [InlineData("{\"sources\": [\n{\"name\": \"no address\"}]}", 2, "needs \"url\"")]
    [InlineData("{\"sources\": [\n{\"url\": \"file:///etc/passwd\"}]}", 2, "only http and https")]
    [InlineData("{\"sources\": [\n{\"url\": \"https://a.example.org/\",\n \"articleLinks\": \"([a-z\"}]}", 3, "not a valid regular expression")]
    [InlineData("{\"sources\": [\n{\"url\": \"https://a.example.org/\",\n \"allowPrivateAddresses\": \"yes\"}]}", 3, "true or false")]
    [InlineData("{\"sources\": [\n{\"url\": \"https://a.example.org/\"\n \"name\": \"x\"}]}", 3, "not valid JSON")]
    [InlineData("{\"feeds\": []}", 1, "unknown field \"feeds\"")]
    public void A_mistake_in_the_json_form_is_named_by_line(string text, int line, string reason)
    {
        var error = Refused(text);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }
}
