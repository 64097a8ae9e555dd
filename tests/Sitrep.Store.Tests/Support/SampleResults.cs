using Sitrep.Documents;
using Sitrep.Output;
using Sitrep.Store.Ingest;
using Sitrep.Store.Model;

namespace Sitrep.Store.Tests.Support;

/// <summary>
/// Hand-made documents and results (the store must not depend on what the extractor finds today):
/// three invented articles with events, casualties, claims that contradict each other, and mentions.
/// </summary>
public static class SampleResults
{
    public const string FirstText =
        "Rebels said they killed 14 soldiers near Oldtown on Monday. The army denied the claim and said it regained the hills. " +
        "Medics in Oldtown reported 9 dead.";

    public const string SecondText = "Protesters marched in Rivercity; police arrested 12 people. În oraș, doi oameni au fost uciși.";

    /// <summary>Untrusted text: markup that must be shown, never run.</summary>
    public const string HostileText = "<script>document.title='owned'</script><img src=x onerror=alert(1)> Shelling hit Hillvale, killing 3.";

    public static IReadOnlyList<ExtractedDocument> All() => [First(), Second(), Hostile()];

    public static ExtractedDocument First()
    {
        var source = new SourceDocument("first.txt", FirstText, new PartialDate(2024, 5, 6), "en", "Fighting near Oldtown", "Invented Wire");
        var killed = Index(FirstText, "killed 14 soldiers");
        var denied = Index(FirstText, "The army denied the claim and said it regained the hills.");
        var medics = Index(FirstText, "Medics in Oldtown reported 9 dead.");
        var clash = new EventRecord(
            "e1", "Battles", "Armed clash", "current",
            new DateRange("2024-05-06", "2024-05-06", "day", "on Monday"),
            new Location("Oldtown", "ARM", "North", 40.5, 45.25, "locality", null, Index(FirstText, "Oldtown"), Index(FirstText, "Oldtown") + 7),
            [new Actor("Rebels", "ARM", "rebel-group", "actor1", 0, 6), new Actor("Army of Xa", "ARM", "state-forces", "actor2", denied + 4, denied + 8)],
            new Fatalities(9, 14, 23),
            [
                new Casualty("killed", new Count(14, 14, 14, false, "14"), new Victims("military", "Army of Xa", "ARM", "soldiers"), "current",
                    new Attribution("Rebels", [], 0, 6), new Span(killed, killed + 18)),
                new Casualty("killed", new Count(9, 9, 9, false, "9"), new Victims("unknown", null, "ARM", "dead"), "current",
                    new Attribution("Medics", ["Invented Wire"], medics, medics + 6), new Span(medics, medics + 34)),
            ],
            [
                new Claim("c1", "they killed 14 soldiers near Oldtown", "Rebels", [], ["c2"], Index(FirstText, "they killed"), Index(FirstText, " on Monday")),
                new Claim("c2", "it regained the hills", "Army of Xa", ["Invented Wire"], ["c1"], Index(FirstText, "it regained"), Index(FirstText, "it regained the hills") + 21),
            ],
            [new Span(0, Index(FirstText, " The army")), new Span(denied, denied + 57)],
            0.8);
        var statement = new EventRecord(
            "e2", "Statements", "Denial", "current",
            new DateRange("2024-05-06", "2024-05-06", "day", null),
            null, [], null, [], [], [new Span(denied, denied + 29)], 0.6);
        // A report of fighting: the extractor would find it mostly about conflict.
        var result = new DocumentResult(Info(source) with { Relevance = 0.9 }, [clash, statement],
            [new Mention("number", killed + 7, killed + 9, "14", 14L), new Mention("trigger", killed, killed + 6, "killed", "Armed clash")], []);
        return Extracted(source, result);
    }

    public static ExtractedDocument Second()
    {
        var source = new SourceDocument("second.txt", SecondText, new PartialDate(2024, 6), "ro", "Marș la Rivercity", null);
        var arrested = Index(SecondText, "police arrested 12 people");
        var killed = Index(SecondText, "doi oameni au fost uciși");
        var protest = new EventRecord(
            "e1", "Protests", "Protest with intervention", "current",
            new DateRange("2024-06-01", "2024-06-30", "month", null),
            new Location("Rivercity", "AZE", null, -10.0, 20.0, "locality", null, 21, 30),
            [new Actor("Protesters (Xb)", "AZE", "protesters", "actor1", 0, 10)],
            new Fatalities(2, 2, 2),
            [
                new Casualty("arrested", new Count(12, 12, 12, false, "12"), new Victims("protester", null, "AZE", "people"), "current", null, new Span(arrested, arrested + 25)),
                new Casualty("killed", new Count(2, 2, 2, false, "doi"), new Victims("civilian", "Civilians (Xb)", "AZE", "oameni"), "current", null, new Span(killed, killed + 24)),
            ],
            [], [new Span(0, SecondText.Length)], 0.7);
        var old = new EventRecord(
            "e2", "Battles", "Armed clash", "historical",
            new DateRange("1995-01-01", "1995-12-31", "year", "in 1995"),
            new Location("Rivercity", "AZE", null, -10.0, 20.0, "locality", null, 21, 30),
            [], new Fatalities(100, 100, 100), [], [], [new Span(0, 10)], 0.4);
        // A protest with a passing mention of deaths: less about armed conflict.
        return Extracted(source, new DocumentResult(Info(source) with { Relevance = 0.35 }, [protest, old], null, ["a warning kept with the document"]));
    }

    public static ExtractedDocument Hostile()
    {
        var source = new SourceDocument("hostile.html", HostileText, new PartialDate(2024, 5, 7), "en", "<b>Hillvale</b> shelled", null);
        var shelling = Index(HostileText, "Shelling hit Hillvale, killing 3.");
        var strike = new EventRecord(
            "e1", "Explosions/Remote violence", "Shelling/artillery/missile attack", "current",
            new DateRange("2024-05-07", "2024-05-07", "day", null),
            new Location("Hillvale", "ARM", null, 41.0, 46.0, "locality", null, shelling + 13, shelling + 21),
            [],
            new Fatalities(3, 3, 3),
            [new Casualty("killed", new Count(3, 3, 3, false, "3"), new Victims("civilian", null, "ARM", null), "current", null, new Span(shelling + 23, shelling + 32))],
            [new Claim("c1", "<script>alert('claim')</script>", "<i>Someone</i>", [], [], 0, 8)],
            [new Span(shelling, shelling + 33)], 0.9);
        // No relevance, as in results written before it was measured: unknown, not 0.
        return Extracted(source, new DocumentResult(Info(source), [strike], null, []));
    }

    /// <summary>A document with one simple event, for bulk tests.</summary>
    public static ExtractedDocument Numbered(int number)
    {
        var text = $"Report {number}: clashes near Testville killed {number % 7} people.";
        var source = new SourceDocument($"doc-{number}", text, new PartialDate(2024, 1 + (number % 12), 1 + (number % 28)), "en");
        var record = new EventRecord(
            "e1", "Battles", "Armed clash", "current",
            new DateRange(source.Published!.Value.ToString(), source.Published!.Value.ToString(), "day", null),
            new Location("Testville", "XCC", null, 1.0, 2.0, "locality", null, null, null),
            [], new Fatalities(number % 7, number % 7, number % 7), [], [], [new Span(0, text.Length)], 0.5);
        return Extracted(source, new DocumentResult(Info(source), [record], null, []));
    }

    /// <summary>Like <see cref="Numbered"/>, but the event has no date at all.</summary>
    public static ExtractedDocument Undated(int number)
    {
        var dated = Numbered(number);
        var source = dated.Source with { Published = null };
        return Extracted(source, new DocumentResult(Info(source), [dated.Result.Events[0] with { Date = null }], null, []));
    }

    public static ExtractedDocument Extracted(SourceDocument source, DocumentResult result) => new(source, result, ContentHasher.Hash(source));

    public static DocumentInfo Info(SourceDocument source) =>
        new(source.Id, source.Published?.ToString(), source.Language ?? "en", source.Title, source.Source, source.Url);

    private static int Index(string text, string part)
    {
        var index = text.IndexOf(part, StringComparison.Ordinal);
        return index >= 0 ? index : throw new InvalidOperationException($"'{part}' is not in the sample text.");
    }
}
