using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Readers;
using Sitrep.Tests.Readers;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Hardening;

/// <summary>Issue 11, "numbers and facts at the edges": a plain article element, non-article files in a folder, a language without lexicons.</summary>
public sealed class EdgeInputTests
{
    [Theory]
    [InlineData("en", "Police dispersed a small protest outside the court on Monday.", "Subscribe to our newsletter")]
    [InlineData("ro", "Politia a dispersat un protest mic in fata tribunalului luni.", "Aboneaza-te la newsletter")]
    public void A_plain_article_element_is_read_without_its_navigation_and_footer(string language, string body, string boilerplate)
    {
        var page = $"""
            <html lang="{language}"><head><title>Short item</title></head>
            <body>
            <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> {boilerplate}</nav>
            <article><p>{body}</p></article>
            <footer>{boilerplate}. Copyright 2024 Example News.</footer>
            </body></html>
            """;
        var items = ReaderHarness.Read(page, "short.html");
        var document = Assert.Single(ReaderHarness.Documents(items));
        Assert.Equal(body, document.Text.Trim());
        Assert.DoesNotContain(document.Warnings, w => w.Contains("no main article", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_listing_several_articles_is_still_read_whole()
    {
        const string page = "<html><body><nav>Home</nav><article><p>First teaser.</p></article><article><p>Second teaser.</p></article></body></html>";
        var document = Assert.Single(ReaderHarness.Documents(ReaderHarness.Read(page, "list.html")));
        Assert.Contains("First teaser.", document.Text, StringComparison.Ordinal);
        Assert.Contains("Second teaser.", document.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("README.md", true)]
    [InlineData("readme.txt", true)]
    [InlineData("docs/README", true)]
    [InlineData("LICENSE", true)]
    [InlineData("LICENSE.txt", true)]
    [InlineData("CHANGELOG.md", true)]
    [InlineData("notes.md", true)]
    [InlineData("SOURCES.md", true)]
    [InlineData("2024-03-01-readme-of-the-war.txt", false)]   // "readme" inside a news file's name is not a README
    [InlineData("article.txt", false)]
    [InlineData("corpus.jsonl", false)]
    [InlineData("page.html", false)]
    public void A_directory_skips_files_that_are_not_news_input(string relative, bool skipped)
    {
        var root = Directory.CreateTempSubdirectory("sitrep-skip-").FullName;
        try
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, relative.EndsWith(".jsonl", StringComparison.Ordinal)
                ? "{\"text\": \"A riot broke out in the capital.\"}\n"
                : "A riot broke out in the capital on Friday; police arrested ten people.");
            var items = new InputReader().Read([root]).ToList();
            Assert.Equal(skipped ? 0 : 1, ReaderHarness.Documents(items).Count);
            Assert.Empty(ReaderHarness.Problems(items));
            // Named on the command line, the same file is read: the rule is for folders only.
            Assert.Single(ReaderHarness.Documents(new InputReader().Read([path]).ToList()));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("Trois soldats ont été tués et cinq blessés lundi lors d'une attaque contre une patrouille près de la frontière, a indiqué l'armée dans un communiqué.", "fr")]
    [InlineData("Drei Soldaten wurden am Montag bei einem Angriff auf eine Patrouille nahe der Grenze getötet, teilte die Armee in einer Erklärung mit.", "de")]
    public void A_text_in_a_language_without_lexicons_gets_a_warning_naming_the_language(string text, string code)
    {
        var result = new ExtractionPipeline().Process(new SourceDocument("foreign", text, null, null, null, null, null, "foreign.txt"));
        Assert.Empty(result.Events);
        var warning = Assert.Single(result.Warnings, w => w.Contains("not supported", StringComparison.Ordinal));
        Assert.Contains($"'{code}'", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_says_once_per_language_on_standard_error_that_it_is_not_supported()
    {
        var root = Directory.CreateTempSubdirectory("sitrep-lang-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "a.txt"), "Trois soldats ont été tués et cinq blessés lundi lors d'une attaque contre une patrouille près de la frontière, a indiqué l'armée.");
            File.WriteAllText(Path.Combine(root, "b.txt"), "Des manifestants se sont rassemblés devant le ministère de la Défense mardi pour réclamer la fin des combats dans la région.");
            File.WriteAllText(Path.Combine(root, "c.txt"), "Soldiers were killed when the convoy was attacked near the border, the army said.");
            var outcome = CliRunner.Run("extract", root, "--format", "jsonl");
            Assert.Equal(0, outcome.ExitCode);
            var lines = outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var line = Assert.Single(lines);
            Assert.StartsWith("sitrep: warning: ", line, StringComparison.Ordinal);
            Assert.Contains("'fr'", line, StringComparison.Ordinal);
            Assert.Equal(3, outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
