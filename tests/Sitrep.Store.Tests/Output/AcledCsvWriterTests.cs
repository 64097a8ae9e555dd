using Sitrep.Output;

namespace Sitrep.Store.Tests.Output;

/// <summary>CSV cells: RFC 4180 quoting, and no cell a spreadsheet would run as a formula.</summary>
public sealed class AcledCsvWriterTests
{
    [Theory]
    // Plain text stays as it is.
    [InlineData("Oldtown", "Oldtown")]
    // A comma, a quote or a line break means quoting, with quotes doubled.
    [InlineData("Rebels, and allies", "\"Rebels, and allies\"")]
    [InlineData("the \"army\"", "\"the \"\"army\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    // Formula starters from untrusted text are defused.
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("+1 more", "'+1 more")]
    [InlineData("-dash text", "'-dash text")]
    // A negative number is a number, not a formula.
    [InlineData("-12.5", "-12.5")]
    // Nothing is nothing.
    [InlineData("", "")]
    public void Cells_are_quoted_and_defused(string cell, string expected)
    {
        Assert.Equal(expected, AcledCsvWriter.Quote(cell));
    }

    [Fact]
    public void An_empty_export_is_a_header_alone()
    {
        using var text = new StringWriter();
        var writer = new AcledCsvWriter(text);
        writer.Complete();
        Assert.Equal(string.Join(",", AcledCsvWriter.Columns) + "\r\n", text.ToString());
    }
}
