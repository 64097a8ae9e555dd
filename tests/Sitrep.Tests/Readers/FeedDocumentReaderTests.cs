namespace Sitrep.Tests.Readers;

public sealed class FeedDocumentReaderTests
{
    private const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Regional Desk - Latest</title>
            <link>https://desk.example/</link>
            <description>Latest reports from the regional desk</description>
            <image><title>Regional Desk logo</title><url>https://desk.example/logo.png</url></image>
            <item>
              <title>Curfew imposed after night of unrest</title>
              <link>https://desk.example/2023/03/curfew</link>
              <guid isPermaLink="false">desk-88121</guid>
              <pubDate>Tue, 14 Mar 2023 21:40:00 +0100</pubDate>
              <description>Short teaser.</description>
              <content:encoded><![CDATA[<p>Authorities imposed a curfew on the port city after a night of rioting in which <b>shops were looted</b> and two police cars set on fire.</p><p>Police said 31 people had been arrested.</p><script>tracker()</script>]]></content:encoded>
            </item>
            <item>
              <title>Talks to resume next week</title>
              <link>https://desk.example/2023/03/talks</link>
              <pubDate>Wed, 15 Mar 2023 07:05:00 GMT</pubDate>
              <description>&lt;p&gt;Negotiators from both sides will meet again in the capital, mediators said.&lt;/p&gt;</description>
            </item>
            <item>
              <title>Headline only: explosion reported downtown</title>
            </item>
          </channel>
        </rss>
        """;

    [Fact]
    public void Every_rss_item_is_a_document_with_its_title_link_date_and_text()
    {
        var items = ReaderHarness.Read(Rss, "desk.rss");
        Assert.Empty(ReaderHarness.Problems(items));
        var documents = ReaderHarness.Documents(items);
        Assert.Equal(3, documents.Count);

        var first = documents[0];
        Assert.Equal("desk-88121", first.Id);
        Assert.Equal("Curfew imposed after night of unrest", first.Title);
        Assert.Equal("https://desk.example/2023/03/curfew", first.Url);
        Assert.Equal("2023-03-14", first.Published?.ToString());
        Assert.Equal("Regional Desk - Latest", first.Source);
        Assert.Equal("Authorities imposed a curfew on the port city after a night of rioting in which shops were looted and two police cars set on fire.\n\nPolice said 31 people had been arrested.", first.Text);

        Assert.Equal("desk.rss#2", documents[1].Id);    // no guid: file and item number
        Assert.Equal("Negotiators from both sides will meet again in the capital, mediators said.", documents[1].Text);
        Assert.Equal("2023-03-15", documents[1].Published?.ToString());

        Assert.Equal("Headline only: explosion reported downtown", documents[2].Text);
        Assert.Single(documents[2].Warnings);
    }

    [Fact]
    public void Atom_entries_take_the_alternate_link_and_fall_back_to_updated_for_the_date()
    {
        const string atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Monitor de conflict</title>
              <id>urn:uuid:5e0c7a44-feed</id>
              <updated>2020-10-05T10:00:00Z</updated>
              <entry>
                <title>Bombardamente asupra orașului</title>
                <id>urn:uuid:entry-1</id>
                <link rel="enclosure" href="https://monitor.example/photo.jpg"/>
                <link rel="alternate" href="https://monitor.example/2020/10/bombardamente"/>
                <updated>2020-10-04T22:15:00+04:00</updated>
                <content type="html">&lt;p&gt;Mai multe cartiere au fost lovite de rachete în cursul nopții, au declarat autoritățile locale.&lt;/p&gt;</content>
              </entry>
              <entry>
                <title>Apel la încetarea focului</title>
                <id>urn:uuid:entry-2</id>
                <published>2020-10-05T08:00:00Z</published>
                <updated>2020-10-05T09:30:00Z</updated>
                <summary>Ministrul de externe a cerut încetarea imediată a ostilităților.</summary>
              </entry>
            </feed>
            """;
        var documents = ReaderHarness.Documents(ReaderHarness.Read(atom, "monitor.atom"));
        Assert.Equal(2, documents.Count);
        Assert.Equal("urn:uuid:entry-1", documents[0].Id);
        Assert.Equal("https://monitor.example/2020/10/bombardamente", documents[0].Url);
        Assert.Equal("2020-10-04", documents[0].Published?.ToString());
        Assert.Equal("Monitor de conflict", documents[0].Source);
        Assert.StartsWith("Mai multe cartiere", documents[0].Text, StringComparison.Ordinal);
        Assert.Equal("2020-10-05", documents[1].Published?.ToString());
        Assert.Equal("Ministrul de externe a cerut încetarea imediată a ostilităților.", documents[1].Text);
    }

    [Fact]
    public void Rss_one_items_read_their_dublin_core_date()
    {
        const string rdf = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://old.example/"><title>Old Wire</title></channel>
              <item rdf:about="https://old.example/a1">
                <title>Strike closes ports</title>
                <description>Dock workers walked out over unpaid wages.</description>
                <dc:date>2018-07-02</dc:date>
              </item>
            </rdf:RDF>
            """;
        var document = ReaderHarness.Single(rdf, "old.xml");
        Assert.Equal("https://old.example/a1", document.Url);
        Assert.Equal("2018-07-02", document.Published?.ToString());
        Assert.Equal("Old Wire", document.Source);
    }

    [Fact]
    public void Broken_xml_keeps_the_items_before_it_and_names_the_line()
    {
        const string broken = "<rss><channel><title>T</title>\n<item><title>A</title><description>Fine item.</description></item>\n<item><title>B</title><description>Broken <b>item</description></item>\n</channel></rss>";
        var items = ReaderHarness.Read(broken, "broken.rss");
        Assert.Equal("Fine item.", Assert.Single(ReaderHarness.Documents(items)).Text);
        var problem = Assert.Single(ReaderHarness.Problems(items));
        Assert.Equal(3, problem.Line);
        Assert.StartsWith("feed XML is broken", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><catalog><book>Not news</book></catalog>", "XML but not an RSS or Atom feed")] // other XML
    [InlineData("<rss><channel><title>Empty</title></channel></rss>", "feed has no items")]                               // a feed without items
    [InlineData("<rss><channel><item></item></channel></rss>", "feed item 1 has neither text nor title")]                // an empty item
    [InlineData("this is not xml at all", "not a readable RSS or Atom feed")]                                           // not XML
    public void Feeds_that_give_nothing_are_problems(string content, string reason)
    {
        var problem = Assert.Single(ReaderHarness.Problems(ReaderHarness.Read(content, "thing.xml")));
        Assert.StartsWith(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_nested_thousands_deep_is_a_problem_and_its_neighbours_still_read()
    {
        var deep = string.Concat(Enumerable.Repeat("<x>", 5000)) + "bottom" + string.Concat(Enumerable.Repeat("</x>", 5000));
        var escaped = string.Concat(Enumerable.Repeat("&lt;div&gt;", 5000)) + "Escaped deep text." + string.Concat(Enumerable.Repeat("&lt;/div&gt;", 5000));
        var feed = $"<rss><channel>\n<item><title>A</title><description>First.</description></item>\n<item><title>B</title><description>{deep}</description></item>\n<item><title>C</title><description>{escaped}</description></item>\n</channel></rss>";
        var items = ReaderHarness.Read(feed, "deep.rss");
        Assert.Equal(["First.", "Escaped deep text."], ReaderHarness.Documents(items).Select(d => d.Text));
        var problem = Assert.Single(ReaderHarness.Problems(items));
        Assert.Equal(3, problem.Line);
        Assert.Equal("feed item 2 is nested more than 64 levels deep", problem.Reason);
    }

    [Fact]
    public void Atom_xhtml_content_keeps_its_paragraphs()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>X</title>
            <entry><id>e1</id><title>T</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Crowds gathered at dawn.</p><p>By noon the square was empty.</p></div></content></entry>
            </feed>
            """;
        Assert.Equal("Crowds gathered at dawn.\n\nBy noon the square was empty.", ReaderHarness.Single(atom, "x.atom").Text);
    }

    [Fact]
    public void Invalid_bytes_warn_only_the_item_that_has_them()
    {
        byte[] feed = [
            .. System.Text.Encoding.UTF8.GetBytes("<rss><channel><item><guid>ok</guid><description>Clean text.</description></item><item><guid>bad</guid><description>Bro"),
            0xFF,
            .. System.Text.Encoding.UTF8.GetBytes("ken text.</description></item></channel></rss>"),
        ];
        var documents = ReaderHarness.Documents(ReaderHarness.Read(feed, "bytes.rss"));
        Assert.Empty(documents[0].Warnings);
        Assert.Equal("1 invalid UTF-8 byte sequence replaced with U+FFFD", Assert.Single(documents[1].Warnings));
    }

    [Fact]
    public void Entities_declared_in_a_doctype_are_not_expanded()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <rss><channel><item><title>T</title><description>Plain &b; text</description></item></channel></rss>
            """;
        var items = ReaderHarness.Read(bomb, "bomb.rss");
        Assert.Single(items);
        Assert.DoesNotContain("aaaaaaaaaa", items[0].Document?.Text ?? string.Empty, StringComparison.Ordinal);
    }
}
