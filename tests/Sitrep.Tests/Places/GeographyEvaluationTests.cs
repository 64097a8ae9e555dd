using System.Globalization;
using Sitrep.Tests.Support;
using Xunit.Abstractions;

namespace Sitrep.Tests.Places;

/// <summary>
/// Regression floors for place recognition on the shared development data. The floors sit a little
/// below what the recognizer reaches (docs/GEOGRAPHY.md has the numbers), so a change that loses
/// ground fails here. ../shared is always present in CI; its absence is a failure, not a skip.
/// </summary>
public sealed class GeographyEvaluationTests
{
    private readonly ITestOutputHelper _output;

    public GeographyEvaluationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void ACLED_notes_give_the_right_country_and_a_near_location()
    {
        Assert.True(SharedData.IsPresent, "../shared is missing");
        var scores = GeographyEvaluation.Acled();
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ACLED rows {scores.Rows}, with a place {scores.WithPlace}, country {scores.CountryCorrect:P1}, within 25 km {scores.Within25Km:P1}, within 50 km {scores.Within50Km:P1}"));
        Assert.True(scores.CountryCorrect >= 0.935, $"country {scores.CountryCorrect:P1}");
        Assert.True(scores.Within50Km >= 0.775, $"50 km {scores.Within50Km:P1}");
    }

    [Fact]
    public void RONEC_place_mentions_match_GPE_and_LOC_labels()
    {
        Assert.True(SharedData.IsPresent, "../shared is missing");
        var scores = GeographyEvaluation.Ronec();
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RONEC gold {scores.Gold}, predicted {scores.Predicted}, correct {scores.Correct}, P {scores.Precision:F3}, R {scores.Recall:F3}, F1 {scores.F1:F3}"));
        Assert.True(scores.F1 >= 0.77, $"F1 {scores.F1:F3}");
    }
}
