using System.Text.Json.Nodes;
using Json.Schema;
using Sitrep.Incidents;
using Sitrep.Tests.Incidents;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Schema;

/// <summary>docs/schema/sitrep-1-incident.schema.json describes what <c>sitrep incidents</c> writes, and rejects what breaks it.</summary>
public sealed class IncidentSchemaTests
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        var folder = Path.Combine(SharedData.RepositoryRoot, "docs", "schema");
        // The incident schema refers to the document schema's definitions by its $id.
        Options.SchemaRegistry.Register(JsonSchema.FromFile(Path.Combine(folder, "sitrep-1.schema.json")));
        var incident = JsonSchema.FromFile(Path.Combine(folder, "sitrep-1-incident.schema.json"));
        Options.SchemaRegistry.Register(incident);
        return incident;
    });

    private static string Problems(JsonNode? instance)
    {
        var result = Schema.Value.Evaluate(instance, Options);
        if (result.IsValid) return "";
        return string.Join("\n", (result.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}")));
    }

    [Fact]
    public void Every_line_of_sitrep_incidents_on_the_golden_set_matches_the_schema()
    {
        var run = CliRunner.Run("incidents", IncidentCorpus.Path, "--format", "jsonl");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 10);
        Assert.All(lines, line => Assert.Equal("", Problems(JsonNode.Parse(line))));
        // The set has them all: a revision, a contradiction, a statement's about, a historical incident.
        Assert.Contains(lines, l => JsonNode.Parse(l)!["revisions"]!.AsArray().Count > 0);
        Assert.Contains(lines, l => JsonNode.Parse(l)!["about"] is not null);
    }

    [Fact]
    public void The_json_array_form_holds_valid_incidents()
    {
        var run = CliRunner.Run("incidents", IncidentCorpus.Path, "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var array = JsonNode.Parse(run.Output)!.AsArray();
        Assert.Equal(IncidentCorpus.Incidents.Count, array.Count);
        Assert.All(array, item => Assert.Equal("", Problems(item)));
    }

    [Theory]
    // Each row breaks the incident contract in one way; the schema must notice.
    [InlineData("id not derived the documented way", "/id", "\"incident-1\"")]
    [InlineData("status not in the list", "/status", "\"ongoing\"")]
    [InlineData("sub-event type of another event type", "/subEventType", "\"Peaceful protest\"")]
    [InlineData("report without its document", "/reports/0/document", "\"\"")]
    [InlineData("claim id of another shape", "/claims/0/id", "\"c1\"")]
    [InlineData("counted that is not a boolean", "/claims/0/counted", "\"yes\"")]
    [InlineData("first report in another date format", "/firstReport", "\"14/10/2025\"")]
    [InlineData("unknown property", "/severity", "\"high\"")]
    public void Output_that_breaks_the_contract_fails_validation(string why, string path, string valueJson)
    {
        var node = JsonNode.Parse(Sitrep.Output.ContractJson.Serialize(IncidentCorpus.Of("nw-0101")))!;
        Assert.Equal("", Problems(node));
        var parts = path.Trim('/').Split('/');
        var parent = node;
        foreach (var part in parts[..^1]) parent = parent is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]! : parent[part]!;
        parent.AsObject()[parts[^1]] = JsonNode.Parse(valueJson);
        Assert.True(Problems(node).Length > 0, $"accepted: {why}");
    }

    [Fact]
    public void An_incident_without_a_required_field_fails_validation()
    {
        foreach (var name in new[] { "reports", "claims", "revisions", "about", "fatalities" })
        {
            var node = JsonNode.Parse(Sitrep.Output.ContractJson.Serialize(IncidentCorpus.Of("nw-0101")))!;
            node.AsObject().Remove(name);
            Assert.True(Problems(node).Length > 0, $"accepted without {name}");
        }
    }
}
