using System.Collections.Immutable;
using Sitrep.Extraction.Attribution;
using Sitrep.Extraction.Dates;
using Sitrep.Extraction.Lexicons;
using Sitrep.Extraction.Matching;
using Sitrep.Output;

namespace Sitrep.Extraction;

/// <summary>Lists what extraction recognised (places, actors, dates, weapons, triggers, attributions, vague amounts) with original offsets.</summary>
internal static class MentionCollector
{
    public static ImmutableArray<Mention> Collect(DocumentScan scan, ImmutableArray<DateMention> dates, ImmutableArray<CountMention> counts, IEnumerable<AttributionFinding> attributions)
    {
        var mentions = ImmutableArray.CreateBuilder<Mention>();
        foreach (var place in scan.Places) Add("place", place.Start, place.End, place.Name);
        foreach (var actor in scan.Actors) Add("actor", actor.Start, actor.End, actor.Name);
        foreach (var date in dates) Add("date", date.Start, date.End, date.Range.Start == date.Range.End ? date.Range.Start : $"{date.Range.Start}/{date.Range.End}");
        foreach (var count in counts.Where(c => c.Vague)) Add("number", count.Start, count.End, count.Best);
        foreach (var match in scan.Matches)
        {
            if (match.Kind == LexiconKind.Weapons) Add("weapon", match.Start, match.End, match.Entry.Field(0));
            else if (match.Kind == LexiconKind.Triggers) Add("trigger", match.Start, match.End, LexiconSchema.SubEvents[match.Entry.Field(0)].Value);
        }
        foreach (var attribution in attributions.Distinct())
        {
            var text = scan.OriginalText(attribution.Evidence);
            mentions.Add(new Mention("attribution", attribution.Evidence.Start, attribution.Evidence.End, text, attribution.Via.IsEmpty ? attribution.Claimant : $"{attribution.Claimant} via {string.Join(", ", attribution.Via)}"));
        }
        return mentions.DrainToImmutable();

        void Add(string kind, int start, int end, object? value)
        {
            var span = scan.ToSpan(start, end);
            mentions.Add(new Mention(kind, span.Start, span.End, scan.OriginalText(span), value));
        }
    }
}
