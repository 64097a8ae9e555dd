using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Text;

namespace Sitrep.Places;

/// <summary>
/// Finds toponyms in a text and resolves each to one gazetteer entry, using the text as context.
/// <list type="number">
/// <item>Candidates: the longest capitalised token run whose key the gazetteer knows (Romanian case
/// endings stripped by rule), never inside a demonym, named group, organisation or outlet.</item>
/// <item>Guards: common words that are also places ("Of", "Nice", "Police") need a locative or
/// administrative cue; small or unknown places need a cue or a country the text is about; a lone name
/// glued to another capitalised word is taken for a person's name.</item>
/// <item>Focus: countries named (or implied by a demonym or an unambiguous place) are counted first.</item>
/// <item>Resolution: each entry is scored by what it is, its population, whether its country is in
/// focus, and whether it lies inside the place named next ("Miznaz in Aleppo", "Lalbagh area of Dhaka").</item>
/// </list>
/// Built once and shared; the gazetteer loads on the first call. Thread-safe.
/// </summary>
public sealed class PlaceRecognizer
{
    private const long LargePlace = 100_000;
    private const long KnownPlace = 1_000;

    private readonly Lazy<Gazetteer> _gazetteer;
    private readonly ActorRecognizer _actors = new();

    public PlaceRecognizer()
        : this(() => Gazetteer.Default)
    {
    }

    internal PlaceRecognizer(Func<Gazetteer> gazetteer)
    {
        _gazetteer = new Lazy<Gazetteer>(gazetteer, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private sealed class Candidate
    {
        public required int First { get; init; }
        public required int Count { get; init; }
        public required List<GazetteerEntry> Entries { get; init; }
        public bool Stopword { get; init; }
        public bool Locative { get; set; }
        public bool AreaCue { get; set; }
        public Candidate? Container { get; set; }
        public bool IsContainer { get; set; }
        public GazetteerEntry? Chosen { get; set; }

        public int End => First + Count;

        public bool Strong => Entries.Exists(e => e.Kind is GazetteerEntryKind.Country or GazetteerEntryKind.DeFacto or GazetteerEntryKind.Region
            or GazetteerEntryKind.Multinational or GazetteerEntryKind.Admin1 or GazetteerEntryKind.Capital || e.Population >= LargePlace);

        public bool Evidence => Locative || AreaCue || Container is not null || IsContainer;
    }

    public ImmutableArray<PlaceMention> Find(AnalyzedText text)
    {
        var gazetteer = _gazetteer.Value;
        var cues = PlaceCuesHolder.Default;
        var actors = _actors.Find(text);
        var blocked = new bool[text.Tokens.Length];
        var focus = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var actor in actors)
        {
            if (actor.Kind is ActorMentionKind.State or ActorMentionKind.DeFacto) continue;
            for (var t = actor.FirstToken; t < actor.FirstToken + actor.TokenCount; t++) blocked[t] = true;
            if (actor.Kind == ActorMentionKind.Demonym && actor.Country is { } c) focus[c] = focus.GetValueOrDefault(c) + 1;
        }

        var candidates = FindCandidates(text, gazetteer, cues, blocked);
        LinkContainers(text, cues, candidates);
        foreach (var candidate in candidates)
        {
            if (candidate.Entries.Exists(e => e.Kind == GazetteerEntryKind.Country))
            {
                var country = candidate.Entries.First(e => e.Kind == GazetteerEntryKind.Country).Country;
                focus[country] = focus.GetValueOrDefault(country) + 1;
            }
            else if (candidate.Entries.Count > 0 && candidate.Entries.TrueForAll(e => e.Country == candidate.Entries[0].Country) && candidate.Entries[0].Country.Length > 0)
            {
                focus[candidate.Entries[0].Country] = focus.GetValueOrDefault(candidate.Entries[0].Country) + 0.5;
            }
        }

        var kept = candidates.Where(c => Keep(text, c, focus)).ToList();
        // Containers first ("Aleppo" before "Miznaz in Aleppo"), so the contained place can be checked against them.
        foreach (var candidate in kept.Where(c => c.IsContainer)) candidate.Chosen = Choose(candidate, focus);
        foreach (var candidate in kept.Where(c => !c.IsContainer)) candidate.Chosen = Choose(candidate, focus);

        var result = ImmutableArray.CreateBuilder<PlaceMention>(kept.Count);
        foreach (var candidate in kept)
        {
            var entry = candidate.Chosen!;
            var first = text.Tokens[candidate.First];
            var last = text.Tokens[candidate.End - 1];
            result.Add(new PlaceMention(first.Start, last.End, candidate.First, candidate.Count, entry.Name, entry.Country,
                entry.Admin1.Length == 0 ? null : entry.Admin1, entry.Lat, entry.Lon, entry.Precision,
                entry.GeonamesId > 0 ? entry.GeonamesId : null));
        }
        return result.ToImmutable();
    }

    private static List<Candidate> FindCandidates(AnalyzedText text, Gazetteer gazetteer, PlaceCues cues, bool[] blocked)
    {
        var tokens = text.Tokens;
        var list = new List<Candidate>();
        Span<char> buffer = stackalloc char[NameKey.MaxLength];
        Span<char> variant = stackalloc char[NameKey.MaxLength + 4];
        var romanian = SpanKeys.AllowsRomanianEndings(text);
        var i = 0;
        while (i < tokens.Length)
        {
            if (blocked[i] || tokens[i].Kind is not (TokenKind.Word or TokenKind.Number)) { i++; continue; }
            Candidate? found = null;
            var max = Math.Min(SpanKeys.MaxTokens, tokens.Length - i);
            for (var count = max; count >= 1 && found is null; count--)
            {
                if (Blocked(blocked, i, count)) continue;
                var length = SpanKeys.Build(text, i, count, buffer);
                if (length <= 0) continue;
                var surface = SpanKeys.Surface(text, i, count);
                var entries = Accepted(gazetteer, buffer[..length], surface);
                if (entries is null && romanian)
                {
                    foreach (var (ending, replacement) in cues.Suffixes)
                    {
                        var n = SpanKeys.WithEnding(buffer[..length], ending, replacement, variant);
                        if (n > 0 && Accepted(gazetteer, variant[..n], surface) is { } inflected) { entries = inflected; break; }
                    }
                }
                if (entries is null) continue;
                found = new Candidate
                {
                    First = i,
                    Count = count,
                    Entries = entries,
                    Stopword = count == 1 && cues.IsStopword(buffer[..length]),
                    Locative = cues.HasLocativeBefore(text, i),
                    AreaCue = cues.HasAreaBefore(text, i) || cues.HasAreaAfter(text, i + count),
                };
            }
            if (found is null) { i++; continue; }
            list.Add(found);
            i += found.Count;
        }
        return list;
    }

    private static bool Blocked(bool[] blocked, int first, int count)
    {
        for (var t = first; t < first + count; t++)
        {
            if (blocked[t]) return true;
        }
        return false;
    }

    private static List<GazetteerEntry>? Accepted(Gazetteer gazetteer, ReadOnlySpan<char> key, ReadOnlySpan<char> surface)
    {
        if (!gazetteer.TryLookup(key, out var hits)) return null;
        List<GazetteerEntry>? entries = null;
        foreach (var hit in hits)
        {
            // Every place name starts with a capital in running text, whatever the alias looks like.
            var rule = hit.Rule == CaseRule.Any ? CaseRule.Any : hit.Rule;
            if (!NameKey.Accepts(rule, surface)) continue;
            (entries ??= []).Add(gazetteer.Entry(hit.Entry));
        }
        return entries;
    }

    /// <summary>Marks "A in B", "A, B", "A (B)", "A area of B": B contains A when some reading of A lies in some reading of B.</summary>
    private static void LinkContainers(AnalyzedText text, PlaceCues cues, List<Candidate> candidates)
    {
        for (var k = 0; k + 1 < candidates.Count; k++)
        {
            var inner = candidates[k];
            var outer = candidates[k + 1];
            var next = inner.End;
            // "Lalbagh area of Dhaka": skip one administrative word before the link.
            if (cues.HasAreaAfter(text, next)) next++;
            var after = cues.PartOfLink(text, next);
            if (after != outer.First) continue;
            if (!inner.Entries.Exists(e => outer.Entries.Exists(o => Contains(o, e)))) continue;
            inner.Container = outer;
            outer.IsContainer = true;
        }
    }

    private static bool Keep(AnalyzedText text, Candidate candidate, Dictionary<string, double> focus)
    {
        var tokens = text.Tokens;
        if (candidate.Stopword)
        {
            // "in May 2020" is a date, not the village of May.
            var numberAfter = candidate.End < tokens.Length && tokens[candidate.End].Kind == TokenKind.Number;
            return (candidate.Locative && !numberAfter) || candidate.AreaCue || candidate.Container is not null;
        }
        if (candidate.Strong && candidate.Entries.Exists(e => e.Kind is GazetteerEntryKind.Country or GazetteerEntryKind.DeFacto or GazetteerEntryKind.Region or GazetteerEntryKind.Multinational))
        {
            return true;
        }
        if (candidate.Evidence && candidate.Entries.Exists(e => e.Population >= KnownPlace || focus.ContainsKey(e.Country) || e.Kind != GazetteerEntryKind.Locality))
        {
            return true;
        }
        var sentence = text.Sentences[tokens[candidate.First].Sentence];
        var initial = candidate.First == sentence.FirstToken
            || (candidate.First == sentence.FirstToken + 1 && tokens[sentence.FirstToken].Kind != TokenKind.Word);
        if (initial && !candidate.Strong) return false;
        if (candidate.Count == 1 && !candidate.Strong && !candidate.Evidence)
        {
            // "Victoria Smith", "Ilham Aliyev": a lone name beside another capitalised word is a person's.
            if (Capitalised(text, candidate.End) || (!initial && Capitalised(text, candidate.First - 1) && tokens[candidate.First - 1].Sentence == tokens[candidate.First].Sentence
                && candidate.First - 1 != sentence.FirstToken))
            {
                return false;
            }
        }
        if (candidate.Strong) return true;
        return candidate.Entries.Exists(e => focus.ContainsKey(e.Country) && (e.Population >= KnownPlace || candidate.Evidence))
            || candidate.Entries.Exists(e => e.Population >= KnownPlace * 20);
    }

    private static bool Capitalised(AnalyzedText text, int index)
    {
        if (index < 0 || index >= text.Tokens.Length) return false;
        var token = text.Tokens[index];
        return token.Kind == TokenKind.Word && char.IsUpper(text.Normalized[token.Start]);
    }

    private static GazetteerEntry Choose(Candidate candidate, Dictionary<string, double> focus)
    {
        GazetteerEntry? best = null;
        var bestScore = double.MinValue;
        foreach (var entry in candidate.Entries)
        {
            var score = entry.Kind switch
            {
                GazetteerEntryKind.Country => 10.0,
                GazetteerEntryKind.DeFacto => 9,
                GazetteerEntryKind.Region or GazetteerEntryKind.Multinational => 8,
                GazetteerEntryKind.Capital => 6,
                GazetteerEntryKind.Admin1 => 4.5,
                GazetteerEntryKind.Seat => 3,
                GazetteerEntryKind.Admin2 => 2,
                _ => 1,
            };
            score += Math.Log10(entry.Population + 1);
            if (focus.TryGetValue(entry.Country, out var weight)) score += 4 + Math.Min(weight, 6) * 0.5;
            if (candidate.Container is { } container)
            {
                var outer = container.Chosen;
                if (outer is not null ? Contains(outer, entry) : container.Entries.Exists(o => Contains(o, entry))) score += 8;
            }
            if (score > bestScore || (score == bestScore && best is not null && entry.GeonamesId > 0 && best.GeonamesId == 0))
            {
                best = entry;
                bestScore = score;
            }
        }
        return best!;
    }

    /// <summary>Whether <paramref name="inner"/> plausibly lies in <paramref name="outer"/>.</summary>
    internal static bool Contains(GazetteerEntry outer, GazetteerEntry inner)
    {
        if (ReferenceEquals(outer, inner)) return false;
        if (outer.Kind == GazetteerEntryKind.Multinational) return GeoDistance.Km(outer.Lat, outer.Lon, inner.Lat, inner.Lon) < 1500;
        if (!string.Equals(outer.Country, inner.Country, StringComparison.Ordinal)) return false;
        return outer.Kind switch
        {
            GazetteerEntryKind.Country => inner.Kind != GazetteerEntryKind.Country,
            GazetteerEntryKind.Admin1 => string.Equals(outer.Admin1, inner.Admin1, StringComparison.Ordinal) && inner.Kind != GazetteerEntryKind.Admin1,
            GazetteerEntryKind.Region or GazetteerEntryKind.DeFacto => GeoDistance.Km(outer.Lat, outer.Lon, inner.Lat, inner.Lon) < 300,
            GazetteerEntryKind.Admin2 => string.Equals(outer.Admin1, inner.Admin1, StringComparison.Ordinal) && GeoDistance.Km(outer.Lat, outer.Lon, inner.Lat, inner.Lon) < 100,
            _ => GeoDistance.Km(outer.Lat, outer.Lon, inner.Lat, inner.Lon) < 60,
        };
    }
}
