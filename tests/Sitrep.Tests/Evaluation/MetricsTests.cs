using Sitrep.Evaluation.Metrics;
using Sitrep.Places;

namespace Sitrep.Tests.Evaluation;

public sealed class MetricsTests
{
    [Theory]
    // tp, fp, missed, precision, recall, f1
    [InlineData(0, 0, 0, 1.0, 1.0, 1.0)]        // nothing expected, nothing predicted: nothing wrong
    [InlineData(0, 3, 0, 0.0, 0.0, 0.0)]        // only false positives: the empty side scores 0
    [InlineData(0, 0, 4, 0.0, 0.0, 0.0)]        // only misses: the empty side scores 0
    [InlineData(3, 1, 2, 0.75, 0.6, 0.6666667)] // the usual case
    [InlineData(5, 0, 0, 1.0, 1.0, 1.0)]        // perfect
    public void Precision_recall_and_f1_follow_their_definitions_including_empty_cases(int tp, int fp, int missed, double precision, double recall, double f1)
    {
        var score = PrecisionRecall.From(tp, fp, missed);
        Assert.Equal(precision, score.Precision, 6);
        Assert.Equal(recall, score.Recall, 6);
        Assert.Equal(f1, score.F1, 6);
    }

    [Fact]
    public void Counts_add_up_category_by_category()
    {
        var sum = PrecisionRecall.From(1, 2, 3) + PrecisionRecall.From(4, 5, 6);
        Assert.Equal(PrecisionRecall.From(5, 7, 9), sum);
    }

    [Fact]
    public void A_tally_gives_accuracy_macro_and_weighted_f1_over_gold_labels()
    {
        var tally = new ClassificationTally();
        // A: 3 gold, 2 right, 1 taken for B. B: 1 gold, right. One A row not predicted at all.
        tally.Add("A", "A");
        tally.Add("A", "A");
        tally.Add("A", "B");
        tally.Add("B", "B");
        tally.Add("A", null);

        Assert.Equal(5, tally.Total);
        Assert.Equal(0.6, tally.Accuracy, 6);
        var a = tally.PerClass().Single(c => c.Label == "A");
        var b = tally.PerClass().Single(c => c.Label == "B");
        Assert.Equal(4, a.Support);
        Assert.Equal(1.0, a.Precision, 6);   // every A predicted was an A
        Assert.Equal(0.5, a.Recall, 6);
        Assert.Equal(2.0 / 3, a.F1, 6);
        Assert.Equal(0.5, b.Precision, 6);   // one B predicted for an A
        Assert.Equal(1.0, b.Recall, 6);
        Assert.Equal(((2.0 / 3) + (2.0 / 3)) / 2, tally.MacroF1, 6);
        Assert.Equal(((2.0 / 3 * 4) + (2.0 / 3 * 1)) / 5, tally.WeightedF1, 6);
        Assert.DoesNotContain(tally.PerClass(), c => c.Label == ClassificationTally.Missing);
    }

    [Fact]
    public void Confusions_are_listed_most_frequent_first_and_never_include_right_answers()
    {
        var tally = new ClassificationTally();
        tally.Add("Riots", "Protests");
        tally.Add("Riots", "Protests");
        tally.Add("Battles", "Riots");
        tally.Add("Battles", "Battles");

        var top = tally.TopConfusions(5);
        Assert.Equal([new Confusion("Riots", "Protests", 2), new Confusion("Battles", "Riots", 1)], top.ToArray());
    }

    [Theory]
    // lat1, lon1, lat2, lon2, km
    [InlineData(10, 20, 10, 20, 0.0)]                 // the same point
    [InlineData(0, 0, 1, 0, 111.195)]                // one degree of latitude
    [InlineData(0, 0, 0, 1, 111.195)]                // one degree of longitude on the equator
    [InlineData(60, 0, 60, 1, 55.597)]               // at 60 degrees a degree of longitude is half as long
    [InlineData(0, 0, 0, 180, 20015.115)]            // half the equator
    [InlineData(0, 179.5, 0, -179.5, 111.195)]       // across the date line, the short way round
    public void Haversine_distance_matches_the_sphere(double lat1, double lon1, double lat2, double lon2, double km)
    {
        Assert.Equal(km, GeoDistance.Km(lat1, lon1, lat2, lon2), 1);
    }
}
