using System.Globalization;
using System.Text;
using Sitrep.Documents;
using Sitrep.Output;
using Sitrep.Pipeline;
using Sitrep.Readers;
using Sitrep.Tests.Support;
using Xunit.Abstractions;

namespace Sitrep.Tests.Extraction;

/// <summary>
/// Measures extraction on ACLED's notes (../shared/data/acled-2020-sample.csv): each note is a document
/// published on its event_date, and its first current non-statement event is scored against the row's gold
/// event type, sub-event type, fatalities and date. The numbers are reported (and written to
/// artifacts/acled-notes-measurement.tsv for error analysis); the assertions are floors just under what
/// docs/EVALUATION.md reports, so that a change that loses accuracy fails.
/// </summary>
public sealed class AcledNotesMeasurement(ITestOutputHelper output)
{
    [Fact]
    public void Acled_notes_are_measured_above_the_reported_floors()
    {
        Assert.True(SharedData.IsPresent, $"../shared is missing: {SharedData.Root}");
        var csv = File.ReadAllText(SharedData.PathOf("data", "acled-2020-sample.csv"));
        var pipeline = new ExtractionPipeline();
        var rows = CsvRecordParser.Parse(csv).ToList();
        var header = rows[0].Fields;
        int Column(string name) => header.ToList().FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        var (notes, date, type, sub, fatalities, id) = (Column("notes"), Column("event_date"), Column("event_type"), Column("sub_event_type"), Column("fatalities"), Column("event_id_cnty"));

        var scored = new List<(string GoldType, string GoldSub, int GoldFatalities, string GoldDate, EventRecord? Predicted, string Id, string Notes)>();
        foreach (var row in rows.Skip(1).Where(r => r.Fields.Count == header.Count))
        {
            if (!int.TryParse(row.Fields[fatalities], CultureInfo.InvariantCulture, out var goldFatalities))
            {
                output.WriteLine($"line {row.Line}: fatalities '{row.Fields[fatalities]}' unreadable; row skipped");
                continue;
            }
            var published = PublicationDateParser.Parse(row.Fields[date]);
            var document = new SourceDocument(row.Fields[id], row.Fields[notes], published, Language: "en");
            var result = pipeline.Process(document);
            var primary = result.Events.FirstOrDefault(e => e.Status == "current" && e.EventType != "Statements");
            scored.Add((row.Fields[type], row.Fields[sub], goldFatalities, published?.ToString() ?? "", primary, row.Fields[id], row.Fields[notes]));
        }

        var n = scored.Count;
        var typeAccuracy = scored.Count(s => s.Predicted?.EventType == s.GoldType) / (double)n;
        var fatalitiesExact = scored.Count(s => (s.Predicted?.Fatalities?.Best ?? 0) == s.GoldFatalities) / (double)n;
        var dateExact = scored.Count(s => s.Predicted?.Date?.Start == s.GoldDate && s.Predicted.Date.End == s.GoldDate) / (double)n;
        var subF1 = WeightedF1(scored.Select(s => (s.GoldSub, s.Predicted?.SubEventType ?? "(none)")).ToList());

        output.WriteLine($"ACLED notes: {n} rows");
        output.WriteLine($"event type accuracy   {typeAccuracy:F3} (target 0.85)");
        output.WriteLine($"sub-event weighted F1 {subF1:F3} (target 0.75)");
        output.WriteLine($"fatalities exact      {fatalitiesExact:F3} (target 0.85)");
        output.WriteLine($"date exact            {dateExact:F3} (target 0.95)");

        var report = new StringBuilder("id\tgold_type\tgold_sub\tpred_type\tpred_sub\tgold_fat\tpred_fat\tgold_date\tpred_date\tnotes\n");
        foreach (var s in scored)
        {
            report.Append(CultureInfo.InvariantCulture, $"{s.Id}\t{s.GoldType}\t{s.GoldSub}\t{s.Predicted?.EventType}\t{s.Predicted?.SubEventType}\t{s.GoldFatalities}\t{s.Predicted?.Fatalities?.Best}\t{s.GoldDate}\t{s.Predicted?.Date?.Start}\t{s.Notes.ReplaceLineEndings(" ").Replace('\t', ' ')}\n");
        }
        var artifacts = Path.Combine(SharedData.RepositoryRoot, "artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path.Combine(artifacts, "acled-notes-measurement.tsv"), report.ToString());

        Assert.True(typeAccuracy >= 0.84, $"event type accuracy {typeAccuracy:F3}");
        Assert.True(subF1 >= 0.80, $"sub-event weighted F1 {subF1:F3}");
        Assert.True(fatalitiesExact >= 0.90, $"fatalities exact {fatalitiesExact:F3}");
        Assert.True(dateExact >= 0.96, $"date exact {dateExact:F3}");
    }

    /// <summary>F1 per gold class, weighted by how often the class is gold.</summary>
    private static double WeightedF1(List<(string Gold, string Predicted)> pairs)
    {
        var total = 0.0;
        foreach (var label in pairs.Select(p => p.Gold).Distinct(StringComparer.Ordinal))
        {
            var tp = pairs.Count(p => p.Gold == label && p.Predicted == label);
            var fp = pairs.Count(p => p.Gold != label && p.Predicted == label);
            var fn = pairs.Count(p => p.Gold == label && p.Predicted != label);
            var f1 = tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + fn);
            total += f1 * (tp + fn);
        }
        return total / pairs.Count;
    }
}
