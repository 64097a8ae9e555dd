using System.Collections.Immutable;
using System.Diagnostics;
using Sitrep.Documents;
using Sitrep.Output;
using Sitrep.Pipeline;

namespace Sitrep.Evaluation.Quiet;

/// <summary>
/// Counts false alarms on texts known to report no conflict event: every current event of an ACLED family
/// is one. A document counts once per rate however many events it gives; the family and sub-type tables
/// count documents the same way (a document with two battles is one Battles document) and also list the
/// events. Thread-safe to share.
/// </summary>
public sealed class QuietEvaluator(ExtractionPipeline pipeline)
{
    public QuietReport Evaluate(string file, IReadOnlyList<SourceDocument> documents, int skipped, int errorCases = 0)
    {
        var clock = Stopwatch.StartNew();
        var violent = 0;
        var anyAcled = 0;
        var families = new Dictionary<string, FamilyTally>(StringComparer.Ordinal);
        var cases = new List<(int Order, QuietCase Case)>();

        // The trigger words shown by --errors come from the mention list, which extraction builds only on demand.
        var options = errorCases > 0 ? new ExtractionOptions(IncludeMentions: true) : ExtractionOptions.Default;
        var order = 0;
        foreach (var (document, result) in OrderedParallel.Map(documents, d => (Document: d, Result: pipeline.Process(d, options))))
        {
            order++;
            var alarms = (result.Events.IsDefault ? [] : result.Events).Where(IsCurrent).ToList();
            if (alarms.Count == 0) continue;
            var isViolent = alarms.Any(e => QuietFamilies.IsViolent(e.EventType));
            var isAcled = alarms.Any(e => QuietFamilies.IsAcled(e.EventType));
            if (isViolent) violent++;
            if (isAcled) anyAcled++;
            foreach (var family in alarms.GroupBy(e => e.EventType, StringComparer.Ordinal))
            {
                if (!families.TryGetValue(family.Key, out var tally)) families[family.Key] = tally = new FamilyTally();
                tally.Add(family);
            }
            if (errorCases > 0 && isAcled) cases.Add((order, Describe(document, isViolent, alarms, result.Mentions ?? [])));
        }

        // Every ACLED family has its row, in a fixed order, so that two runs compare line by line; other
        // families (Statements) follow when they fired.
        var names = QuietFamilies.Acled.Concat(families.Keys.Where(k => !QuietFamilies.IsAcled(k)).Order(StringComparer.Ordinal));
        var table = names.Select(n => families.GetValueOrDefault(n, new FamilyTally()).Build(n, documents.Count));
        // The worst first: violent alarms, then the most confident, then input order (stable across runs).
        var worst = cases
            .OrderByDescending(c => c.Case.Violent)
            .ThenByDescending(c => c.Case.Events.Max(e => e.Confidence))
            .ThenBy(c => c.Order)
            .Take(errorCases)
            .Select(c => c.Case);
        return new QuietReport(file, documents.Count, skipped,
            FalseAlarmRate.Of(violent, documents.Count), FalseAlarmRate.Of(anyAcled, documents.Count),
            [.. table], clock.Elapsed.TotalSeconds, [.. worst]);
    }

    private static bool IsCurrent(EventRecord e) => string.Equals(e.Status, "current", StringComparison.Ordinal);

    private static QuietCase Describe(SourceDocument document, bool violent, List<EventRecord> alarms, ImmutableArray<Mention> mentions)
    {
        var events = alarms
            .Where(e => QuietFamilies.IsAcled(e.EventType))
            .OrderByDescending(e => QuietFamilies.IsViolent(e.EventType))
            .ThenByDescending(e => e.Confidence)
            .Select(e =>
            {
                var evidence = e.Evidence.IsDefault ? [] : e.Evidence;
                return new QuietAlarm(e.EventType, e.SubEventType, e.Confidence,
                    [.. Triggers(e, evidence, mentions).Select(m => EvidenceContext.Of(document.Text, m.Start, m.End))],
                    [.. evidence.Select(s => EvidenceContext.Of(document.Text, s.Start, s.End))]);
            });
        return new QuietCase(document.Id, document.Origin, violent, [.. events]);
    }

    // The event's own trigger is the one inside its evidence that names its sub-type; when none does
    // (a trigger refined into another sub-type by its context), every trigger inside the evidence is shown.
    private static List<Mention> Triggers(EventRecord e, ImmutableArray<Span> evidence, ImmutableArray<Mention> mentions)
    {
        var inside = mentions
            .Where(m => string.Equals(m.Kind, "trigger", StringComparison.Ordinal) && evidence.Any(s => m.Start >= s.Start && m.End <= s.End))
            .DistinctBy(m => (m.Start, m.End))
            .ToList();
        var own = inside.Where(m => string.Equals(m.Value as string, e.SubEventType, StringComparison.Ordinal)).ToList();
        return own.Count > 0 ? own : inside;
    }

    /// <summary>One family's documents and events, by sub-type; not thread-safe.</summary>
    private sealed class FamilyTally
    {
        private readonly Dictionary<string, (int Documents, int Events)> _subTypes = new(StringComparer.Ordinal);
        private int _documents;
        private int _events;

        public void Add(IEnumerable<EventRecord> events)
        {
            _documents++;
            foreach (var subType in events.GroupBy(e => e.SubEventType, StringComparer.Ordinal))
            {
                var count = subType.Count();
                _events += count;
                var (documents, total) = _subTypes.GetValueOrDefault(subType.Key);
                _subTypes[subType.Key] = (documents + 1, total + count);
            }
        }

        public FamilyAlarms Build(string eventType, int documents) =>
            new(eventType, QuietFamilies.CountedAs(eventType), _documents, FalseAlarmRate.Per100Of(_documents, documents), _events,
            [
                .. _subTypes
                    .OrderByDescending(s => s.Value.Documents).ThenBy(s => s.Key, StringComparer.Ordinal)
                    .Select(s => new SubTypeAlarms(s.Key, s.Value.Documents, FalseAlarmRate.Per100Of(s.Value.Documents, documents), s.Value.Events)),
            ]);
    }
}
