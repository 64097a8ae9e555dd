using System.Text;
using Sitrep.Watch.Alerts;
using Sitrep.Watch.Configuration;

namespace Sitrep.Watch.Tests.Configuration;

public sealed class AlertsFileTests
{
    private static AlertSettings Parse(string text) => AlertsFile.Parse(Encoding.UTF8.GetBytes(text), "alerts.json", "/srv/sitrep");

    [Fact]
    public void Rules_and_sinks_are_read_with_their_defaults()
    {
        var settings = Parse("""
            {
              "rules": [
                { "name": "deaths in Ukraine", "countries": ["ukr"], "eventTypes": ["Battles", "Explosions/Remote violence"], "minFatalitiesBest": 1 },
                { "name": "romanian words", "words": ["explozie", "atac"], "minRelevance": 0.5, "statuses": ["current", "historical"] }
              ],
              "sinks": [ { "type": "jsonl", "path": "out/alerts.jsonl" }, { "type": "webhook", "url": "https://hooks.example.org/x", "secret": "s3" } ]
            }
            """);
        var first = settings.Rules[0];
        Assert.Equal(["UKR"], first.Countries);
        Assert.Equal(["current"], first.Statuses);
        Assert.Equal(1, first.MinFatalitiesBest);
        Assert.Equal(["current", "historical"], settings.Rules[1].Statuses);
        Assert.Equal("jsonl:/srv/sitrep/out/alerts.jsonl", settings.Sinks[0].Id);
        Assert.Equal("s3", settings.Sinks[1].Secret);
    }

    [Fact]
    public void Without_sinks_alerts_go_to_standard_output()
    {
        Assert.Equal("stdout", Assert.Single(Parse("{\"rules\": [{\"name\": \"all\"}]}").Sinks).Id);
    }

    [Theory]
    [InlineData("{\"rules\": [\n{\"name\": \"a\",\n \"eventTypes\": [\"Battle\"]}]}", 3, "not an event type")]
    [InlineData("{\"rules\": [\n{\"countries\": [\"UKR\"]}]}", 2, "needs \"name\"")]
    [InlineData("{\"rules\": [\n{\"name\": \"a\"},\n{\"name\": \"a\"}]}", 3, "second rule named")]
    [InlineData("{\"rules\": [\n{\"name\": \"a\",\n \"minRelevance\": 2}]}", 3, "out of range")]
    [InlineData("{\"rules\": [\n{\"name\": \"a\",\n \"minFatalitiesBest\": \"five\"}]}", 3, "must be a number")]
    [InlineData("{\"rules\": [],\n\"sinks\": [\n{\"type\": \"email\"}]}", 3, "not one of stdout, jsonl, webhook")]
    [InlineData("{\"rules\": [],\n\"sinks\": [\n{\"type\": \"webhook\",\n \"url\": \"ftp://x.example.org\"}]}", 4, "not an http or https URL")]
    [InlineData("{\"rules\": [],\n\"sinks\": [{\"type\": \"webhook\", \"url\": \"https://x.example.org\",\n \"secretEnv\": \"SITREP_TEST_SURELY_UNSET_VARIABLE\"}]}", 3, "is not set")]
    public void A_mistake_is_named_by_line(string text, int line, string reason)
    {
        var error = Assert.Throws<ConfigurationFileException>(() => Parse(text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }
}
