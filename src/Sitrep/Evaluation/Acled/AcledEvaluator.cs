using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Evaluation.Metrics;
using Sitrep.Output;
using Sitrep.Pipeline;
using Sitrep.Places;

namespace Sitrep.Evaluation.Acled;

/// <summary>
/// Scores extraction against ACLED rows: each row's notes are a document published on the event date,
/// and the document's primary event (<see cref="PrimaryEventSelector"/>) is compared with the coded row.
/// Thread-safe to share; each call keeps its own tallies.
/// </summary>
public sealed class AcledEvaluator(ExtractionPipeline pipeline)
{
    /// <summary>How many label confusions a report lists.</summary>
    public const int ConfusionsListed = 10;

    private const double NearKm = 25;
    private const double FarKm = 50;
    private const double FatalityTolerance = 0.2;

    public AcledReport Evaluate(string file, IReadOnlyList<AcledGoldRow> rows, int skipped, int worstCases = 0)
    {
        var clock = Stopwatch.StartNew();
        var tallies = AcledMetricNames.All.ToDictionary(n => n, _ => (All: new RateCount.Builder(), Detected: new RateCount.Builder()), StringComparer.Ordinal);
        var eventTypes = new ClassificationTally();
        var subEventTypes = new ClassificationTally();
        var worst = new PriorityQueue<AcledCase, (double Badness, int NegativeLine)>();

        var scored = OrderedParallel.Map(rows, row => (Row: row, Result: pipeline.Process(ToDocument(file, row))));
        foreach (var (row, result) in scored)
        {
            var primary = PrimaryEventSelector.Select(result);
            var detected = primary is not null;
            void Count(string metric, bool correct)
            {
                var (all, onDetected) = tallies[metric];
                all.Add(detected && correct);
                if (detected) onDetected.Add(correct);
            }

            Count(AcledMetricNames.Detection, true);
            Count(AcledMetricNames.EventType, primary?.EventType == row.EventType);
            var anyType = result.Events.Any(e => PrimaryEventSelector.IsAcledCurrent(e) && string.Equals(e.EventType, row.EventType, StringComparison.Ordinal));
            tallies[AcledMetricNames.EventTypeAmongEvents].All.Add(anyType);
            if (detected) tallies[AcledMetricNames.EventTypeAmongEvents].Detected.Add(anyType);
            Count(AcledMetricNames.SubEventType, primary?.EventType == row.EventType && primary?.SubEventType == row.SubEventType);
            eventTypes.Add(row.EventType, primary?.EventType);
            subEventTypes.Add(row.SubEventType, primary?.SubEventType);

            var fatalities = primary?.Fatalities?.Best ?? 0;
            Count(AcledMetricNames.FatalitiesExact, fatalities == row.Fatalities);
            Count(AcledMetricNames.FatalitiesWithin20, Math.Abs(fatalities - row.Fatalities) <= FatalityTolerance * row.Fatalities);
            var iso3 = CountryCode(row);
            if (iso3 is not null) Count(AcledMetricNames.Country, string.Equals(primary?.Location?.Country, iso3, StringComparison.Ordinal));
            var distance = Distance(row, primary);
            if (row.Latitude is not null && row.Longitude is not null)
            {
                Count(AcledMetricNames.Location25, distance <= NearKm);
                Count(AcledMetricNames.Location50, distance <= FarKm);
            }
            var goldDate = row.EventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Count(AcledMetricNames.DateExact, primary?.Date is { } date && date.Start == goldDate && date.End == goldDate);

            if (worstCases > 0)
            {
                var @case = Describe(row, iso3, primary, fatalities, distance, goldDate);
                worst.Enqueue(@case, (@case.Badness, -row.Line));
                if (worst.Count > worstCases) worst.Dequeue();
            }
        }

        var metrics = AcledMetricNames.All.Select(name =>
            new AcledMetric(name, Describe(name), tallies[name].All.Build(), tallies[name].Detected.Build()));
        var worstFirst = new List<AcledCase>(worst.Count);
        while (worst.Count > 0) worstFirst.Add(worst.Dequeue());
        worstFirst.Reverse();
        return new AcledReport(file, rows.Count, skipped, PrimaryEventSelector.Rule, [.. metrics],
            Scores(eventTypes), Scores(subEventTypes), clock.Elapsed.TotalSeconds, [.. worstFirst]);
    }

    /// <summary>
    /// The document an ACLED row stands for: its notes, published on the event date (ACLED's notes are written after
    /// the fact), from the outlets the row names, as <c>extract</c> reads the same file.
    /// </summary>
    public static SourceDocument ToDocument(string file, AcledGoldRow row) =>
        new(row.Id, row.Notes, PartialDate.FromDate(row.EventDate), Source: row.Source, Origin: $"{file}:{row.Line}");

    private static double? Distance(AcledGoldRow row, EventRecord? primary) =>
        row.Latitude is { } lat && row.Longitude is { } lon && primary?.Location is { Lat: { } plat, Lon: { } plon }
            ? GeoDistance.Km(lat, lon, plat, plon)
            : null;

    private static LabelScores Scores(ClassificationTally tally) =>
        new(tally.Accuracy, tally.MacroF1, tally.WeightedF1, tally.PerClass(), tally.TopConfusions(ConfusionsListed));

    /// <summary>
    /// The row's ISO alpha-3: its <c>iso3</c> column (old layout), else its country name looked up among the
    /// gazetteer's ACLED-style country names (the new layout has only a numeric <c>iso</c>). ACLED's own codes
    /// that differ from ISO ("ROM" for Romania) are mapped through the gazetteer's aliases.
    /// </summary>
    public static string? CountryCode(AcledGoldRow row) =>
        row.Iso3 is { } code ? Gazetteer.Country(code)?.Iso3 ?? code
        : CountriesByName.Value.TryGetValue(row.Country, out var iso3) ? iso3 : null;

    private static readonly Lazy<Dictionary<string, string>> CountriesByName = new(() =>
        Gazetteer.Default.Countries.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Iso3, StringComparer.OrdinalIgnoreCase));

    private static AcledCase Describe(AcledGoldRow row, string? iso3, EventRecord? primary, int fatalities, double? distance, string goldDate)
    {
        var gold = new AcledSide(row.EventType, row.SubEventType, "current", row.Fatalities, iso3 ?? row.Country,
            row.Location, row.Latitude, row.Longitude, goldDate, null);
        if (primary is null)
        {
            return new AcledCase(row.Id, row.Line, 10 + Math.Log10(1 + row.Fatalities), ["no current event"], gold, null, [], row.Notes);
        }

        var problems = new List<string>();
        double badness = 0;
        if (primary.EventType != row.EventType) { badness += 5; problems.Add($"event type {primary.EventType} for {row.EventType}"); }
        else if (primary.SubEventType != row.SubEventType) { badness += 2; problems.Add($"sub-event {primary.SubEventType} for {row.SubEventType}"); }
        if (fatalities != row.Fatalities)
        {
            badness += 1 + Math.Min(3, Math.Abs(fatalities - row.Fatalities) / Math.Max(1.0, row.Fatalities));
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"fatalities {fatalities} for {row.Fatalities}"));
        }
        if (iso3 is not null && primary.Location?.Country != iso3) { badness += 2; problems.Add($"country {primary.Location?.Country ?? "none"} for {iso3}"); }
        if (distance is null or > FarKm)
        {
            badness += 1;
            problems.Add(distance is null ? "no coordinates" : string.Create(CultureInfo.InvariantCulture, $"location {distance:F0} km away"));
        }
        if (primary.Date?.Start != goldDate || primary.Date?.End != goldDate)
        {
            badness += 1;
            problems.Add($"date {primary.Date?.Start ?? "none"}..{primary.Date?.End ?? "none"} for {goldDate}");
        }
        var predicted = new AcledSide(primary.EventType, primary.SubEventType, primary.Status, fatalities, primary.Location?.Country,
            primary.Location?.Name, primary.Location?.Lat, primary.Location?.Lon,
            primary.Date is null ? null : primary.Date.Start == primary.Date.End ? primary.Date.Start : $"{primary.Date.Start}..{primary.Date.End}",
            distance);
        var evidence = primary.Evidence.IsDefault ? [] : primary.Evidence
            .Where(s => s.Start >= 0 && s.End <= row.Notes.Length && s.Start <= s.End)
            .Select(s => new EvidenceSnippet(s.Start, s.End, row.Notes[s.Start..s.End]))
            .ToImmutableArray();
        return new AcledCase(row.Id, row.Line, badness, [.. problems], gold, predicted, evidence, row.Notes);
    }

    private static string Describe(string metric) => metric switch
    {
        AcledMetricNames.Detection => "rows with at least one current event (ACLED families)",
        AcledMetricNames.EventType => "primary event's type equals event_type",
        AcledMetricNames.EventTypeAmongEvents => "some current event has event_type (recognition, ignoring ranking)",
        AcledMetricNames.SubEventType => "primary event's type and sub-type equal the row's",
        AcledMetricNames.FatalitiesExact => "primary event's fatalities.best (0 when absent) equals fatalities",
        AcledMetricNames.FatalitiesWithin20 => "fatalities.best within 20% of fatalities (0 must be 0)",
        AcledMetricNames.Country => "location.country equals iso3 (or the country column's code)",
        AcledMetricNames.Location25 => "location within 25 km of latitude/longitude",
        AcledMetricNames.Location50 => "location within 50 km of latitude/longitude",
        AcledMetricNames.DateExact => "date.start and date.end equal event_date",
        _ => metric,
    };
}
