using Sitrep.Readers;

namespace Sitrep.Tests.Readers;

public sealed class PublicationDateParserTests
{
    [Theory]
    [InlineData("2020-05-09", "2020-05-09")]                        // ISO date
    [InlineData("2020-05", "2020-05")]                              // ISO month keeps its precision
    [InlineData("2021-06-14T08:15:00+02:00", "2021-06-14")]         // ISO timestamp: the local date as written
    [InlineData("Sat, 09 May 2020 14:30:00 GMT", "2020-05-09")]     // RFC 822, as in RSS
    [InlineData("Sun, 4 Oct 2020 23:10:00 -0400", "2020-10-04")]    // RFC 822 with a one-digit day and an offset
    [InlineData("09 May 2020", "2020-05-09")]                       // ACLED, day month year
    [InlineData("9-May-20", "2020-05-09")]                          // ACLED, spreadsheet style with a two-digit year
    [InlineData("27-Sep-98", "1998-09-27")]                         // two-digit years from the 1990s
    [InlineData("May 9, 2020", "2020-05-09")]                       // month first
    [InlineData("September 2020", "2020-09")]                       // month and year only
    [InlineData(" 2020-05-09 ", "2020-05-09")]                      // blanks around
    public void Publication_dates_are_read_in_the_shapes_inputs_use(string text, string expected)
    {
        Assert.Equal(expected, PublicationDateParser.Parse(text)?.ToString());
    }

    [Theory]
    [InlineData("")]                  // nothing
    [InlineData("yesterday")]         // words without a date
    [InlineData("2020-13-01")]        // impossible month
    [InlineData("31 Feb 2020")]       // impossible day
    [InlineData("05/09/2020")]        // ambiguous day and month order
    [InlineData("9 May")]             // no year
    public void Things_that_are_not_a_full_date_give_none(string text)
    {
        Assert.Null(PublicationDateParser.Parse(text));
    }
}
