using System.Collections.Immutable;
using Sitrep.Evaluation.Gold;
using Sitrep.Output;

namespace Sitrep.Tests.Evaluation;

public sealed class GoldScoringTests
{
    private const string Text = "Gunmen killed five villagers near Gao, the mayor said, quoted by AFP.";

    private static readonly GoldDocument Gold = new(1, "g", "2023-01-01", "en", Text, false, [],
    [
        new GoldEvent("Violence against civilians", "Attack", "current", 5,
            [new GoldCasualty("killed", new GoldCount(5, null, null), "current", "civilian", new GoldName(["mayor"]), [new GoldName(["AFP"])])],
            [], [], [new GoldPlace("MLI", new GoldName(["Gao"]))]),
    ]);

    [Fact]
    public void A_perfect_answer_scores_only_true_positives()
    {
        var score = GoldEvaluator.Score(Gold, Result(Event("Violence against civilians", "Attack", "current", 5, "MLI", "Gao",
            Casualty("killed", new Count(5, 5, 5, false, "five"), "civilian", "current", "the mayor", "AFP"))));

        Assert.Empty(score.Misses);
        Assert.Empty(score.FalsePositives);
        foreach (var (category, counts) in score.Counts) Assert.True(counts.TruePositives > 0, category);
    }

    [Fact]
    public void No_events_make_every_expected_item_a_miss()
    {
        var score = GoldEvaluator.Score(Gold, Result());

        Assert.Empty(score.FalsePositives);
        Assert.Equal(0, score[GoldCategories.EventType].TruePositives);
        Assert.Equal(1, score[GoldCategories.EventType].Misses);
        Assert.Equal(1, score[GoldCategories.Detection].Misses);
        Assert.Equal(1, score[GoldCategories.Relays].Misses);
    }

    [Theory]
    // category that must fail, then the changed answer
    [InlineData(GoldCategories.SubEventType, "Abduction/forced disappearance", "current", 5, "MLI", 5L)]  // wrong sub-type
    [InlineData(GoldCategories.Status, "Attack", "historical", 5, "MLI", 5L)]                             // wrong status
    [InlineData(GoldCategories.Fatalities, "Attack", "current", 6, "MLI", 5L)]                            // wrong toll
    [InlineData(GoldCategories.Places, "Attack", "current", 5, "NER", 5L)]                                // wrong country
    [InlineData(GoldCategories.Casualties, "Attack", "current", 5, "MLI", 50L)]                           // wrong figure
    public void One_wrong_field_costs_a_miss_and_a_false_positive_in_its_category_only(string category, string subType, string status, int fatalities, string country, long count)
    {
        var score = GoldEvaluator.Score(Gold, Result(Event("Violence against civilians", subType, status, fatalities, country, "Gao",
            Casualty("killed", new Count(count, count, count, false, "x"), "civilian", "current", "mayor", "AFP"))));

        Assert.Equal((0, 1, 1), (score[category].TruePositives, score[category].FalsePositives, score[category].Misses));
        Assert.Equal(1, score[GoldCategories.EventType].TruePositives);
    }

    [Fact]
    public void A_current_event_in_a_non_conflict_text_is_a_false_positive()
    {
        var gold = new GoldDocument(1, "n", null, "en", "The striker's attack killed the game.", true, [], []);
        var score = GoldEvaluator.Score(gold, Result(Event("Battles", "Armed clash", "current", 0, null, null)));

        Assert.Equal(1, score[GoldCategories.Detection].FalsePositives);
        Assert.Equal(1, score[GoldCategories.EventType].FalsePositives);
    }

    [Theory]
    [InlineData(null, null, null, null, true)]          // not given, and no count: a negated loss
    [InlineData(null, 0L, 0L, 0L, false)]               // "not announced" is never zero
    [InlineData(12L, 12L, 12L, 12L, true)]              // exact
    [InlineData(12L, 13L, 13L, 13L, false)]             // another number
    public void Exact_and_missing_counts_match_as_the_format_says(long? gold, long? value, long? min, long? max, bool matches)
    {
        var goldCount = gold is null ? null : new GoldCount(gold, null, null);
        var predicted = value is null && min is null ? null : new Count(value, min, max, false, "x");
        Assert.Equal(matches, GoldEvaluator.CountMatches(goldCount, predicted));
    }

    [Theory]
    [InlineData(200L, 999L, null, 200L, 999L, true)]    // "hundreds" with the contract's bounds
    [InlineData(200L, 999L, 100L, 200L, 999L, true)]    // the ACLED single value does not matter for a vague gold amount
    [InlineData(5L, null, 5L, 5L, null, true)]          // "at least 5"
    [InlineData(5L, null, 5L, 5L, 5L, false)]           // "at least 5" read as exactly 5
    public void Vague_counts_match_on_their_bounds(long? goldMin, long? goldMax, long? value, long? min, long? max, bool matches)
    {
        Assert.Equal(matches, GoldEvaluator.CountMatches(new GoldCount(null, goldMin, goldMax), new Count(value, min, max, true, "x")));
    }

    [Theory]
    [InlineData("Ministry of Defence", "Ministry of Defence of Niger", true)]   // longer official name
    [InlineData("ministerul Apărării", "Ministerul Apararii", true)]            // diacritics and case
    [InlineData("army", "police", false)]                                        // another claimant
    [InlineData("local officials", "officials", true)]                           // shorter form
    public void Names_match_on_folded_words(string gold, string predicted, bool matches)
    {
        Assert.Equal(matches, NameMatcher.Matches(new GoldName([gold]), predicted));
    }

    private static DocumentResult Result(params EventRecord[] events) =>
        new(new DocumentInfo("g", "2023-01-01", "en", null, null, null), [.. events], null, []);

    private static EventRecord Event(string type, string subType, string status, int fatalities, string? country, string? place, params Casualty[] casualties) =>
        new("e1", type, subType, status, null,
            place is null ? null : new Location(place, country, null, null, null, "locality", null, 0, 1),
            [], fatalities > 0 ? new Fatalities(fatalities, fatalities, fatalities) : null, [.. casualties], [], [new Span(0, 10)], 0.9);

    private static Casualty Casualty(string outcome, Count count, string category, string status, string claimant, string via) =>
        new(outcome, count, new Victims(category, null, null, null), status, new Attribution(claimant, [via], 0, 1), new Span(0, 5));
}
