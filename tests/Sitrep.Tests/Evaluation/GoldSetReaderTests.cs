using Sitrep.Evaluation.Gold;

namespace Sitrep.Tests.Evaluation;

public sealed class GoldSetReaderTests
{
    private const string Good = """{"id":"a","language":"en","published":"2022-01-02","text":"Rebels shelled the town.","expected":[{"eventType":"Explosions/Remote violence","subEventType":"Shelling/artillery/missile attack","status":"current","fatalities":{"low":2,"best":2,"high":3},"casualties":[{"outcome":"killed","count":2,"status":"current","category":"civilian","claimant":["mayor","the mayor"],"via":["AFP"]},{"outcome":"wounded","count":{"min":20,"max":99},"status":"current"},{"outcome":"killed","count":null,"status":"negated"}],"places":[{"country":"SYR","name":"Idlib"}]}]}""";

    [Fact]
    public void A_complete_line_is_read_with_every_field()
    {
        var result = new GoldSetReader().Read(new StringReader(Good), "gold.jsonl");

        Assert.Empty(result.Problems);
        var document = Assert.Single(result.Documents);
        Assert.Equal(("a", "en", "2022-01-02", 1), (document.Id, document.Language, document.Published, document.Line));
        var expected = Assert.Single(document.Expected);
        Assert.Equal(2, expected.FatalitiesBest);
        Assert.Equal(new GoldCount(2, null, null), expected.Casualties[0].Count);
        Assert.Equal(["mayor", "the mayor"], expected.Casualties[0].Claimant!.Alternatives.ToArray());
        Assert.Equal(["AFP"], expected.Casualties[0].Via.Single().Alternatives.ToArray());
        Assert.Equal(new GoldCount(null, 20, 99), expected.Casualties[1].Count);
        Assert.Null(expected.Casualties[2].Count);
        Assert.Equal("negated", expected.Casualties[2].Status);
        Assert.Equal("SYR", expected.Places.Single().Country);
    }

    [Theory]
    [InlineData("{not json", "not JSON")]                                                                        // broken JSON
    [InlineData("""{"text":"x","expected":[]}""", "id is required")]                                              // no id
    [InlineData("""{"id":"b","expected":[]}""", "text is required")]                                              // no text
    [InlineData("""{"id":"b","text":"x"}""", "annotate the events, or mark the text nonConflict")]                // nothing expected, not marked
    [InlineData("""{"id":"b","text":"x","expected":[{"eventType":"Battle"}]}""", "not in the taxonomy")]         // typo in a type
    [InlineData("""{"id":"b","text":"x","expected":[{"eventType":"Riots","subEventType":"Attack"}]}""", "not a sub-type of Riots")]
    [InlineData("""{"id":"b","text":"x","expected":[{"eventType":"Riots","status":"past"}]}""", "status 'past'")] // unknown status
    [InlineData("""{"id":"b","text":"x","expected":[{"eventType":"Riots","casualties":[{"outcome":"dead","count":1}]}]}""", "outcome 'dead'")]
    [InlineData("""{"id":"b","text":"x","expected":[{"eventType":"Riots","casualties":[{"outcome":"killed"}]}]}""", "count is required")]
    [InlineData("""{"id":"b","text":"x","expected":[{"eventType":"Riots","places":[{"country":"Syria"}]}]}""", "not ISO alpha-3")]
    [InlineData("""{"id":"b","text":"x","nonConflict":true,"expected":[{"eventType":"Riots"}]}""", "cannot expect a current event")]
    [InlineData("""{"id":"b","text":"x","published":"May 2020","expected":[{"eventType":"Riots"}]}""", "published 'May 2020'")]
    public void A_malformed_line_is_named_with_its_reason_and_the_good_lines_survive(string bad, string reason)
    {
        var result = new GoldSetReader().Read(new StringReader($"{Good}\n{bad}\n"), "gold.jsonl");

        Assert.Single(result.Documents);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_used_twice_is_a_problem_on_the_second_line()
    {
        var result = new GoldSetReader().Read(new StringReader($"{Good}\n\n// a comment\n{Good}\n"), "gold.jsonl");

        Assert.Single(result.Documents);
        Assert.Equal(4, Assert.Single(result.Problems).Line);
    }
}
