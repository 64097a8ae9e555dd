using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Places;

/// <summary>
/// Where the pipeline puts an event: the place tied to its trigger, chosen like
/// <see cref="Sitrep.Places.PlaceFindings.MostSpecific"/>, else the country of its sides. One phenomenon a row,
/// in English and Romanian, with sentences written for these tests.
/// </summary>
public sealed class EventLocationTests
{
    private static readonly ExtractionPipeline Pipeline = new();

    private static string? LocationOf(string text, string language)
    {
        var result = Pipeline.Process(new SourceDocument("location", text, PartialDate.FromDate(new DateOnly(2021, 3, 2)), language));
        var primary = result.Events.FirstOrDefault(e => e.Status == "current");
        return primary?.Location is { } l ? $"{l.Name}/{l.Country}/{l.Precision}" : null;
    }

    [Theory]
    // A text that names no place still says whose conflict it is: the country of its sides.
    [InlineData("Taliban fighters ambushed an army convoy overnight, killing four soldiers.", "en", "/AFG/country")]
    [InlineData("Luptatori talibani au atacat noaptea un convoi al armatei si au ucis patru soldati.", "ro", "/AFG/country")]
    // A town that shares its name with its municipality is the town.
    [InlineData("Masked men robbed a petrol station in Sorriso, Mato Grosso, on Friday.", "en", "Sorriso/BRA/locality")]
    [InlineData("Barbati mascati au jefuit o benzinarie in Sorriso, Mato Grosso, vineri.", "ro", "Sorriso/BRA/locality")]
    // A neighbourhood whose only reading lies far outside the state named beside the town is not the place.
    [InlineData("In Zapopan, Jalisco, gunmen waited outside a bakery in the Frontera district and shot dead its owner.", "en", "Zapopan/MEX/locality")]
    [InlineData("In Zapopan, Jalisco, doi barbati inarmati au asteptat langa o brutarie din cartierul Frontera si l-au ucis pe proprietar.", "ro", "Zapopan/MEX/locality")]
    // A border town named again as its district inside a province: the town of the province's country, which is
    // also the country of the text's sides.
    [InlineData("Egyptian troops shelled militant hideouts south of Rafah (Rafah, North Sinai) on Tuesday.", "en", "/EGY/")]
    [InlineData("Trupele egiptene au bombardat ascunzatori ale militantilor la sud de Rafah (Rafah, North Sinai) marti.", "ro", "/EGY/")]
    // "Town, Province" before the trigger: the town, not the province's capital nearer the trigger word.
    [InlineData("In Santos, Sao Paulo, hundreds of dock workers protested against unpaid wages.", "en", "Santos/BRA/locality")]
    [InlineData("In Santos, Sao Paulo, sute de docheri au protestat fata de salariile neplatite.", "ro", "Santos/BRA/locality")]
    public void Places_the_event_where_the_text_says(string text, string language, string expected)
    {
        var location = LocationOf(text, language);
        Assert.True(location?.Contains(expected, StringComparison.Ordinal) == true, $"{location ?? "no location"} for: {text}");
    }
}
