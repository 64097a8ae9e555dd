using Sitrep.Tests.Support;

namespace Sitrep.Tests.Evaluation;

/// <summary>
/// The false-alarm gate on the shared development data (../shared/data, present in CI): real news that
/// reports no conflict event (agnews-dev.jsonl) or very little (ro-news-dev.jsonl). build/test.sh prints
/// the full reports; this test fails when a rate goes over its limit.
/// </summary>
/// <remarks>
/// THE LIMITS ARE HERE, in <see cref="Limits"/>: documents per 100 with a current event of a violent family,
/// and of any ACLED family. The violent limits are issue 10's targets (2 and 5 per 100); the ACLED-family limits
/// are the rates measured at the end of session 3 (2026-12-07: agnews 6.1, ro-news 11.3), rounded up.
/// When the gate was added the rates were 6.95 / 15.09 and 21.88 / 28.79.
/// </remarks>
public sealed class QuietDevelopmentDataTests
{
    public static TheoryData<string, double, double> Limits => new()
    {
        // file                    max violent / 100   max any ACLED / 100
        { "agnews-dev.jsonl",      2.0,                6.5 },
        { "ro-news-dev.jsonl",     5.0,                12.0 },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void False_alarms_on_the_development_data_stay_under_their_limits(string file, double maxViolent, double maxAny)
    {
        var path = SharedData.PathOf("data", file);
        Assert.True(File.Exists(path), $"the shared development file is missing: {path}");

        var outcome = CliRunner.Run("eval", "quiet", path,
            "--max-violent-per-100", maxViolent.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--max-any-per-100", maxAny.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(outcome.ExitCode == 0, $"{file}: exit code {outcome.ExitCode}\n{outcome.Error}\n{outcome.Output}");
    }
}
