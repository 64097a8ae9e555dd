using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Json.Schema;
using Sitrep.Documents;
using Sitrep.Output;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Pipeline;

/// <summary>
/// A generated document: conflict phrases of our own in English and Romanian, places, huge and odd
/// numbers, impossible dates, nested quotes of every kind, other scripts and random characters, then
/// mutated (a stretch cut out or doubled, a character dropped in, the text cut inside a UTF-8 sequence
/// or between the halves of a surrogate pair).
/// </summary>
public sealed record FuzzDocument(string Text, string? Published, string? Language, bool Mentions)
{
    /// <summary>A repro a developer can paste: the text as a C# literal with every non-ASCII character escaped.</summary>
    public override string ToString()
    {
        var literal = new StringBuilder("\"");
        foreach (var c in Text)
        {
            if (c is >= ' ' and < '\u007F' and not '"' and not '\\') literal.Append(c);
            else literal.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }
        return $"{literal}\" published={Published ?? "null"} lang={Language ?? "auto"} mentions={Mentions}";
    }
}

public static class FuzzDocumentArbitrary
{
    private static readonly string[] Phrases =
    [
        // English, written for this test.
        "Three soldiers were killed", "at least 12 civilians died", "police arrested 40 protesters", "shelling hit the town of",
        "the ministry said", "according to Reuters", "on Monday", "last week", "in 1992", "were wounded", "no casualties were reported",
        "dozens of", "hundreds of people", "a drone strike", "gunmen abducted", "the army denied", "rebels claimed", "will attack",
        "if troops advance", "killing five and injuring", "including two children", "two to three hundred", "were not killed",
        // Romanian, in both spellings (with and without diacritics).
        "trei militari au fost uciși", "trei militari au fost ucisi", "cel puțin 12 civili au murit", "poliția a reținut 40 de protestatari",
        "potrivit ministerului", "luni dimineață", "în 1992", "au fost răniți", "zeci de morți", "nu au fost victime", "din 2023 s-a soldat cu",
        "bombardamente asupra orașului", "armata a negat", "douăzeci și trei de persoane", "o sută de",
        // Places.
        "Kyiv", "Chișinău", "Donetsk", "Bucharest", "Gaza", "Nagorno-Karabakh", "Timbuktu", "Springfield", "Paris, Texas", "Georgia",
    ];

    private static readonly string[] Numbers =
    [
        "99999999999999999999999", "2147483648", "2147483647", "4294967296", "9223372036854775808", "1e308", "-7", "0", "00000",
        "1.000.000.000.000", "1,000,000,000,000", "3,5 milioane", "3.5 million", "nine hundred trillion", "o mie de miliarde",
        "\u00BD", "\u0663", "\u0967\u0968", "\uFF11\uFF12", "12-15", "1/2", "50%", "#3", "10^9", "∞",
    ];

    private static readonly string[] Dates =
    [
        "2024-02-30", "2023-13-01", "31/12/2023", "9999-12-31", "0001-01-01", "0000-00-00", "29 februarie 2023", "32 March 2020",
        "2020-09", "27.09.2020", "September 31", "31 septembrie", "ieri", "yesterday", "tomorrow", "1 ianuarie 10000",
    ];

    private static readonly string[] Quotes =
    [
        "\"", "'", "\u201E", "\u201D", "\u201C", "\u00AB", "\u00BB", "\u2018", "\u2019",
        "\"he said 'they said \"no\"'\"", "\u201Ea \u00ABb \u201Ec\u201D d\u00BB e\u201D", "\"\"\"", "'\"'\"'",
    ];

    private static readonly string[] OtherScripts =
    [
        "Киев", "كييف", "基辅", "キーウ", "\uD83C\uDDFA\uD83C\uDDE6", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "עזה", "ग़ाज़ा",
        "\u202Eevil\u202C", "e\u0301\u0301\u0301", "\u0000", "\uFEFF", "\u00AD", "\uFFFD", "\uD800", "\uDFFF",
    ];

    private static readonly string[] Separators = [" ", " ", " ", ". ", ", ", "\n", "\n\n", "; ", " \u2014 ", " (", ") ", "\t", "\u00A0", "\r\n"];

    private static Gen<string> Piece() => Gen.Frequency(
        (8, Gen.Elements(Phrases)),
        (3, Gen.Elements(Numbers)),
        (2, Gen.Choose(0, int.MaxValue).Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Elements(Dates)),
        (2, Gen.Elements(Quotes)),
        (2, Gen.Elements(OtherScripts)),
        (8, Gen.Elements(Separators)),
        (2, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())));

    private static Gen<string> Text() =>
        Gen.Choose(0, 30).SelectMany(count => Gen.ListOf(Piece(), count)).Select(string.Concat);

    /// <summary>One edit of the text; positions are chosen as fractions so that they fit any length.</summary>
    private static Gen<Func<string, string>> Mutation() => Gen.OneOf(
        Gen.Choose(0, 1000).Two().Select<(int, int), Func<string, string>>(p => text =>
        {
            var (a, b) = (Position(text, p.Item1), Position(text, p.Item2));
            return text.Remove(Math.Min(a, b), Math.Abs(a - b));
        }),
        Gen.Choose(0, 1000).Two().Select<(int, int), Func<string, string>>(p => text =>
        {
            var (a, b) = (Position(text, p.Item1), Position(text, p.Item2));
            var (start, end) = (Math.Min(a, b), Math.Max(a, b));
            return text.Insert(end, text[start..end]);
        }),
        Gen.Choose(0, 1000).Zip(Gen.Choose(0, 0xFFFF)).Select<(int, int), Func<string, string>>(p => text =>
            text.Insert(Position(text, p.Item1), ((char)p.Item2).ToString())),
        // Cut inside a UTF-8 sequence, decoded as a reader would (the partial sequence becomes U+FFFD).
        Gen.Choose(0, 1000).Select<int, Func<string, string>>(p => text =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            return Encoding.UTF8.GetString(bytes, 0, bytes.Length * p / 1000);
        }),
        // Cut at a char boundary, which may split a surrogate pair.
        Gen.Choose(0, 1000).Select<int, Func<string, string>>(p => text => text[..Position(text, p)]));

    private static int Position(string text, int perMille) => text.Length * perMille / 1000;

    private static readonly string?[] PublishedDates = [null, null, "2020", "2020-09", "2024-02-29", "1900-01-01", "9999-12-31"];

    public static Arbitrary<FuzzDocument> Documents() =>
        (from text in Text()
         from mutations in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Mutation(), n))
         from published in Gen.Elements(PublishedDates)
         from language in Gen.Elements<string?>(null, null, "en", "ro")
         from mentions in Gen.Elements(false, true)
         select new FuzzDocument(mutations.Aggregate(text, (current, mutate) => mutate(current)), published, language, mentions))
        .ToArbitrary();
}

/// <summary>
/// The whole pipeline on 10,000 generated and mutated documents: it never throws, every offset it
/// writes lies inside the text as read, and every result is valid against the contract's JSON Schema.
/// </summary>
[Properties(Arbitrary = [typeof(FuzzDocumentArbitrary)], MaxTest = 10_000, QuietOnSuccess = true)]
public sealed class PipelineFuzzProperties
{
    private static readonly ExtractionPipeline Pipeline = new();

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFile(Path.Combine(SharedData.RepositoryRoot, "docs", "schema", "sitrep-1.schema.json")));

    [Property]
    public void Any_document_gives_in_range_offsets_and_schema_valid_output(FuzzDocument document)
    {
        var source = new SourceDocument("fuzz", document.Text, document.Published is { } p && PartialDate.TryParse(p, out var date) ? date : null);
        var result = Pipeline.Process(source, new ExtractionOptions(Language: document.Language, IncludeMentions: document.Mentions));
        var json = JsonNode.Parse(ContractJson.Serialize(result));

        var outOfRange = OutOfRangeSpans(json, document.Text.Length).ToList();
        Assert.True(outOfRange.Count == 0, $"offsets outside 0..{document.Text.Length}: {string.Join(", ", outOfRange)}");
        // The quick yes/no first; the detailed list only to explain a failure.
        if (Schema.Value.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid) return;
        var evaluation = Schema.Value.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.Fail(string.Join("\n", (evaluation.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"))));
    }

    [Theory]
    // Found by the property above: a 23-digit number before a multiplier overflowed decimal while it was
    // checked against the ceiling, and the document was lost to an internal error.
    [InlineData("en", "Three soldiers were killed. 99999999999999999999999 million")]
    [InlineData("en", "Three soldiers were killed. 79228162514264337593543950335 thousand")]
    [InlineData("ro", "Trei militari au fost uciși. 999999999999999999999993,5 milioane")]
    [InlineData("ro", "Trei militari au fost uciși. 99999999999999999999999 de milioane")]
    public void A_huge_number_before_a_multiplier_is_no_error(string language, string text)
    {
        var result = Pipeline.Process(new SourceDocument("huge", text), new ExtractionOptions(Language: language));
        Assert.Contains(result.Events, e => e.Casualties.Any(c => c.Outcome == "killed" && c.Count?.Value == 3));
    }

    /// <summary>Every object with numeric start and end (evidence, places, actors, attributions, mentions) whose span leaves the text.</summary>
    private static IEnumerable<string> OutOfRangeSpans(JsonNode? node, int length, string path = "")
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["start"] is JsonValue s && obj["end"] is JsonValue e && s.TryGetValue<int>(out var start) && e.TryGetValue<int>(out var end)
                    && !(0 <= start && start <= end && end <= length))
                {
                    yield return $"{path} [{start}, {end})";
                }
                foreach (var (key, child) in obj)
                {
                    foreach (var problem in OutOfRangeSpans(child, length, $"{path}/{key}")) yield return problem;
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var problem in OutOfRangeSpans(array[i], length, $"{path}/{i}")) yield return problem;
                }
                break;
        }
    }
}
