using Sitrep.Extraction.Lexicons;

namespace Sitrep.Tests.Extraction;

/// <summary>
/// The lexicon schema is what the build-time compiler (Sitrep.LexiconCompiler) validates every
/// data/lexicons/{lang}/{kind}.tsv line with: a malformed line must be reported with its file and line
/// (the compiler turns that into a build error), and a good one must come through as written.
/// </summary>
public sealed class LexiconCompilerTests
{
    [Theory]
    // wrong number of columns
    [InlineData("triggers", "clash\tarmed-clash", 2, "columns")]
    // a sub-event the taxonomy does not have
    [InlineData("triggers", "clash\tarmed-brawl\t5", 2, "unknown sub-event")]
    // salience outside 1..9
    [InlineData("triggers", "clash\tarmed-clash\t12", 2, "outside")]
    // a victim category the contract does not have
    [InlineData("victims", "soldier\tsoldiery", 2, "not one of")]
    // patterns are folded: no capitals
    [InlineData("victims", "Soldier\tmilitary", 2, "lower case")]
    // patterns are folded: no diacritics
    [InlineData("victims", "soldați\tmilitary", 2, "diacritics")]
    // a one-ending list is a typo for an optional ending
    [InlineData("outcomes", "pierderi{le}\tkilled\tnoun", 2, "two endings")]
    // a stem too short to be safe
    [InlineData("outcomes", "ki*\tkilled\tverb", 2, "three letters")]
    // an amount bound that is not a number
    [InlineData("amounts", "hundreds\tvague\tmany\t999\t100", 2, "not an integer")]
    // a file whose name is no lexicon kind
    [InlineData("trigers", "clash\tarmed-clash\t5", 1, "unknown lexicon kind")]
    public void A_malformed_line_is_reported_with_its_file_and_line(string kind, string line, int expectedLine, string reason)
    {
        var problems = new List<LexiconProblem>();
        var rows = LexiconSchema.Parse($"data/lexicons/en/{kind}.tsv", "en", kind, "# a comment\n" + line + "\n", problems);

        Assert.Empty(rows);
        var problem = Assert.Single(problems);
        Assert.Equal(expectedLine, problem.Line);
        Assert.Equal($"data/lexicons/en/{kind}.tsv", problem.Path);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"data/lexicons/en/{kind}.tsv({expectedLine}): ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Good_lines_come_through_with_their_line_numbers_and_comments_are_skipped()
    {
        var problems = new List<LexiconProblem>();
        var rows = LexiconSchema.Parse("t.tsv", "ro", "triggers", "# header\n\nbombard*\tshelling\t6\nucis{,i,a,e}\tattack\t5\r\n", problems);

        Assert.Empty(problems);
        Assert.Equal([3, 4], rows.Select(r => r.Line));
        Assert.Equal(["shelling", "6"], rows[0].Fields);
    }

    [Fact]
    public void Endings_expand_into_every_form_and_hyphens_split_like_the_segmenter()
    {
        var forms = CompiledLexicon.Expand("s-a soldat{,i} cu").Select(f => string.Join('|', f)).ToList();

        Assert.Equal(["s|-|a|soldat|cu", "s|-|a|soldati|cu"], forms);
    }

    public static TheoryData<string, LexiconKind> EveryLanguageAndKind()
    {
        var data = new TheoryData<string, LexiconKind>();
        foreach (var language in new[] { "en", "ro" })
        {
            foreach (var kind in Enum.GetValues<LexiconKind>()) data.Add(language, kind);
        }
        return data;
    }

    [Theory, MemberData(nameof(EveryLanguageAndKind))]
    public void Every_supported_language_has_every_lexicon_kind(string language, LexiconKind kind)
    {
        Assert.Contains(language, LexiconStore.Languages);
        Assert.Contains(kind, LexiconStore.For(language).Kinds);
    }
}
