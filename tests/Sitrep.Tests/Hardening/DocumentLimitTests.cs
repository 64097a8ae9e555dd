using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;
using Sitrep.Text;

namespace Sitrep.Tests.Hardening;

/// <summary>
/// Issue 11, "time and memory bounded on any input": a runaway document becomes a named problem, a document
/// over the size limit is named and skipped, and a text without stops is split into bounded sentences.
/// </summary>
public sealed class DocumentLimitTests
{
    private static readonly ExtractionPipeline Pipeline = new();

    [Fact]
    public void A_document_that_overruns_its_budget_is_too_complex_and_says_so()
    {
        var document = new SourceDocument("slow", "Three soldiers were killed and two were wounded near the border.", null, null, null, null, null, "slow.txt");
        var error = Assert.Throws<DocumentTooComplexException>(() => Pipeline.Process(document, new ExtractionOptions(Budget: TimeSpan.Zero)));
        Assert.StartsWith("document too complex: ", error.Message, StringComparison.Ordinal);
        // The same document within the default budget is extracted.
        Assert.NotEmpty(Pipeline.Process(document).Events);
    }

    [Theory]
    [InlineData("Three soldiers were killed and ", "en")]
    [InlineData("Trei soldati au fost ucisi si ", "ro")]
    public void A_text_without_stops_is_split_into_sentences_of_bounded_length(string clause, string language)
    {
        var text = string.Concat(Enumerable.Repeat(clause, 2000));
        var analyzed = new TextAnalyzer().Analyze(text, language);
        Assert.True(analyzed.Sentences.Length > 1);
        Assert.All(analyzed.Sentences, s => Assert.InRange(s.TokenCount, 1, Segmenter.MaximumSentenceTokens));
        // Every token is in exactly one sentence, in order, and knows it.
        Assert.Equal(analyzed.Tokens.Length, analyzed.Sentences.Sum(s => s.TokenCount));
        for (var i = 0; i < analyzed.Sentences.Length; i++)
        {
            var s = analyzed.Sentences[i];
            Assert.All(Enumerable.Range(s.FirstToken, s.TokenCount), t => Assert.Equal(i, analyzed.Tokens[t].Sentence));
        }
    }

    [Theory]
    [InlineData("The convoy, which had left the capital at dawn, was hit; ", "en")]
    [InlineData("Convoiul, care plecase din capitala in zori, a fost lovit; ", "ro")]
    public void An_over_long_sentence_is_split_after_a_clause_break(string clause, string language)
    {
        var text = string.Concat(Enumerable.Repeat(clause, 200)) + "end.";
        var analyzed = new TextAnalyzer().Analyze(text, language);
        Assert.True(analyzed.Sentences.Length > 1);
        foreach (var s in analyzed.Sentences.SkipLast(1))
        {
            var last = analyzed.Tokens[s.EndToken - 1];
            Assert.Contains(analyzed.Normalized[last.Start], ",;:");
        }
    }

    [Fact]
    public void Sentences_of_ordinary_length_are_not_split()
    {
        var sentence = string.Join(", ", Enumerable.Range(1, 60).Select(i => $"village {i}")) + " were shelled.";
        var analyzed = new TextAnalyzer().Analyze(sentence + " " + sentence, "en");
        Assert.Equal(2, analyzed.Sentences.Length);
    }

    [Fact]
    public void Extract_names_a_document_over_the_size_limit_and_writes_the_others()
    {
        var folder = Directory.CreateTempSubdirectory("sitrep-limit-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a-good.txt"), "date 2021-03-04 Soldiers were killed when the convoy was attacked near the border.");
            File.WriteAllText(Path.Combine(folder, "b-huge.txt"), string.Concat(Enumerable.Repeat("Three soldiers were killed and ", 4000)));
            File.WriteAllText(Path.Combine(folder, "c-good.txt"), "date 2021-03-05 Police detained twelve protesters in the capital.");

            var outcome = CliRunner.Run("extract", folder, "--format", "jsonl", "--max-document-mb", "0.1");

            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains($"sitrep: {Path.Combine(folder, "b-huge.txt")}: text larger than the maximum document size (0.1 MB, --max-document-mb); skipped", outcome.Error, StringComparison.Ordinal);
            Assert.Equal(2, outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--max-document-mb", "0")]
    [InlineData("--max-document-mb", "NaN")]
    [InlineData("--max-document-seconds", "0")]
    public void Limits_must_be_positive(string option, string value)
    {
        var outcome = CliRunner.Run("extract", option, value, "-");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(option, outcome.Error, StringComparison.Ordinal);
    }
}
