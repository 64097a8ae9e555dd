using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Evaluation.Metrics;
using Sitrep.Output;
using Sitrep.Pipeline;

namespace Sitrep.Evaluation.Gold;

/// <summary>
/// Scores extraction against a gold file, category by category (<see cref="GoldCategories"/>). Within a
/// document, expected and predicted items of a category are paired one to one (first acceptable partner, in
/// text order); paired items are true positives, unpaired expected items misses, unpaired predicted items
/// false positives. Thread-safe to share.
/// </summary>
public sealed class GoldEvaluator(ExtractionPipeline pipeline)
{
    public GoldReport Evaluate(string file, IReadOnlyList<GoldDocument> documents, int skipped, int worstCases = 0)
    {
        var clock = Stopwatch.StartNew();
        var totals = GoldCategories.All.ToDictionary(n => n, _ => PrecisionRecall.Zero, StringComparer.Ordinal);
        var languages = new SortedDictionary<string, (int Documents, PrecisionRecall Counts)>(StringComparer.Ordinal);
        var clean = new RateCount.Builder();
        var cases = new List<(int Badness, GoldCase Case)>();

        foreach (var (gold, result) in OrderedParallel.Map(documents, d => (Gold: d, Result: pipeline.Process(ToDocument(file, d)))))
        {
            var scored = Score(gold, result);
            var pooled = PrecisionRecall.Zero;
            foreach (var (category, counts) in scored.Counts)
            {
                totals[category] += counts;
                pooled += counts;
            }
            var language = gold.Language ?? result.Document.Language;
            var (count, sum) = languages.GetValueOrDefault(language, (0, PrecisionRecall.Zero));
            languages[language] = (count + 1, sum + pooled);
            if (gold.NonConflict) clean.Add(!result.Events.Any(IsCurrent));
            var badness = scored.Misses.Count + scored.FalsePositives.Count;
            if (worstCases > 0 && badness > 0) cases.Add((badness, new GoldCase(gold.Id, gold.Line, [.. scored.Misses], [.. scored.FalsePositives])));
        }

        var categories = GoldCategories.All.Select(n => CategoryScore.Of(n, GoldCategories.Describe(n), totals[n])).ToImmutableArray();
        var overall = CategoryScore.Of("overall", "all categories pooled", totals.Values.Aggregate(PrecisionRecall.Zero, (a, b) => a + b));
        var byLanguage = languages.Select(l => new LanguageScore(l.Key, l.Value.Documents, CategoryScore.Of("overall", "all categories pooled", l.Value.Counts)));
        var worst = cases.OrderByDescending(c => c.Badness).ThenBy(c => c.Case.Line).Take(worstCases).Select(c => c.Case);
        return new GoldReport(file, documents.Count, skipped, clean.Build(), categories, overall, [.. byLanguage], clock.Elapsed.TotalSeconds, [.. worst]);
    }

    /// <summary>The document a gold line stands for.</summary>
    public static SourceDocument ToDocument(string file, GoldDocument gold) =>
        new(gold.Id, gold.Text,
            gold.Published is not null && PartialDate.TryParse(gold.Published, out var published) ? published : null,
            gold.Language, Origin: $"{file}:{gold.Line}");

    /// <summary>Per-category counts for one document, with the items behind the errors.</summary>
    public static DocumentScore Score(GoldDocument gold, DocumentResult result)
    {
        var score = new DocumentScore();
        var events = result.Events.IsDefault ? [] : result.Events;
        var casualties = events.SelectMany(e => e.Casualties.IsDefault ? [] : e.Casualties).ToList();
        var claims = events.SelectMany(e => e.Claims.IsDefault ? [] : e.Claims).ToList();
        var goldCasualties = gold.Expected.SelectMany(e => e.Casualties).ToList();

        var expectCurrent = gold.Expected.Any(e => e.Status == "current");
        var predictCurrent = events.Any(IsCurrent);
        score.Add(GoldCategories.Detection, expectCurrent ? ["current event"] : [], predictCurrent ? ["current event"] : [], static (_, _) => true, s => s);

        score.Add(GoldCategories.EventType, gold.Expected, events,
            static (g, p) => g.EventType == p.EventType, static g => g.EventType, static p => $"{p.EventType} ({p.Status})");
        score.Add(GoldCategories.SubEventType, gold.Expected, events,
            static (g, p) => g.EventType == p.EventType && (g.SubEventType is null || g.SubEventType == p.SubEventType),
            static g => $"{g.EventType} / {g.SubEventType ?? "*"}", static p => $"{p.EventType} / {p.SubEventType}");
        score.Add(GoldCategories.Status, gold.Expected, events,
            static (g, p) => g.EventType == p.EventType && g.Status == p.Status,
            static g => $"{g.EventType} {g.Status}", static p => $"{p.EventType} {p.Status}");
        score.Add(GoldCategories.Fatalities,
            gold.Expected.Where(e => e.FatalitiesBest > 0).ToList(),
            events.Where(e => e.Fatalities?.Best > 0).ToList(),
            static (g, p) => g.EventType == p.EventType && g.FatalitiesBest == p.Fatalities!.Best,
            static g => string.Create(CultureInfo.InvariantCulture, $"{g.EventType} killed {g.FatalitiesBest}"),
            static p => string.Create(CultureInfo.InvariantCulture, $"{p.EventType} killed {p.Fatalities!.Best}"));
        score.Add(GoldCategories.Casualties, goldCasualties, casualties,
            static (g, p) => g.Outcome == p.Outcome && g.Status == p.Status && CountMatches(g.Count, p.Count),
            static g => $"{g.Outcome} {g.Count?.ToString() ?? "(no count)"} {g.Status}",
            static p => $"{p.Outcome} {Describe(p.Count)} {p.Status}");
        score.Add(GoldCategories.Victims, goldCasualties, casualties,
            static (g, p) => g.Outcome == p.Outcome && (g.Category is null || g.Category == p.Victims?.Category),
            static g => $"{g.Outcome} {g.Category ?? "*"}", static p => $"{p.Outcome} {p.Victims?.Category}");

        var goldClaimants = Distinct(gold.Expected.SelectMany(e => e.Claimants.Concat(e.Casualties.Where(c => c.Claimant is not null).Select(c => c.Claimant!))));
        var predictedClaimants = DistinctNames(casualties.Select(c => c.Attribution?.Claimant).Concat(claims.Select(c => c.Claimant)));
        score.Add(GoldCategories.Claimants, goldClaimants, predictedClaimants, NameMatcher.Matches, static g => g.ToString(), static p => p);

        var goldRelays = Distinct(gold.Expected.SelectMany(e => e.Via.Concat(e.Casualties.SelectMany(c => c.Via))));
        var predictedRelays = DistinctNames(casualties.SelectMany(c => c.Attribution?.Via is { IsDefault: false } via ? via : []).Concat(claims.SelectMany(c => c.Via.IsDefault ? [] : c.Via)));
        score.Add(GoldCategories.Relays, goldRelays, predictedRelays, NameMatcher.Matches, static g => g.ToString(), static p => p);

        var goldPlaces = gold.Expected.SelectMany(e => e.Places).DistinctBy(p => (p.Country, p.Name?.ToString())).ToList();
        var predictedPlaces = events.Where(e => e.Location is not null).Select(e => e.Location!)
            .DistinctBy(l => (l.Country, NameMatcher.Key(l.Name))).ToList();
        score.Add(GoldCategories.Places, goldPlaces, predictedPlaces,
            static (g, p) => (g.Country is null || g.Country == p.Country) && (g.Name is null || NameMatcher.Matches(g.Name, p.Name)),
            static g => $"{g.Name?.ToString() ?? "*"} ({g.Country ?? "*"})", static p => $"{p.Name} ({p.Country ?? "?"})");
        return score;
    }

    /// <summary>A gold count matches a figure when the exact value agrees, or, for a vague or open amount, both bounds do; "not given" matches only a figure without a count.</summary>
    public static bool CountMatches(GoldCount? gold, Count? predicted)
    {
        if (gold is null) return predicted is null || (predicted.Value is null && predicted.Min is null && predicted.Max is null);
        if (predicted is null) return false;
        if (gold.Value is { } value) return predicted.Value == value;
        return predicted.Min == gold.Min && predicted.Max == gold.Max;
    }

    private static bool IsCurrent(EventRecord e) => string.Equals(e.Status, "current", StringComparison.Ordinal);

    private static string Describe(Count? count) => count switch
    {
        null => "(no count)",
        { Value: { } v } => v.ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{count.Min}..{count.Max}"),
    };

    private static List<GoldName> Distinct(IEnumerable<GoldName> names) =>
        names.DistinctBy(n => string.Join('|', n.Alternatives.Select(NameMatcher.Key))).ToList();

    private static List<string> DistinctNames(IEnumerable<string?> names) =>
        names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).DistinctBy(NameMatcher.Key, StringComparer.Ordinal).ToList();

    /// <summary>One document's counts per category, and the missed and false items as text.</summary>
    public sealed class DocumentScore
    {
        private readonly List<(string Category, PrecisionRecall Counts)> _counts = [];

        public IReadOnlyList<(string Category, PrecisionRecall Counts)> Counts => _counts;

        public List<string> Misses { get; } = [];

        public List<string> FalsePositives { get; } = [];

        public PrecisionRecall this[string category] => _counts.First(c => c.Category == category).Counts;

        internal void Add<TGold, TPredicted>(string category, IReadOnlyList<TGold> gold, IReadOnlyList<TPredicted> predicted,
            Func<TGold, TPredicted, bool> matches, Func<TGold, string> describeGold, Func<TPredicted, string> describePredicted)
        {
            var used = new bool[predicted.Count];
            var hits = 0;
            foreach (var expected in gold)
            {
                var partner = -1;
                for (var i = 0; i < predicted.Count && partner < 0; i++)
                {
                    if (!used[i] && matches(expected, predicted[i])) partner = i;
                }
                if (partner >= 0)
                {
                    used[partner] = true;
                    hits++;
                }
                else
                {
                    Misses.Add($"{category}: {describeGold(expected)}");
                }
            }
            for (var i = 0; i < predicted.Count; i++)
            {
                if (!used[i]) FalsePositives.Add($"{category}: {describePredicted(predicted[i])}");
            }
            _counts.Add((category, PrecisionRecall.From(hits, predicted.Count - hits, gold.Count - hits)));
        }

        internal void Add(string category, IReadOnlyList<string> gold, IReadOnlyList<string> predicted, Func<string, string, bool> matches, Func<string, string> describe) =>
            Add(category, gold, predicted, matches, describe, describe);
    }
}
