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
    public void The_country_column_has_the_acled_name_and_the_code_keeps_its_own_column()
    {
        var record = new EventRecord("e1", "Protests", "Peaceful protest", "current", new DateRange("2024-03-01", "2024-03-01", "day", null),
            new Location("Bucharest", "ROU", null, 44.43, 26.1, "locality", null, null, null), [], null, [], [], [], 0.5);
        using var text = new StringWriter();
        new AcledCsvWriter(text).Write(new DocumentResult(new DocumentInfo("d", "2024-03-01", "en", null, null, null), [record], null, []));
        var row = text.ToString().Split("\r\n")[1].Split(',');
        Assert.Equal("Romania", row[AcledCsvWriter.Columns.ToList().IndexOf("country")]);
        Assert.Equal("ROU", row[AcledCsvWriter.Columns.ToList().IndexOf("country_iso3")]);
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
