using System.Diagnostics;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Output;
using Sitrep.Store.Ingest;
using Sitrep.Store.Model;
using Sitrep.Store.Sql;

// Fills a SQLite store with synthetic extracted events (no extraction: the point is the store and
// the API under load), for bench/store-load.sh. Usage: seed DB.db [EVENTS]
if (args.Length >= 3 && args[0] == "profile")
{
    return await IngestProfile.RunAsync(args[1], args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : DocumentIngestor.DefaultBatchSize, args.Length > 4 ? args[4] : null);
}
if (args.Length >= 4 && args[0] == "measure")
{
    return await ApiLoad.RunAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), double.Parse(args[3], CultureInfo.InvariantCulture));
}
if (args.Length < 2 || args[0] != "seed")
{
    Console.Error.WriteLine("usage: seed DB.db|POSTGRES-CONNSTR [EVENTS=100000] | profile CORPUS DB [BATCH] [POSTGRES-CONNSTR] | measure BASEURL CLIENTS SECONDS");
    return 2;
}
var events = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
// The real write path of ingest (StoreBatchAsync), fed with invented results instead of extraction's:
// the rows are those an ingest of the same results would write.
await using Sitrep.Store.IEventStore store = args[1].Contains("Host=", StringComparison.Ordinal)
    ? await PostgresEventStore.OpenAsync(args[1])
    : await SqliteEventStore.OpenAsync(args[1]);
var clock = Stopwatch.StartNew();
var written = 0;
var batch = new List<ExtractedDocument>();
for (var document = 0; written < events; document++)
{
    batch.Add(SyntheticDocuments.Make(document, Math.Min(4, events - written)));
    written += batch[^1].Result.Events.Length;
    if (batch.Count == 1000)
    {
        await store.StoreBatchAsync(batch);
        batch.Clear();
    }
}
await store.StoreBatchAsync(batch);
var counts = await store.CountAsync();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"stored {counts.Events} events of {counts.Documents} documents in {clock.Elapsed.TotalSeconds:F1} s ({counts.Events / clock.Elapsed.TotalSeconds:F0} events/s)"));
return 0;

/// <summary>Deterministic invented documents with up to four events each, spread over countries, types and two years.</summary>
internal static class SyntheticDocuments
{
    private static readonly (string Code, double Lat, double Lon)[] Countries =
        [("UKR", 49.0, 32.0), ("SDN", 15.5, 32.5), ("MLI", 17.0, -2.0), ("COD", -1.5, 29.0), ("MMR", 21.0, 96.0), ("SYR", 35.0, 38.0), ("NGA", 10.0, 8.0), ("SOM", 5.0, 46.0)];

    private static readonly (string Type, string Sub)[] Types =
        [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Protests", "Peaceful protest"), ("Riots", "Mob violence"), ("Violence against civilians", "Attack"), ("Strategic developments", "Arrests"), ("Statements", "Appeal")];

    public static ExtractedDocument Make(int number, int eventCount)
    {
        // Each article names its district (one of 500), so a word search selects a realistic share of the corpus.
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Synthetic report {number}: fighting and strikes were reported in district{number % 500}; officials gave casualty figures that could not be verified. ");
        var day = new DateOnly(2024, 1, 1).AddDays(number % 700);
        var source = new SourceDocument($"synthetic-{number}", text, PartialDate.FromDate(day), "en", $"Synthetic report {number}", "Sitrep synthetic load data");
        var records = new EventRecord[eventCount];
        for (var i = 0; i < eventCount; i++)
        {
            var (code, lat, lon) = Countries[(number + i) % Countries.Length];
            var (type, sub) = Types[(number * 3 + i) % Types.Length];
            var killed = (number + i) % 9;
            var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            records[i] = new EventRecord(
                $"e{i + 1}", type, sub, i == 3 ? "historical" : "current",
                new DateRange(date, date, "day", null),
                new Location($"Place {number % 500}", code, null, lat + ((number % 50) / 10.0), lon + ((number % 30) / 10.0), "locality", null, 0, 9),
                [new Actor("Synthetic forces", code, "state-forces", "actor1", 0, 9)],
                new Fatalities(killed, killed, killed + 2),
                [new Casualty("killed", new Count(killed, killed, killed, false, "n"), new Victims("civilian", "Civilians", code, null), "current",
                    new Attribution("officials", [], 0, 9), new Span(0, 20))],
                [new Claim("c1", "casualty figures", "officials", [], [], 0, 20)],
                [new Span(0, text.Length - 1)], 0.7);
        }
        // Relevance spread over 0.05 to 0.95, so that a relevance filter keeps a known share (a tenth per step of 0.1).
        var info = new DocumentInfo(source.Id, source.Published?.ToString(), "en", source.Title, source.Source, null) { Relevance = 0.05 + (number % 10) / 10.0 };
        return new ExtractedDocument(source, new DocumentResult(info, [.. records], null, []), ContentHasher.Hash(source));
    }
}
