using Sitrep.Evaluation.Acled;
using Sitrep.Output;

namespace Sitrep.Tests.Evaluation;

public sealed class AcledGoldReaderTests
{
    // Invented rows in ACLED's two layouts (not ACLED data).
    private const string OldLayout =
        "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3\n" +
        "1,466,MLI100,100,3-Jun-21,2021,1,Battles,Armed clash,A,,1,B,,2,12,Western Africa,Mali,Gao,Gao,,Gao,16.2666,-0.0400,1,Paper,National,\"On 3 June 2021, soldiers and militants fought near Gao, \"\"heavily\"\", leaving 3 dead.\",3,0,MLI\n" +
        "2,466,MLI101,101,not-a-date,2021,1,Riots,Mob violence,A,,5,,,0,50,Western Africa,Mali,Gao,Gao,,Gao,16.2666,-0.0400,1,Paper,National,A crowd beat a thief.,0,0,MLI\n";

    private const string NewLayout =
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n" +
        "ROU200,2024-01-14,2024,1,Demonstrations,Protests,Peaceful protest,Protesters (Romania),,6,,,0,60,,642,Europe,Romania,Bucuresti,,,Bucharest,44.4323,26.1063,1,Paper,National,\"On 14 January 2024, teachers marched in Bucharest\nover wages.\",0,crowd size=hundreds,0\n";

    [Fact]
    public void The_old_layout_is_read_with_quotes_and_a_bad_row_is_named()
    {
        var result = new AcledGoldReader().Read(new StringReader(OldLayout), "old.csv");

        var row = Assert.Single(result.Rows);
        Assert.Equal(("MLI100", new DateOnly(2021, 6, 3), "Battles", "Armed clash", 3, "MLI"), (row.Id, row.EventDate, row.EventType, row.SubEventType, row.Fatalities, row.Iso3));
        Assert.Contains("\"heavily\"", row.Notes, StringComparison.Ordinal);
        Assert.Equal(16.2666, row.Latitude);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("not-a-date", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_new_layout_is_read_with_iso_dates_multi_line_notes_and_no_iso3()
    {
        var result = new AcledGoldReader().Read(new StringReader(NewLayout), "new.csv");

        Assert.Empty(result.Problems);
        var row = Assert.Single(result.Rows);
        Assert.Equal(("ROU200", new DateOnly(2024, 1, 14), "Romania", null as string), (row.Id, row.EventDate, row.Country, row.Iso3));
        Assert.Contains("\nover wages", row.Notes, StringComparison.Ordinal);
        Assert.Equal("ROU", AcledEvaluator.CountryCode(row)); // from the country name, since this layout has no iso3
    }

    [Theory]
    [InlineData("")]                                                   // empty file
    [InlineData("id,text\n1,hello\n")]                                 // another CSV
    public void A_file_that_is_not_acled_is_one_problem_and_no_rows(string content)
    {
        var result = new AcledGoldReader().Read(new StringReader(content), "x.csv");
        Assert.Empty(result.Rows);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void The_primary_event_is_the_most_confident_current_acled_event_then_the_earliest()
    {
        static EventRecord Event(string id, string type, string status, double confidence, int start) =>
            new(id, type, "x", status, null, null, [], null, [], [], [new Span(start, start + 1)], confidence);
        var result = new DocumentResult(new DocumentInfo("d", null, "en", null, null, null),
        [
            Event("historical", "Battles", "historical", 0.99, 0),     // not current
            Event("statement", "Statements", "current", 0.95, 1),      // no ACLED counterpart
            Event("later", "Riots", "current", 0.8, 50),
            Event("earlier", "Protests", "current", 0.8, 10),
            Event("weaker", "Battles", "current", 0.5, 0),
        ], null, []);

        Assert.Equal("earlier", PrimaryEventSelector.Select(result)!.Id);
    }
}
