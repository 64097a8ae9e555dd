using Sitrep.Tests.Support;

namespace Sitrep.Tests.Readers;

public sealed class AcledCsvReaderTests
{
    // The layout of 2020-era exports (lower case, data_id first); the rows are invented.
    private const string NewLayout = """
        data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,event_type,sub_event_type,country,location,source,notes,fatalities
        1001,4,XYZ101,101,9-May-20,2020,Battles,Armed clash,Testland,North Ford,Daily Ledger,"On 9 May 2020, troops clashed with fighters near North Ford, leaving 3 dead.",3
        1002,4,XYZ102,102,10 May 2020,2020,Protests,Peaceful protest,Testland,Capital,"Radio One; Daily Ledger","On 10 May 2020, teachers protested in front of the ministry, demanding ""fair pay"", and dispersed peacefully.",0
        1003,4,XYZ103,103,2020-05-11,2020,Riots,Mob violence,Testland,Lakeside,Local Post,"On 11 May 2020, a mob attacked a market stall.
        Two people were injured.",0
        """;

    // Older exports name columns in upper case and put them in another order.
    private const string OldLayout = "EVENT_ID_CNTY,EVENT_DATE,YEAR,EVENT_TYPE,NOTES,FATALITIES\r\nABC9,27-Sep-98,1998,Battle-No change of territory,Rebels and soldiers fought for two hours near the bridge.,4\r\n";

    [Fact]
    public void Each_row_is_a_document_with_notes_date_id_and_source()
    {
        var items = ReaderHarness.Read(NewLayout, "sample.csv");
        Assert.Empty(ReaderHarness.Problems(items));
        var documents = ReaderHarness.Documents(items);
        Assert.Equal(["XYZ101", "XYZ102", "XYZ103"], documents.Select(d => d.Id));
        Assert.Equal(["2020-05-09", "2020-05-10", "2020-05-11"], documents.Select(d => d.Published?.ToString()));
        Assert.Equal("On 10 May 2020, teachers protested in front of the ministry, demanding \"fair pay\", and dispersed peacefully.", documents[1].Text);
        Assert.Equal("Radio One; Daily Ledger", documents[1].Source);
        Assert.Equal("On 11 May 2020, a mob attacked a market stall.\nTwo people were injured.", documents[2].Text);
        Assert.Equal("sample.csv:4", documents[2].Origin);
    }

    [Fact]
    public void Old_upper_case_columns_read_the_same_way()
    {
        var document = ReaderHarness.Single(OldLayout, "old.csv");
        Assert.Equal("ABC9", document.Id);
        Assert.Equal("1998-09-27", document.Published?.ToString());
        Assert.Equal("Rebels and soldiers fought for two hours near the bridge.", document.Text);
    }

    [Fact]
    public void A_row_without_notes_is_a_problem_with_its_line_and_the_others_still_read()
    {
        const string csv = "event_id_cnty,event_date,notes\nA1,2020-01-02,First note.\nA2,2020-01-03,\nA3,2020-01-04,Third note.\n";
        var items = ReaderHarness.Read(csv, "gaps.csv");
        var problem = Assert.Single(ReaderHarness.Problems(items));
        Assert.Equal(3, problem.Line);
        Assert.Equal("no notes in this row", problem.Reason);
        Assert.Equal(["A1", "A3"], ReaderHarness.Documents(items).Select(d => d.Id));
    }

    [Theory]
    [InlineData(';')]   // spreadsheets in locales where the comma is the decimal mark
    [InlineData('\t')]  // tab-separated exports
    public void Other_separators_are_recognised_from_the_header(char separator)
    {
        var csv = string.Join(separator, "event_id_cnty", "event_date", "notes") + "\n" + string.Join(separator, "S1", "2020-02-02", "\"Troops, police and medics were deployed.\"") + "\n";
        var document = ReaderHarness.Single(csv, "semi.csv");
        Assert.Equal("S1", document.Id);
        Assert.Equal("Troops, police and medics were deployed.", document.Text);
    }

    [Fact]
    public void A_date_that_cannot_be_read_is_a_warning()
    {
        var document = ReaderHarness.Single("event_id_cnty,event_date,notes\nB1,05/09/2020,Some note.\n", "dates.csv");
        Assert.Null(document.Published);
        Assert.Contains("05/09/2020", Assert.Single(document.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name,city\nAna,Iasi\n", "CSV without ACLED's columns")]                               // some other CSV
    [InlineData("event_id_cnty,event_date,notes\n", "CSV has a header but no rows")]                 // header only
    [InlineData("event_id_cnty,event_date,notes\nC1,2020-01-01,\"never closed\n", "a quoted field is never closed")] // open quote
    public void Csv_files_that_give_no_documents_are_problems(string csv, string reason)
    {
        var problem = Assert.Single(ReaderHarness.Problems(ReaderHarness.Read(csv, "other.csv")));
        Assert.StartsWith(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shared_acled_sample_reads_one_document_per_row()
    {
        var path = SharedData.PathOf("data", "acled-2020-sample.csv");
        Assert.True(File.Exists(path), $"{path} is missing");
        var items = new Sitrep.Readers.InputReader().Read([path]).ToList();
        // The sample ends with a row cut short (no notes): that one must be reported, and only rows like it.
        Assert.All(ReaderHarness.Problems(items), p => Assert.Equal("no notes in this row", p.Reason));
        Assert.True(ReaderHarness.Problems(items).Count <= 1, string.Join("; ", ReaderHarness.Problems(items)));
        var documents = ReaderHarness.Documents(items);
        Assert.True(documents.Count > 5000, $"only {documents.Count} rows read");
        Assert.All(documents, d => Assert.NotNull(d.Published));
        Assert.Equal(documents.Count, documents.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
    }
}
