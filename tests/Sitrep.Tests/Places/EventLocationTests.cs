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
    // A dateline says where the story was filed: a place the event's sentence names wins over it.
    [InlineData("KABUL (AP) — Gunmen killed two police officers in Nangarhar province on Monday.", "en", "Nangarhar/AFG/admin")]
    [InlineData("KIEV, 5 mai (Agerpres) - Rachete rusesti au lovit regiunea Harkov, ucigand trei civili.", "ro", "Kharkiv/UKR/")]
    // With no other place, the dateline locates the event.
    [InlineData("DHAKA: Police fired tear gas at protesting garment workers on Sunday.", "en", "Dhaka/BGD/")]
    [InlineData("BUCURESTI, 5 mai (Agerpres) - Un barbat a fost injunghiat mortal in fata unui magazin, a anuntat politia.", "ro", "Bucharest/ROU/")]
    // A city written the Romanian way or declined is found, and wins over the attacker's country.
    [InlineData("Armata rusa a bombardat Hersonul, ucigand doi civili.", "ro", "Kherson/UKR/locality")]
    [InlineData("Rachetele rusesti au lovit centrul Zaporojiei, ucigand patru oameni.", "ro", "/UKR/")]
    [InlineData("Russian drones hit a depot in Lisiceansk, killing a guard.", "en", "/UKR/locality")]
    [InlineData("Drone rusesti au lovit un depozit din Ceasiv Iar, ucigand un paznic.", "ro", "Chasiv Yar/UKR/locality")]
    public void Places_the_event_where_the_text_says(string text, string language, string expected)
    {
        var location = LocationOf(text, language);
        Assert.True(location?.Contains(expected, StringComparison.Ordinal) == true, $"{location ?? "no location"} for: {text}");
    }

    private static string? LocationFrom(string text, string language, string? source, string? url)
    {
        var document = new SourceDocument("outlet", text, PartialDate.FromDate(new DateOnly(2021, 3, 2)), language, Source: source, Url: url);
        var primary = Pipeline.Process(document).Events.FirstOrDefault(e => e.Status == "current");
        return primary?.Location is { } l ? $"{l.Name}/{l.Country}/{l.Precision}" : null;
    }

    [Theory]
    // A story that names no place happens where its outlet is at home: by the URL's domain, or the source's.
    [InlineData("Two men were stabbed in the city centre late on Saturday, police said.", "en", null, "https://www.irishtimes.com/news/crime/stabbing", "/IRL/country")]
    [InlineData("Doi tineri au fost injunghiati in centrul orasului sambata noaptea, a anuntat politia.", "ro", "www.ziarul-local.ro", null, "/ROU/country")]
    // A place named in the text always wins over the outlet.
    [InlineData("Two men were stabbed in central Belfast late on Saturday, police said.", "en", "Dawn", "https://www.dawn.com/news/1", "Belfast/GBR/locality")]
    [InlineData("Doi tineri au fost injunghiati la Chisinau sambata noaptea, a anuntat politia.", "ro", "gds.ro", null, "Chisinau/MDA/locality")]
    public void Places_a_story_that_names_no_place_at_its_outlet(string text, string language, string? source, string? url, string expected)
    {
        var location = LocationFrom(text, language, source, url);
        Assert.True(location?.Contains(expected, StringComparison.Ordinal) == true, $"{location ?? "no location"} for: {text}");
    }

    [Theory]
    // An agency reports the world: its home says nothing about where the story happened.
    [InlineData("Two men were stabbed in the city centre late on Saturday, police said.", "en", "Reuters", "https://www.reuters.com/world/x")]
    [InlineData("Doi tineri au fost injunghiati in centrul orasului sambata noaptea, a anuntat politia.", "ro", "AFP", null)]
    public void An_agency_is_no_home_for_a_story(string text, string language, string? source, string? url)
    {
        Assert.Null(LocationFrom(text, language, source, url));
    }
}
