namespace Sitrep.Tests.Readers;

public sealed class TextDocumentReaderTests
{
    [Theory]
    [InlineData("date 2021-03-04 Rebels seized the depot.", "2021-03-04", "Rebels seized the depot.")]      // the seed's header
    [InlineData("   date 2021-03 Rebels seized the depot.", "2021-03", "Rebels seized the depot.")]         // leading blanks, month precision
    [InlineData("\tdate 2019-11-30 Two lines\nof text.", "2019-11-30", "Two lines\nof text.")]            // a tab before, a line break inside
    [InlineData("date 2021-03-04  Two blanks after the date.", "2021-03-04", " Two blanks after the date.")] // only one blank belongs to the header
    public void Dated_text_gives_its_date_and_the_text_after_the_header(string content, string published, string text)
    {
        var document = ReaderHarness.Single(content, "report.txt");
        Assert.Equal(published, document.Published?.ToString());
        Assert.Equal(text, document.Text);
        Assert.Equal("report.txt", document.Id);
    }

    [Theory]
    [InlineData("Police dispersed the crowd with tear gas.")]   // no header at all
    [InlineData("date night plans were cancelled by the curfew.")] // the word "date" without a date
    public void Plain_text_is_the_whole_input_without_a_date(string content)
    {
        var document = ReaderHarness.Single(content, "note.txt");
        Assert.Null(document.Published);
        Assert.Equal(content, document.Text);
        Assert.Empty(document.Warnings);
    }

    [Fact]
    public void A_header_with_an_impossible_date_is_plain_text_with_a_warning()
    {
        var document = ReaderHarness.Single("date 2020-02-30 The market reopened.", "market.txt");
        Assert.Null(document.Published);
        Assert.Equal("date 2020-02-30 The market reopened.", document.Text);
        Assert.Contains("2020-02-30", Assert.Single(document.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_with_nothing_after_it_is_a_problem()
    {
        var problem = Assert.Single(ReaderHarness.Problems(ReaderHarness.Read("date 2020-02-03   \n", "stub.txt")));
        Assert.Equal("no text after the date header", problem.Reason);
    }

    [Fact]
    public void Dated_text_is_recognised_by_content_under_any_extension()
    {
        var document = ReaderHarness.Single("date 2020-10-04 Shelling hit the market.", "wire-0412");
        Assert.Equal("2020-10-04", document.Published?.ToString());
    }
}
