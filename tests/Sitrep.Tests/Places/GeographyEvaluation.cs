using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Actors;
using Sitrep.Places;
using Sitrep.Readers;
using Sitrep.Tests.Support;
using Sitrep.Text;

namespace Sitrep.Tests.Places;

/// <summary>
/// Scores place recognition on the shared development data (read from ../shared, never copied):
/// ACLED notes (country and distance of the most specific place found) and RONEC v2 (place mentions
/// against GPE+LOC labels). Set SITREP_GEO_ERRORS to a directory to get the misses written there.
/// </summary>
internal static class GeographyEvaluation
{
    private static readonly TextAnalyzer Analyzer = new();
    private static readonly PlaceRecognizer Places = new();
    private static readonly ActorRecognizer Actors = new();

    public sealed record AcledScores(int Rows, int WithPlace, double CountryCorrect, double Within25Km, double Within50Km);

    public sealed record RonecScores(int Gold, int Predicted, int Correct, double Precision, double Recall, double F1);

    public static AcledScores Acled()
    {
        var text = File.ReadAllText(SharedData.PathOf("data", "acled-2020-sample.csv"));
        var records = CsvRecordParser.Parse(text).ToList();
        var header = records[0].Fields.ToList();
        int Column(string name) => header.IndexOf(name);
        int notesAt = Column("notes"), iso3At = Column("iso3"), latAt = Column("latitude"), lonAt = Column("longitude"), locationAt = Column("location");
        int admin1At = Column("admin1"), admin2At = Column("admin2"), precisionAt = Column("geo_precision");
        int rows = 0, withPlace = 0, country = 0, within25 = 0, within50 = 0;
        var errors = new StringBuilder();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count <= Math.Max(notesAt, iso3At) || record.Fields[iso3At].Length == 0) continue;
            rows++;
            var analyzed = Analyzer.Analyze(record.Fields[notesAt], "en");
            var findings = Places.Analyze(analyzed);
            var places = findings.Mentions;
            var best = findings.MostSpecific();
            var goldCountry = Gazetteer.Country(record.Fields[iso3At])?.Iso3 ?? record.Fields[iso3At];
            var guessedCountry = best?.Country is { Length: > 0 } c ? c : findings.MainCountry ?? FocusCountry(analyzed);
            if (best is not null) withPlace++;
            if (string.Equals(guessedCountry, goldCountry, StringComparison.Ordinal)) country++;
            var distance = double.PositiveInfinity;
            var hasGold = double.TryParse(record.Fields[latAt], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                & double.TryParse(record.Fields[lonAt], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon);
            if (best is not null && hasGold) distance = GeoDistance.Km(lat, lon, best.Lat, best.Lon);
            if (distance <= 25) within25++;
            if (distance <= 50) within50++;
            else
            {
                errors.Append(CultureInfo.InvariantCulture, $"{goldCountry}\t{guessedCountry}\t{record.Fields[locationAt]} ({record.Fields[admin2At]}, {record.Fields[admin1At]}; p{record.Fields[precisionAt]})\t{best?.Name}/{best?.Country}/{best?.Precision}\t{(double.IsInfinity(distance) ? -1 : Math.Round(distance))}\t{string.Join(" | ", places.Select(p => analyzed.OriginalText(p.Start, p.End) + "=" + p.Name + "/" + p.Country + "/" + p.Precision + "/" + (hasGold ? Math.Round(GeoDistance.Km(lat, lon, p.Lat, p.Lon)) : -1)))}\t{record.Fields[notesAt]}\n");
            }
        }
        WriteErrors("acled-misses.tsv", errors);
        return new AcledScores(rows, withPlace, (double)country / rows, (double)within25 / rows, (double)within50 / rows);
    }

    private static string? FocusCountry(AnalyzedText text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var actor in Actors.Find(text))
        {
            if (actor.Country is { } c) counts[c] = counts.GetValueOrDefault(c) + 1;
        }
        return counts.Count == 0 ? null : counts.MaxBy(p => p.Value).Key;
    }

    public static RonecScores Ronec()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(SharedData.PathOf("data", "ronec-v2-valid.json")));
        int gold = 0, predicted = 0, correct = 0;
        var errors = new StringBuilder();
        foreach (var sentence in document.RootElement.EnumerateArray())
        {
            var tokens = sentence.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!).ToList();
            var spaces = sentence.GetProperty("space_after").EnumerateArray().Select(t => t.GetBoolean()).ToList();
            var tags = sentence.GetProperty("ner_tags").EnumerateArray().Select(t => t.GetString()!).ToList();
            var builder = new StringBuilder();
            var starts = new int[tokens.Count];
            var ends = new int[tokens.Count];
            for (var i = 0; i < tokens.Count; i++)
            {
                starts[i] = builder.Length;
                builder.Append(tokens[i]);
                ends[i] = builder.Length;
                if (spaces[i]) builder.Append(' ');
            }
            var text = builder.ToString();
            var expected = new HashSet<(int, int)>();
            for (var i = 0; i < tags.Count; i++)
            {
                if (!(tags[i] is "B-GPE" or "B-LOC")) continue;
                var type = tags[i][2..];
                var j = i + 1;
                while (j < tags.Count && tags[j] == "I-" + type) j++;
                expected.Add((starts[i], ends[j - 1]));
            }
            var analyzed = Analyzer.Analyze(text, "ro");
            var found = new HashSet<(int, int)>(Places.Find(analyzed).Select(p => analyzed.ToOriginal(p.Start, p.End)));
            gold += expected.Count;
            predicted += found.Count;
            var hit = found.Count(expected.Contains);
            correct += hit;
            foreach (var miss in expected.Where(e => !found.Contains(e))) errors.Append("FN\t").Append(text[miss.Item1..miss.Item2]).Append('\t').Append(text).Append('\n');
            foreach (var wrong in found.Where(f => !expected.Contains(f))) errors.Append("FP\t").Append(text[wrong.Item1..wrong.Item2]).Append('\t').Append(text).Append('\n');
        }
        WriteErrors("ronec-errors.tsv", errors);
        var precision = predicted == 0 ? 0 : (double)correct / predicted;
        var recall = gold == 0 ? 0 : (double)correct / gold;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new RonecScores(gold, predicted, correct, precision, recall, f1);
    }

    private static void WriteErrors(string file, StringBuilder errors)
    {
        var directory = Environment.GetEnvironmentVariable("SITREP_GEO_ERRORS");
        if (string.IsNullOrEmpty(directory)) return;
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, file), errors.ToString());
    }
}
