using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Evaluation.Quiet;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Evaluation;

/// <summary>
/// <c>sitrep eval quiet</c> on small quiet files of our own, English and Romanian: plain texts with no word of
/// violence, plus planted reports (a real attack in each language, a peaceful protest) so that the counts are
/// not zero and each rate is checked against what was planted.
/// </summary>
public sealed class QuietEvaluationTests
{
    // Ten documents: two violent reports (en-planted, ro-planted), one peaceful protest (ro-protest, an ACLED
    // family but not a violent one), seven plain texts. So: violent 2 per 10 = 20.0, any ACLED 3 per 10 = 30.0.
    private const string QuietLines =
        """
        {"id":"en-weather","text":"Sunny skies are expected across the region this weekend, with temperatures climbing to 28 degrees on Saturday afternoon."}
        {"id":"en-recipe","title":"Soup","topic":"Food","text":"Slice the onions thinly, stir them into melted butter and let them soften for twenty minutes before adding the stock."}
        {"id":"en-planted","published":"2024-03-11","source":"wire","text":"Gunmen on motorcycles attacked the village of Kabala in northern Nigeria on Sunday and killed 14 villagers, local officials said."}
        {"id":"en-library","text":"The city library will open two new reading rooms in April and extend its weekend opening hours until eight in the evening."}
        {"id":"en-garden","text":"Volunteers repainted the benches in the riverside park and planted a row of young oak trees along the path."}
        {"id":"ro-vreme","text":"Meteorologii anunta o saptamana calduroasa in Banat si Crisana, cu maxime de 30 de grade si nopti senine."}
        {"id":"ro-gradina","text":"Primăria a plantat trei sute de tei noi în parcul central, iar aleile vor fi redeschise publicului de luni."}
        {"id":"ro-planted","published":"2024-05-02","text":"Un atac cu drone rusesti a lovit joi noapte orasul Harkiv din Ucraina, ucigand sapte civili, potrivit autoritatilor locale."}
        {"id":"ro-protest","published":"2024-05-02","text":"Câteva sute de profesori au protestat joi în fața Ministerului Educației din București, cerând salarii mai mari."}
        {"id":"ro-muzeu","text":"Muzeul de istorie naturala isi prelungeste programul de vizitare in fiecare vineri pana la ora 22."}
        """;

    [Fact]
    public void Planted_reports_are_counted_once_per_document_per_100_and_by_family()
    {
        var file = Temporary(QuietLines);
        var documents = ReadDocuments(file);

        var report = new QuietEvaluator(new ExtractionPipeline()).Evaluate(file, documents, 0, errorCases: 10);

        Assert.Equal(10, report.Documents);
        Assert.Equal(new FalseAlarmRate(2, 20.0), report.Violent);
        Assert.Equal(new FalseAlarmRate(3, 30.0), report.AnyAcled);
        // Every ACLED family has a row, in the fixed order, whether it fired or not.
        Assert.Equal(QuietFamilies.Acled, report.Families.Take(6).Select(f => f.EventType));
        var protests = report.Families.Single(f => f.EventType == "Protests");
        Assert.Equal((1, 10.0, "acled"), (protests.Documents, protests.Per100, protests.CountedAs));
        Assert.Equal("Peaceful protest", Assert.Single(protests.SubTypes).SubEventType);
        Assert.Equal(2, report.Families.Where(f => f.CountedAs == "violent").Sum(f => f.Documents));
        foreach (var family in report.Families)
        {
            // A document with two sub-types of one family counts once for the family and once for each sub-type.
            Assert.InRange(family.SubTypes.Sum(s => s.Documents), family.Documents, family.Events);
            Assert.All(family.SubTypes, s => Assert.InRange(s.Documents, 1, family.Documents));
        }
        Assert.Equal(0, report.Families.Where(f => f.EventType == "Strategic developments").Sum(f => f.Documents));

        // The errors: the violent ones first, each with the trigger that fired shown in its words.
        Assert.Equal(["en-planted", "ro-planted"], report.Errors.Take(2).Select(c => c.Id).Order());
        Assert.Equal("ro-protest", report.Errors[2].Id);
        Assert.False(report.Errors[2].Violent);
        var drone = report.Errors.Single(c => c.Id == "ro-planted").Events[0];
        Assert.Contains(drone.Triggers, t => t.Text is "drone" or "atac" && t.Context.Contains("[[" + t.Text + "]]", StringComparison.Ordinal));
        Assert.All(report.Errors.SelectMany(c => c.Events).SelectMany(e => e.Evidence), e => Assert.True(e.End > e.Start));
    }

    [Theory]
    [InlineData(new[] { "--max-violent-per-100", "20" }, 0)]        // exactly at the limit: met
    [InlineData(new[] { "--max-violent-per-100", "19.9" }, 3)]      // just under the measured 20.0
    [InlineData(new[] { "--max-any-per-100", "30" }, 0)]
    [InlineData(new[] { "--max-any-per-100", "29" }, 3)]            // the protest makes 30.0
    [InlineData(new[] { "--max-violent-per-100", "50", "--max-any-per-100", "10" }, 3)]
    [InlineData(new string[0], 0)]                                   // no gate, no failure
    public void The_gates_exit_with_3_when_a_rate_is_over_its_limit(string[] gate, int expected)
    {
        var file = Temporary(QuietLines);
        var outcome = CliRunner.Run(["eval", "quiet", file, .. gate]);

        Assert.Equal(expected, outcome.ExitCode);
        if (expected == 3) Assert.Contains("quality gate:", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("violent families", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_gives_the_rates_the_families_and_the_evidence_of_the_errors()
    {
        var file = Temporary(QuietLines);
        var outcome = CliRunner.Run("eval", "quiet", file, "--json", "--errors", "1");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Output);
        var root = json.RootElement;
        Assert.Equal("sitrep-eval-quiet/1", root.GetProperty("schema").GetString());
        Assert.Equal(10, root.GetProperty("documents").GetInt32());
        Assert.Equal(2, root.GetProperty("violent").GetProperty("documents").GetInt32());
        Assert.Equal(30.0, root.GetProperty("anyAcled").GetProperty("per100").GetDouble(), 6);
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.True(error.GetProperty("violent").GetBoolean());
        Assert.NotEqual(0, error.GetProperty("events")[0].GetProperty("triggers").GetArrayLength());
    }

    [Fact]
    public void A_broken_line_is_named_and_the_other_documents_are_still_counted()
    {
        var file = Temporary(QuietLines + "\n{\"id\":\"broken\",\"text\":\n{\"id\":\"no-text\"}\n");
        var outcome = CliRunner.Run("eval", "quiet", file, "--json");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(":11", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("no \"text\" field", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(outcome.Output);
        Assert.Equal(10, json.RootElement.GetProperty("documents").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("skipped").GetInt32());
    }

    [Theory]
    [InlineData("eval", "quiet", "x.jsonl", "--max-violent-per-100", "101")]  // more than 100 per 100
    [InlineData("eval", "quiet", "x.jsonl", "--max-any-per-100", "-1")]       // negative
    [InlineData("eval", "quiet", "x.jsonl", "--errors", "-2")]                // negative count
    public void Usage_errors_exit_with_2(params string[] args)
    {
        var outcome = CliRunner.Run(args);
        Assert.Equal(2, outcome.ExitCode);
        Assert.DoesNotContain("   at ", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named_and_exits_with_1()
    {
        var outcome = CliRunner.Run("eval", "quiet", "/nonexistent/quiet.jsonl");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("/nonexistent/quiet.jsonl", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    // text, span start, span end, expected context
    [InlineData("The striker's attack was deadly.", 14, 20, "The striker's [[attack]] was deadly.")]
    [InlineData("Atacul a venit din senin.", 0, 6, "[[Atacul]] a venit din senin.")]
    public void Evidence_is_shown_in_its_words(string text, int start, int end, string context)
    {
        var shown = EvidenceContext.Of(text, start, end);
        Assert.Equal(context, shown.Context);
        Assert.Equal(text[start..end], shown.Text);
    }

    [Fact]
    public void Long_context_is_cut_at_word_boundaries_with_ellipses()
    {
        var before = string.Join(' ', Enumerable.Repeat("cuvant", 20));
        var text = before + " bombardament " + before;
        var start = before.Length + 1;
        var shown = EvidenceContext.Of(text, start, start + "bombardament".Length);

        Assert.StartsWith("...cuvant ", shown.Context, StringComparison.Ordinal);
        Assert.EndsWith(" cuvant...", shown.Context, StringComparison.Ordinal);
        Assert.Contains(" [[bombardament]] ", shown.Context, StringComparison.Ordinal);
        Assert.True(shown.Context.Length < text.Length);
    }

    [Theory]
    [InlineData("Battles", "violent")]
    [InlineData("Explosions/Remote violence", "violent")]
    [InlineData("Violence against civilians", "violent")]
    [InlineData("Riots", "violent")]
    [InlineData("Protests", "acled")]
    [InlineData("Strategic developments", "acled")]
    [InlineData("Statements", "not counted")]
    public void Families_are_counted_as_the_issue_defines(string family, string countedAs)
    {
        Assert.Equal(countedAs, QuietFamilies.CountedAs(family));
    }

    private static List<SourceDocument> ReadDocuments(string file) =>
        new Sitrep.Readers.InputReader().Read([file]).Select(i => i.Document ?? throw new InvalidOperationException(i.Problem!.ToString())).ToList();

    private static string Temporary(string content)
    {
        var file = Path.Combine(Path.GetTempPath(), $"sitrep-quiet-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(file, content);
        return file;
    }
}
