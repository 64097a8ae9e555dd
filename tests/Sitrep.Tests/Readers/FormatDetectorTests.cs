using Sitrep.Readers;

namespace Sitrep.Tests.Readers;

public sealed class FormatDetectorTests
{
    [Theory]
    [InlineData(".txt", "{\"text\": \"a\"}", DocumentFormat.Text)]                 // .txt is text whatever it holds
    [InlineData(".jsonl", "{\"id\": 1}", DocumentFormat.JsonLines)]                // the JSON Lines extension
    [InlineData(".ndjson", "{\"id\": 1}", DocumentFormat.JsonLines)]               // its other common name
    [InlineData(".HTML", "<p>x</p>", DocumentFormat.Html)]                          // extensions compare without case
    [InlineData(".htm", "plain words", DocumentFormat.Html)]                        // the extension wins over content
    [InlineData(".rss", "<rss version=\"2.0\">", DocumentFormat.Feed)]              // RSS
    [InlineData(".atom", "<feed>", DocumentFormat.Feed)]                            // Atom
    [InlineData(".xml", "<?xml version=\"1.0\"?><rss>", DocumentFormat.Feed)]       // a feed saved as .xml
    [InlineData(".xml", "<html><body>x</body></html>", DocumentFormat.Html)]        // XHTML saved as .xml
    [InlineData(".csv", "a,b\n1,2", DocumentFormat.AcledCsv)]                      // .csv is read as ACLED (and refused if it lacks the columns)
    [InlineData(null, "  date 2020-05 Text", DocumentFormat.Text)]                  // standard input: dated text
    [InlineData(null, "{\"id\":\"a\",\"text\":\"b\"}", DocumentFormat.JsonLines)]   // standard input: JSON Lines
    [InlineData(null, "<!DOCTYPE html><html>", DocumentFormat.Html)]                // standard input: HTML
    [InlineData(null, "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", DocumentFormat.Feed)] // standard input: Atom
    [InlineData(null, "\uFEFF<rdf:RDF>", DocumentFormat.Feed)]                     // RSS 1.0 after a BOM
    [InlineData(".dat", "event_id_cnty,event_date,notes\nX1,2020-01-01,y", DocumentFormat.AcledCsv)] // an ACLED header under another extension
    [InlineData(".md", "Soldiers, police and notes", DocumentFormat.Text)]         // words that merely mention notes
    public void Formats_are_recognised_by_extension_then_content(string? extension, string head, DocumentFormat expected)
    {
        Assert.Equal(expected, FormatDetector.Detect(extension, head));
    }
}
