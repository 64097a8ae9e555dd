using System.Text;
using Sitrep.Readers;

namespace Sitrep.Tests.Readers;

public sealed class HtmlArticleReaderTests
{
    private const string NewsPage = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <title>Clashes flare near northern border town | The Valley Courier</title>
        <meta property="og:title" content="Clashes flare near northern border town">
        <meta property="og:site_name" content="The Valley Courier">
        <meta property="article:published_time" content="2021-06-14T08:15:00+02:00">
        <link rel="canonical" href="https://courier.example/world/2021/06/14/border-clashes">
        <script>window.analytics = { label: "tracking pixel loaded" };</script>
        <style>body { font-family: serif; }</style>
        </head>
        <body>
        <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
        <article>
        <h1>Clashes flare near northern border town</h1>
        <p>Fighting broke out on Sunday between government troops and an armed group near the town of Varesh, local officials said, in the heaviest clashes in the province this year.</p>
        <p>At least four soldiers and two civilians were killed, according to a statement from the provincial governor&rsquo;s office. The group did not comment on its losses.</p>
        <p>Residents told reporters that shelling continued into the night and that dozens of families had left for the regional capital. Aid agencies said they were preparing shelters for the displaced.</p>
        <p>The defence ministry said its forces had pushed the fighters back from two villages and had regained control of the main road.</p>
        </article>
        <footer>&copy; 2021 The Valley Courier. All rights reserved.</footer>
        </body>
        </html>
        """;

    [Fact]
    public void A_news_page_gives_its_article_text_and_metadata()
    {
        var document = ReaderHarness.Single(NewsPage, "border-clashes.html");
        Assert.Equal("border-clashes.html", document.Id);
        Assert.Equal("Clashes flare near northern border town", document.Title);
        Assert.Equal("2021-06-14", document.Published?.ToString());
        Assert.Equal("The Valley Courier", document.Source);
        Assert.Equal("https://courier.example/world/2021/06/14/border-clashes", document.Url);
        Assert.Null(document.Language);                        // declared languages are often wrong: detected instead
        Assert.Contains("Fighting broke out on Sunday between government troops", document.Text, StringComparison.Ordinal);
        Assert.Contains("governor\u2019s office.", document.Text, StringComparison.Ordinal);      // entities decoded
        Assert.Contains("regained control of the main road.", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tracking pixel", document.Text, StringComparison.Ordinal);            // scripts dropped
        Assert.DoesNotContain("font-family", document.Text, StringComparison.Ordinal);               // styles dropped
        Assert.DoesNotContain("<p>", document.Text, StringComparison.Ordinal);
    }

    private const string PageWithBoilerplate = """
        <!DOCTYPE html>
        <html lang="ro">
        <head>
        <title>Explozie la un depozit de muniție din sud - Jurnalul de Vest</title>
        <meta property="og:site_name" content="Jurnalul de Vest">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Explozie la un depozit de muniție din sud","datePublished":"2022-08-16T07:42:00+03:00"}</script>
        </head>
        <body>
        <div class="cookie-banner">Folosim cookie-uri pentru a îmbunătăți experiența. <button>Accept</button></div>
        <header class="site-header"><a href="/">Jurnalul de Vest</a><ul class="menu"><li><a href="/politica">Politică</a></li><li><a href="/externe">Externe</a></li><li><a href="/sport">Sport</a></li></ul></header>
        <main>
        <article class="post">
        <h1>Explozie la un depozit de muniție din sud</h1>
        <div class="meta">de Redacția | <time datetime="2022-08-16">16 august 2022</time></div>
        <div class="content">
        <p>O serie de explozii a avut loc marți dimineață la un depozit de muniție aflat lângă localitatea Valea Seacă, au anunțat autoritățile regionale, care au dispus evacuarea a două sate din apropiere.</p>
        <p>Potrivit unui comunicat al ministerului apărării, incendiul a izbucnit în jurul orei 6:30, iar detonările au continuat mai bine de trei ore. Doi militari au fost răniți ușor și transportați la spitalul județean.</p>
        <p>Ministerul a precizat că nu există, deocamdată, indicii privind un atac din exterior și că o comisie de anchetă a fost trimisă la fața locului. Circulația pe drumul național a fost închisă până la noi ordine.</p>
        </div>
        </article>
        <aside class="related"><h3>Citește și</h3><ul><li><a href="/a">Prețurile la energie cresc din nou</a></li><li><a href="/b">Meciul de aseară, în imagini</a></li></ul></aside>
        </main>
        <footer><p>© 2022 Jurnalul de Vest. Toate drepturile rezervate.</p><p><a href="/contact">Contact</a> | <a href="/termeni">Termeni</a></p></footer>
        </body>
        </html>
        """;

    [Fact]
    public void Menus_banners_related_links_and_footers_are_left_out_of_the_article()
    {
        var document = ReaderHarness.Single(PageWithBoilerplate, "explozie.html");
        Assert.Equal("Explozie la un depozit de muniție din sud", document.Title);   // the site's name is not part of the title
        Assert.Equal("2022-08-16", document.Published?.ToString());
        Assert.Equal("Jurnalul de Vest", document.Source);
        Assert.Contains("O serie de explozii a avut loc marți dimineață", document.Text, StringComparison.Ordinal);
        Assert.Contains("Doi militari au fost răniți ușor", document.Text, StringComparison.Ordinal);
        Assert.Contains("până la noi ordine.", document.Text, StringComparison.Ordinal);
        foreach (var boilerplate in new[] { "cookie", "Politică", "Citește și", "Prețurile la energie", "drepturile rezervate", "Termeni" })
        {
            Assert.DoesNotContain(boilerplate, document.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"datePublished\":\"2020-10-02T11:00:00Z\"}</script>", "2020-10-02")] // JSON-LD
    [InlineData("<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-10-03\"}]}</script>", "2020-10-03")] // JSON-LD inside @graph
    [InlineData("<meta itemprop=\"datePublished\" content=\"2020-10-04\">", "2020-10-04")]   // microdata meta
    [InlineData("<meta name=\"date\" content=\"2020-10-05\">", "2020-10-05")]                // plain meta name
    [InlineData("<script type=\"application/ld+json\">{ broken </script><meta name=\"pubdate\" content=\"2020-10-06\">", "2020-10-06")] // broken JSON-LD skipped
    public void The_publication_date_is_found_where_publishers_put_it(string head, string expected)
    {
        var page = $"<html><head><title>Report</title>{head}</head><body><article><p>{Paragraphs()}</p></article></body></html>";
        Assert.Equal(expected, ReaderHarness.Single(page, "p.html").Published?.ToString());
    }

    [Fact]
    public void A_time_element_in_the_article_gives_the_date_when_meta_tags_do_not()
    {
        var page = $"<html><body><header><time datetime=\"2019-01-01\">site founded</time></header><article><time datetime=\"2020-10-07T06:00\">7 October</time><p>{Paragraphs()}</p></article></body></html>";
        Assert.Equal("2020-10-07", ReaderHarness.Single(page, "t.html").Published?.ToString());
    }

    [Theory]
    [InlineData("<meta charset=\"windows-1250\">", "windows-1250")]                                             // HTML5 declaration
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\">", "iso-8859-2")] // older http-equiv form
    public void A_legacy_page_is_decoded_with_the_charset_it_declares(string declaration, string charset)
    {
        var encoding = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(charset)!;
        // Legacy code pages have only the cedilla forms of s and t, which is what old Romanian pages used.
        var page = $"<html><head>{declaration}<title>Ştiri</title></head><body><p>Protestatarii s-au adunat în faţa prefecturii din Timişoara.</p></body></html>";
        var document = Assert.Single(ReaderHarness.Documents(ReaderHarness.Read(encoding.GetBytes(page), "legacy.html")));
        Assert.Equal("Protestatarii s-au adunat în faţa prefecturii din Timişoara.", document.Text);
        Assert.Equal("Ştiri", document.Title);
        Assert.DoesNotContain(document.Warnings, w => w.Contains("invalid", StringComparison.Ordinal));
    }

    [Fact]
    public void A_utf8_page_that_kept_an_old_charset_declaration_reads_as_utf8()
    {
        var document = ReaderHarness.Single("<html><head><meta charset=\"iso-8859-2\"></head><body><p>Armata a respins atacul în zori.</p></body></html>", "converted.html");
        Assert.Equal("Armata a respins atacul în zori.", document.Text);
    }

    [Fact]
    public void A_short_page_without_an_article_still_gives_its_text()
    {
        var document = ReaderHarness.Single("<html><body><p>Curfew extended until Monday.</p></body></html>", "short.htm");
        Assert.Equal("Curfew extended until Monday.", document.Text);
    }

    [Fact]
    public void Html_nested_five_thousand_deep_is_read_as_flat_text_without_overflowing_the_stack()
    {
        var html = new StringBuilder("<html><head><script>var secret = 'not text';</script></head><body>");
        for (var i = 0; i < 5000; i++) html.Append("<div><span>");
        html.Append("Militants ambushed a patrol near the dam.");
        for (var i = 0; i < 5000; i++) html.Append("</span></div>");
        html.Append("</body></html>");

        var document = ReaderHarness.Single(html.ToString(), "deep.html");
        Assert.Equal("Militants ambushed a patrol near the dam.", document.Text);
        Assert.Contains("flat text", Assert.Single(document.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_nested_just_under_the_limit_goes_through_the_article_extractor()
    {
        var depth = HtmlNesting.MaximumDepth - 10;
        var html = new StringBuilder("<html><head><title>Deep but legal</title></head><body>");
        for (var i = 0; i < depth; i++) html.Append("<section>");
        html.Append("<p>").Append(Paragraphs()).Append("</p>");
        for (var i = 0; i < depth; i++) html.Append("</section>");
        html.Append("</body></html>");

        var document = ReaderHarness.Single(html.ToString(), "legal.html");
        Assert.Equal("Deep but legal", document.Title);
        Assert.Contains("Security forces fired tear gas", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(document.Warnings, w => w.Contains("flat text", StringComparison.Ordinal));
    }

    [Fact]
    public void A_huge_page_skips_readability_scoring_and_reads_its_article_element()
    {
        var html = new StringBuilder("<html><head><title>Live updates</title></head><body><nav>Menu</nav><article>");
        for (var i = 0; i < HtmlArticleReader.MaximumElementsForReadability; i++) html.Append("<p>Update ").Append(i).Append(": sirens sounded again in the north.</p>");
        html.Append("</article><footer>Footer text</footer></body></html>");

        var document = ReaderHarness.Single(html.ToString(), "live.html");
        Assert.StartsWith("Update 0: sirens sounded again in the north.", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Footer text", document.Text, StringComparison.Ordinal);
        Assert.Contains("<article> element was read", Assert.Single(document.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Stray_end_tags_cannot_hide_deep_nesting()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 5000; i++) html.Append("<div></span>");
        html.Append("Text at the bottom.</body></html>");
        var document = ReaderHarness.Single(html.ToString(), "stray.html");
        Assert.Equal("Text at the bottom.", document.Text);
        Assert.Contains("flat text", Assert.Single(document.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body><script>only();</script></body></html>")]  // nothing but a script
    [InlineData("<html><head><title>Title only</title></head></html>")] // a title, no body text
    public void A_page_without_text_is_a_problem(string html)
    {
        var problem = Assert.Single(ReaderHarness.Problems(ReaderHarness.Read(html, "empty.html")));
        Assert.Equal("no text found in the page", problem.Reason);
    }

    [Theory]
    [InlineData("<p>One</p><p>Two</p>", "One\n\nTwo")]                                        // blocks become paragraphs
    [InlineData("A<br>B", "A\n\nB")]                                                          // line breaks too
    [InlineData("x <script>if (a < b) { y(); }</script> z", "x z")]                         // script content is not text, even with '<'
    [InlineData("<style>p { color: red }</style>Text", "Text")]                              // styles dropped
    [InlineData("a <!-- hidden <p> --> b", "a b")]                                            // comments dropped
    [InlineData("3 &lt; 5 &amp;&amp; 5 &gt; 3", "3 < 5 && 5 > 3")]                          // entities decoded
    [InlineData("3 < 5", "3 < 5")]                                                            // a lone '<' is text
    [InlineData("  many   \n\t blanks  ", "many blanks")]                                     // blanks collapsed
    [InlineData("<script>never closed", "")]                                                  // an unclosed script hides the rest
    public void The_flattener_keeps_readable_text_only(string html, string expected)
    {
        Assert.Equal(expected, HtmlTextFlattener.Flatten(html));
    }

    [Theory]
    [InlineData("<div><div><div></div></div></div>", 3)]               // plain nesting
    [InlineData("<p>a<p>b<p>c<li>d<li>e", 0)]                          // optional end tags do not nest
    [InlineData("<div><br><img src=x><hr/></div>", 1)]                 // void elements do not nest
    [InlineData("<div><span/></div>", 1)]                              // self-closed elements do not nest
    [InlineData("<div></span><div></span><div>", 3)]                   // stray end tags close nothing
    [InlineData("<div><b></div><div>", 2)]                             // an end tag closes what it encloses too
    public void Nesting_depth_is_measured_without_a_parser(string html, int depth)
    {
        Assert.Equal(depth, HtmlNesting.Depth(html));
    }

    private static string Paragraphs() =>
        "Security forces fired tear gas at demonstrators who had gathered outside the ministry to demand the release of detained activists, witnesses said. "
        + "The protest was the third this week, and organisers said they would return on Friday. Several people were taken to hospital with breathing problems, a medic at the scene said.";
}
