using Sitrep.Evaluation.Gold;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Evaluation;

/// <summary>
/// The golden regression set (tests/golden): it must stay well-formed and balanced, and extraction must not
/// fall under the checked-in baseline. To raise the baseline after an improvement:
/// <c>dotnet run --project src/Sitrep.Cli -- eval gold tests/golden/gold.jsonl --write-baseline tests/golden/baseline.json</c>.
/// </summary>
public sealed class GoldenSetTests
{
    private static readonly string GoldFile = Path.Combine(SharedData.RepositoryRoot, "tests", "golden", "gold.jsonl");
    private static readonly string BaselineFile = Path.Combine(SharedData.RepositoryRoot, "tests", "golden", "baseline.json");

    [Fact]
    public void The_golden_set_is_well_formed_balanced_and_large_enough()
    {
        var read = new GoldSetReader().Read(GoldFile);

        Assert.Empty(read.Problems);
        var conflict = read.Documents.Where(d => !d.NonConflict).ToList();
        var nonConflict = read.Documents.Where(d => d.NonConflict).ToList();
        Assert.True(conflict.Count >= 60, $"{conflict.Count} conflict articles");
        Assert.True(nonConflict.Count >= 20, $"{nonConflict.Count} non-conflict texts");
        foreach (var language in new[] { "en", "ro" })
        {
            Assert.True(conflict.Count(d => d.Language == language) >= conflict.Count / 3, $"too few {language} articles");
            Assert.True(nonConflict.Count(d => d.Language == language) >= nonConflict.Count / 3, $"too few {language} non-conflict texts");
        }
    }

    [Fact]
    public void The_article_style_texts_are_long_and_balanced_by_language_and_kind()
    {
        // Real news buries the violence in politics: these texts have several paragraphs, and are balanced so
        // that neither language nor the non-conflict half can quietly shrink.
        var articles = new GoldSetReader().Read(GoldFile).Documents
            .Where(d => d.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length >= 4).ToList();

        foreach (var language in new[] { "en", "ro" })
        {
            Assert.True(articles.Count(d => d.Language == language && !d.NonConflict) >= 10, $"too few {language} conflict articles");
            Assert.True(articles.Count(d => d.Language == language && d.NonConflict) >= 10, $"too few {language} non-conflict articles");
        }
    }

    [Fact]
    public void Extraction_on_the_golden_set_meets_the_baseline()
    {
        var read = new GoldSetReader().Read(GoldFile);
        var baseline = GoldBaseline.Load(BaselineFile, out var problem);
        Assert.True(baseline is not null, problem);

        var report = new GoldEvaluator(new ExtractionPipeline()).Evaluate(GoldFile, read.Documents, read.Problems.Count);

        Assert.Equal(read.Documents.Count, report.Documents);
        Assert.Equal(GoldCategories.All, report.Categories.Select(c => c.Name));
        Assert.Empty(baseline!.Regressions(report));
    }
}
