using System.Text.Json.Nodes;
using Json.Schema;
using Sitrep.Documents;
using Sitrep.Output;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Schema;

/// <summary>docs/schema/sitrep-1.schema.json describes what Sitrep really writes, and rejects what breaks the contract.</summary>
public sealed class ContractSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFile(Path.Combine(SharedData.RepositoryRoot, "docs", "schema", "sitrep-1.schema.json")));

    private static readonly ExtractionPipeline Pipeline = new();

    private static string Problems(JsonNode? instance)
    {
        var result = Schema.Value.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return "";
        return string.Join("\n", (result.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}")));
    }

    [Fact]
    public void The_schema_is_a_valid_draft_2020_12_schema()
    {
        var text = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "schema", "sitrep-1.schema.json"));
        var result = MetaSchemas.Draft202012.Evaluate(JsonNode.Parse(text), new EvaluationOptions { OutputFormat = OutputFormat.Flag });
        Assert.True(result.IsValid);
    }

    [Theory]
    // Articles in both languages, with and without mentions and publication dates, and text in no supported language.
    [InlineData("en", "Security forces clashed with gunmen near the border on Sunday, killing five people, officials said. Two soldiers were wounded.", "2021-03-14", true)]
    [InlineData("ro", "Potrivit armatei, doi militari au fost uciși duminică dimineață, iar alți cinci au fost răniți.Autoritățile nu au anunțat pierderi civile.", "2020-09", true)]
    [InlineData("ro", "Potrivit armatei, doi militari au fost ucisi duminica dimineata, iar alti cinci au fost raniti.", null, false)]
    [InlineData("fr", "Le gouvernement a annoncé que trois personnes ont été arrêtées dans la capitale.", null, true)]
    [InlineData("en", "Protesters marched peacefully.", "2020", false)]
    public void Real_pipeline_output_matches_the_schema(string label, string text, string? published, bool mentions)
    {
        var document = new SourceDocument($"test-{label}", text, published is null ? null : PartialDate.TryParse(published, out var date) ? date : null);
        var result = Pipeline.Process(document, new ExtractionOptions(IncludeMentions: mentions));
        var json = ContractJson.Serialize(result);
        Assert.Equal("", Problems(JsonNode.Parse(json)));
        Assert.Equal(mentions, JsonNode.Parse(json)!.AsObject().ContainsKey("mentions"));
    }

    [Fact]
    public void A_result_with_every_field_filled_matches_the_schema()
    {
        Assert.Equal("", Problems(JsonNode.Parse(ContractJson.Serialize(FullResult()))));
    }

    [Fact]
    public void The_indented_array_form_holds_valid_items()
    {
        var array = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize<IReadOnlyList<DocumentResult>>([FullResult(), FullResult()], ContractJson.Indented))!.AsArray();
        Assert.All(array, item => Assert.Equal("", Problems(item)));
    }

    [Theory]
    // Each row breaks the contract in one way; the schema must notice.
    [InlineData("status not in the list", "/events/0/status", "\"ongoing\"")]
    [InlineData("event type not in the taxonomy", "/events/0/eventType", "\"War\"")]
    [InlineData("sub-event type of another event type", "/events/0/subEventType", "\"Grenade\"")]
    [InlineData("sub-event type not in the taxonomy", "/events/0/subEventType", "\"Skirmish\"")]
    [InlineData("casualty outcome not in the list", "/events/0/casualties/0/outcome", "\"dead\"")]
    [InlineData("victim category not in the list", "/events/0/casualties/0/victims/category", "\"soldier\"")]
    [InlineData("actor kind not in the list", "/events/0/actors/0/kind", "\"army\"")]
    [InlineData("date precision not in the list", "/events/0/date/precision", "\"hour\"")]
    [InlineData("location precision not in the list", "/events/0/location/precision", "\"street\"")]
    [InlineData("mention kind not in the list", "/mentions/0/kind", "\"person\"")]
    [InlineData("two-letter country code", "/events/0/location/country", "\"AZ\"")]
    [InlineData("language that is not a tag", "/document/language", "\"Romanian\"")]
    [InlineData("publication date in another format", "/document/published", "\"27/09/2020\"")]
    [InlineData("negative offset", "/events/0/evidence/0/start", "-1")]
    [InlineData("confidence above one", "/events/0/confidence", "1.5")]
    [InlineData("schema version changed", "/schema", "\"sitrep/2\"")]
    [InlineData("unknown property on an event", "/events/0/severity", "\"high\"")]
    [InlineData("unknown property at the top", "/extra", "1")]
    [InlineData("count that is not a number", "/events/0/casualties/0/count/value", "\"32\"")]
    public void Output_that_breaks_the_contract_fails_validation(string why, string path, string valueJson)
    {
        var node = JsonNode.Parse(ContractJson.Serialize(FullResult()))!;
        Set(node, path, JsonNode.Parse(valueJson));
        Assert.True(Problems(node).Length > 0, $"accepted: {why}");
    }

    [Theory]
    // A required field missing anywhere is an error.
    [InlineData("/warnings")]
    [InlineData("/document/language")]
    [InlineData("/events/0/fatalities")]
    [InlineData("/events/0/casualties/0/attribution")]
    [InlineData("/events/0/claims/0/contradicts")]
    [InlineData("/mentions/0/value")]
    public void Output_missing_a_required_field_fails_validation(string path)
    {
        var node = JsonNode.Parse(ContractJson.Serialize(FullResult()))!;
        var (parent, name) = Parent(node, path);
        Assert.True(parent.AsObject().Remove(name));
        Assert.True(Problems(node).Length > 0, $"accepted without {path}");
    }

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var (parent, name) = Parent(root, path);
        if (parent is JsonArray array) array[int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)] = value;
        else parent.AsObject()[name] = value;
    }

    private static (JsonNode Parent, string Name) Parent(JsonNode root, string path)
    {
        var parts = path.Trim('/').Split('/');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = node is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]! : node[part]!;
        }
        return (node, parts[^1]);
    }

    /// <summary>An invented result with every field of the contract set, built from the engine's own records.</summary>
    private static DocumentResult FullResult()
    {
        var casualty = new Casualty(
            "killed",
            new Count(12, 12, 12, false, "twelve"),
            new Victims("military", "Northland", "ARM", "soldiers"),
            "current",
            new Attribution("Ministry of Defence of Northland", ["AFP"], 40, 90),
            new Span(0, 60));
        var negated = new Casualty("killed", null, new Victims("civilian", null, null, null), "negated", null, new Span(100, 140));
        var claim = new Claim("c1", "captured two hills", "Army of Southland", [], ["c2"], 150, 170);
        var other = new Claim("c2", "no hills were lost", "Army of Northland", ["Reuters"], ["c1"], 180, 200);
        var battle = new EventRecord(
            "e1",
            "Battles",
            "Armed clash",
            "current",
            new DateRange("2020-09-27", "2020-09-27", "day", "on Sunday morning"),
            new Location("Valea Seaca", "AZE", "Tartar", 40.27, 46.63, "locality", 587084, 10, 21),
            [new Actor("Military Forces of Armenia", "ARM", "state-forces", "actor1", 0, 7), new Actor("Military Forces of Azerbaijan", "AZE", "state-forces", "actor2", 30, 40)],
            new Fatalities(12, 12, 30),
            [casualty, negated],
            [claim, other],
            [new Span(0, 140)],
            0.9);
        var statement = new EventRecord(
            "e2", "Statements", "Appeal", "future", null, null, [], null, [], [], [new Span(210, 260)], 0.6);
        var unknownPlace = new EventRecord(
            "e3", "Protests", "Peaceful protest", "historical",
            new DateRange("2016-01-01", "2016-12-31", "year", null),
            new Location("Northland", null, null, null, null, "country", null, null, null),
            [], new Fatalities(null, null, null), [], [], [new Span(270, 300)], 0.5);
        return new DocumentResult(
            new DocumentInfo("invented-1", "2020-09", "ro", "A title", "Invented Daily", "https://example.invalid/a"),
            [battle, statement, unknownPlace],
            [
                new Mention("number", 3, 9, "twelve", 12m),
                new Mention("date", 10, 20, "on Sunday", "2020-09-27"),
                new Mention("token", 0, 2, "On", "word"),
                new Mention("place", 30, 41, "Valea Seaca", null),
            ],
            ["a warning"]);
    }
}
