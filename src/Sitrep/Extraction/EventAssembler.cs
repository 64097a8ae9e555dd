using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Actors;
using Sitrep.Extraction.Dates;
using Sitrep.Extraction.Frames;
using Sitrep.Extraction.Lexicons;
using Sitrep.Extraction.Reconciliation;
using Sitrep.Extraction.Status;
using Sitrep.Output;

namespace Sitrep.Extraction;

/// <summary>
/// Turns a document's frames and casualty figures into the contract's events. Frames of the same sub-event
/// and status are one event (a statement is one event per sentence); a change of territory takes its
/// sub-type from who gained it. Each figure joins the event of its own sentence, else the nearest violent
/// event before it, else an event of its own. Events come out current first, then in text order, the most
/// salient first within a sentence: the first event is the text's primary one.
/// </summary>
internal sealed class EventAssembler
{
    private readonly DocumentScan _scan;
    private readonly ImmutableArray<DateMention> _dates;
    private readonly ImmutableArray<YearMention> _years;
    private readonly ActorRoleResolver _actors;
    private readonly LocationResolver _locations;
    private readonly ClaimLinker _claims;

    private readonly PassiveVoice _voice;
    private readonly ViolentReading _reading;

    public EventAssembler(DocumentScan scan, ImmutableArray<DateMention> dates, ImmutableArray<YearMention> years, PassiveVoice voice, ViolentReading reading)
    {
        _reading = reading;
        _scan = scan;
        _dates = dates;
        _years = years;
        _voice = voice;
        _actors = new ActorRoleResolver(scan, voice);
        _locations = new LocationResolver(scan);
        _claims = new ClaimLinker(scan);
    }

    public ImmutableArray<EventRecord> Assemble(ImmutableArray<EventFrame> frames, ImmutableArray<CasualtyFrame> casualties)
    {
        var groups = new List<Group>();
        var byKey = new Dictionary<(string Key, string Status), Group>();
        foreach (var frame in frames)
        {
            var key = frame.IsStatement ? $"{frame.Code}#{frame.Sentence}" : frame.Code;
            if (!byKey.TryGetValue((key, frame.Status), out var group))
            {
                groups.Add(group = new Group(key, frame.Status));
                byKey[(key, frame.Status)] = group;
            }
            group.Frames.Add(frame);
        }

        MergeWeak(groups);

        var index = new GroupIndex(groups);
        foreach (var casualty in casualties)
        {
            var target = index.Find(casualty);
            // A toll with no event word and no sign of who caused it may be a storm's, an illness's or a road's; a mere
            // reference to fighting in another sentence ("a war on drugs ... two students died") does not make it violence
            // either, while one in its own sentence tells whose dead they are ("the war left 20,000 dead").
            var unfounded = target is null || target.Frames.TrueForAll(f => f.IsWeak && f.Sentence != casualty.Sentence);
            if (unfounded && (_scan.In(LexiconKind.Guards, casualty.Sentence).Count > 0 || !_reading.HoldsAlone(casualty))) continue;
            if (target is null)
            {
                // A figure with no event word: the victims say what kind of violence it was.
                var code = casualty.Victims.Category is "civilian" ? "attack" : "armed-clash";
                var status = casualty.Status == EventStatus.Negated ? EventStatus.Current : casualty.Status;
                var frame = new EventFrame(code, status, casualty.Sentence, casualty.AnchorToken, 1, [], casualty.Attribution);
                target = new Group(code, status);
                target.Frames.Add(frame);
                groups.Add(target);
                index.Add(target);
            }
            target.Casualties.Add(casualty);
        }

        // A mere reference to fighting that joined no reported event and carries no figure ("the war in the
        // region", "razboiul din Ucraina") is background, not an event.
        groups.RemoveAll(g => g.Casualties.Count == 0 && g.Frames.All(f => f.IsWeak && f.Code is "armed-clash" && !f.Triggers.IsEmpty));

        var ordered = groups
            .OrderBy(g => g.Status == EventStatus.Current ? 0 : 1)
            .ThenBy(g => g.Frames.Min(f => f.Sentence))
            .ThenBy(g => g.Frames[0].IsStatement ? 1 : 0)
            .ThenByDescending(g => g.Frames.Max(f => f.Salience))
            .ThenBy(g => g.Frames[0].AnchorToken)
            .ToList();
        var events = ImmutableArray.CreateBuilder<EventRecord>(ordered.Count);
        foreach (var group in ordered) events.Add(Build(group, events.Count + 1));
        return events.MoveToImmutable();
    }

    /// <summary>References to fighting ("in the conflict", "razboiul") belong to the violent event of the same status the text reports, when there is one.</summary>
    private static void MergeWeak(List<Group> groups)
    {
        foreach (var weak in groups.Where(g => g.Frames.All(f => f.IsWeak)).ToList())
        {
            var target = groups.FirstOrDefault(g => g != weak && g.Status == weak.Status && !g.Frames.All(f => f.IsWeak) && IsViolent(g.Frames[0]) && !g.Frames[0].IsStatement);
            if (target is null) continue;
            target.Frames.AddRange(weak.Frames);
            groups.Remove(weak);
        }
    }

    /// <summary>
    /// Finds the event a figure joins: the event of the figure's own sentence, nearest trigger first, statements
    /// excluded; else the violent event told before it (or, failing that, after it), current if the figure is.
    /// Frames are indexed by sentence once, so a long text's figures do not each walk all of its frames.
    /// </summary>
    private sealed class GroupIndex
    {
        private readonly Dictionary<int, List<(EventFrame Frame, Group Group)>> _bySentence = [];
        private readonly List<(Group Group, int FirstSentence)> _violent = [];

        public GroupIndex(List<Group> groups)
        {
            foreach (var group in groups) Add(group);
        }

        public void Add(Group group)
        {
            foreach (var frame in group.Frames)
            {
                if (frame.IsStatement) continue;
                if (!_bySentence.TryGetValue(frame.Sentence, out var list)) _bySentence[frame.Sentence] = list = [];
                list.Add((frame, group));
            }
            if (!group.Frames[0].IsStatement && IsViolent(group.Frames[0])) _violent.Add((group, group.Frames.Min(f => f.Sentence)));
        }

        public Group? Find(CasualtyFrame casualty)
        {
            Group? best = null;
            var bestDistance = int.MaxValue;
            if (_bySentence.TryGetValue(casualty.Sentence, out var own))
            {
                foreach (var (frame, group) in own)
                {
                    var distance = Math.Abs(frame.AnchorToken - casualty.AnchorToken);
                    if (distance < bestDistance) { best = group; bestDistance = distance; }
                }
            }
            if (best is not null) return best;
            // The earliest of those told before it, current ones first; else the earliest of all (first found on ties, as a stable sort gives).
            (Group Group, int Rank, int First)? before = null;
            (Group Group, int First)? any = null;
            foreach (var (group, first) in _violent)
            {
                if (group.Status != EventStatus.Current && group.Status != casualty.Status) continue;
                if (any is null || first < any.Value.First) any = (group, first);
                var rank = group.Status == EventStatus.Current ? 0 : 1;
                if (first <= casualty.Sentence && (before is null || rank < before.Value.Rank || (rank == before.Value.Rank && first < before.Value.First))) before = (group, rank, first);
            }
            return before?.Group ?? any?.Group;
        }
    }

    private static bool IsViolent(EventFrame frame) => frame.EventType is "Battles" or "Explosions/Remote violence" or "Violence against civilians" or "Riots" or "Protests";

    private EventRecord Build(Group group, int number)
    {
        var frames = group.Frames.OrderByDescending(f => f.Salience).ThenBy(f => f.AnchorToken).ToList();
        var main = frames[0];
        var code = main.Code is "territory" ? TerritoryCode(main) : main.Code;
        var (eventType, subEventType) = LexiconSchema.SubEvents[code];
        var casualties = group.Casualties.Select(ToCasualty).ToImmutableArray();
        var evidence = group.Frames.Select(f => f.Sentence).Concat(group.Casualties.Select(c => c.Sentence)).Distinct().Order()
            .Select(_scan.SentenceSpan).ToImmutableArray();
        var claims = _claims.Link(group.Frames.OrderBy(f => f.AnchorToken).ToList(), group.Casualties);
        var location = _locations.Resolve(frames);
        // A current death or wound is evidence of violence besides the event word itself.
        var toll = group.Casualties.Any(c => c.Status == EventStatus.Current && c.Outcome is "killed" or "wounded");
        var confidence = Math.Min(0.95, 0.4 + (0.05 * main.Salience) + (main.Attribution is not null ? 0.1 : 0) + (location is not null ? 0.05 : 0) + (toll ? 0.1 : 0));
        return new EventRecord(
            "e" + number.ToString(CultureInfo.InvariantCulture),
            eventType,
            subEventType,
            group.Status,
            DateOf(group),
            location,
            _actors.Resolve(frames, location?.Country),
            FatalityReconciler.Reconcile(group.Casualties),
            casualties,
            claims,
            evidence,
            Math.Round(confidence, 2));
    }

    /// <summary>
    /// Who gained the ground decides (ACLED): a state's forces taking it regain territory, a non-state side
    /// (rebels, separatists, militias, de facto forces) taking it overtakes territory. The gainer is the side
    /// named nearest before the trigger in its sentence (a named actor or a group noun: "rebels", "troops"), or
    /// in the passive the one after "by" ("the town was captured by rebels").
    /// </summary>
    private string TerritoryCode(EventFrame frame)
    {
        var s = _scan.Text.Sentences[frame.Sentence];
        ActorMention? gainer;
        bool? noun;
        if (frame.Anchor is { } anchor && _voice.IsPassive(anchor))
        {
            var doer = _voice.DoerStart(anchor);
            gainer = _voice.Doer(anchor) is { Kind: not ActorMentionKind.Organisation } named ? named : null;
            noun = doer < 0 ? null : GainerNoun(frame.Sentence, doer, Math.Min(s.EndToken, doer + PassiveVoice.DoerReach + 1));
        }
        else
        {
            gainer = _scan.ActorsIn(s.FirstToken, frame.AnchorToken).LastOrDefault(a => a.Kind != ActorMentionKind.Media && a.Kind != ActorMentionKind.Organisation);
            noun = GainerNoun(frame.Sentence, gainer?.FirstToken ?? s.FirstToken, frame.AnchorToken);
        }
        if (noun is { } isState) return isState ? "government-regains-territory" : "non-state-overtakes-territory";
        if (gainer is null && frame.Attribution?.SideKey is { } side)
        {
            gainer = _scan.Actors.FirstOrDefault(a => string.Equals(ActorNaming.SideKey(a), side, StringComparison.Ordinal));
            if (gainer is null) return "non-state-overtakes-territory";
        }
        return gainer is null || IsStateSide(gainer) ? "government-regains-territory" : "non-state-overtakes-territory";
    }

    private static bool IsStateSide(ActorMention actor) =>
        actor.Kind is ActorMentionKind.State or ActorMentionKind.Demonym
        || (actor.Kind is ActorMentionKind.Group && actor.ContractKind is "government" or "state-forces" or "external-forces");

    /// <summary>
    /// The last group noun in tokens [from, anchor) of the sentence: true for a state's forces (military,
    /// police), false for a non-state side (combatants, separatists); null when none names the gainer.
    /// </summary>
    private bool? GainerNoun(int sentence, int from, int anchor)
    {
        var last = -1;
        bool? isState = null;
        foreach (var m in _scan.In(LexiconKind.Victims, sentence))
        {
            if (m.FirstToken < from || m.FirstToken >= anchor || m.FirstToken <= last) continue;
            var category = m.Entry.Field(0);
            if (category is not ("military" or "police" or "combatant")) continue;
            last = m.FirstToken;
            isState = category is not "combatant";
        }
        foreach (var m in _scan.In(LexiconKind.Sides, sentence))
        {
            // A separatist word right before the noun qualifies it: "separatist forces" are not the state's.
            if (m.FirstToken < from || m.FirstToken >= anchor || m.FirstToken < last - 1 || m.Entry.Field(0) is not "separatists") continue;
            last = m.FirstToken;
            isState = false;
        }
        return isState;
    }

    /// <summary>
    /// The date told in the event's first sentence; else the last calendar date told before it (a story goes on
    /// in the day it named); else the first date of the text; else the publication date.
    /// </summary>
    private DateRange? DateOf(Group group)
    {
        var sentence = group.Frames.Where(f => !f.IsWeak).Select(f => f.Sentence).DefaultIfEmpty(group.Frames.Min(f => f.Sentence)).Min();
        if (group.Status == EventStatus.Historical) return HistoricalDate(group);
        var dates = _dateIndex ??= new DateIndex(_dates, _scan);
        return (dates.FirstIn(sentence) ?? dates.LastCalendarBefore(sentence) ?? dates.First)?.Range ?? DateReader.FromPublication(_scan.Published);
    }

    private DateIndex? _dateIndex;

    /// <summary>The dates told (comparisons aside) by sentence, built once: each event asks for its own sentence's.</summary>
    private sealed class DateIndex
    {
        private readonly Dictionary<int, DateMention> _firstBySentence = [];
        private readonly List<int> _calendarSentences = [];
        private readonly List<DateMention> _calendar = [];

        public DateIndex(ImmutableArray<DateMention> dates, DocumentScan scan)
        {
            // Dates come in text order.
            foreach (var date in dates)
            {
                if (date.IsComparison) continue;
                First ??= date;
                var at = scan.Tokens[date.FirstToken].Sentence;
                _firstBySentence.TryAdd(at, date);
                if (date.IsCalendar) { _calendarSentences.Add(at); _calendar.Add(date); }
            }
        }

        public DateMention? First { get; }

        public DateMention? FirstIn(int sentence) => _firstBySentence.GetValueOrDefault(sentence);

        public DateMention? LastCalendarBefore(int sentence)
        {
            int low = 0, high = _calendarSentences.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (_calendarSentences[middle] < sentence) low = middle + 1;
                else high = middle;
            }
            return low == 0 ? null : _calendar[low - 1];
        }
    }

    /// <summary>
    /// A historical event (a past war's toll) happened before publication, so it never takes the publication
    /// date nor the story's dates: only a date or a year told in its own sentences ("in 1994", "the 1990s"
    /// as the decade's years); else no date.
    /// </summary>
    private DateRange? HistoricalDate(Group group)
    {
        var sentences = group.Frames.Select(f => f.Sentence).Concat(group.Casualties.Select(c => c.Sentence)).ToHashSet();
        var publishedStart = DateReader.FromPublication(_scan.Published)?.Start ?? "9999";
        foreach (var date in _dates)
        {
            // Only a calendar date before publication: "on Sunday" in the same sentence dates the report, not the past.
            if (!date.IsComparison && date.IsCalendar && string.CompareOrdinal(date.Range.Start, publishedStart) < 0
                && sentences.Contains(_scan.Tokens[date.FirstToken].Sentence)) return date.Range;
        }
        var published = _scan.Published?.Year;
        foreach (var year in _years)
        {
            if (year.IsComparison || year.Year >= published || !sentences.Contains(_scan.Tokens[year.Token].Sentence)) continue;
            var last = year.Year;
            var end = year.Token + 1;
            // "1990s": the decade, when the year is round and "s" is glued to it.
            if (year.Year % 10 == 0 && end < _scan.Tokens.Length && _scan.Tokens[end].Start == _scan.Tokens[year.Token].End && _scan.Folded(end) is "s")
            {
                last = year.Year + 9;
                end++;
            }
            var span = _scan.TokenSpan(year.Token, end);
            return new DateRange(
                year.Year.ToString("D4", CultureInfo.InvariantCulture) + "-01-01",
                last.ToString("D4", CultureInfo.InvariantCulture) + "-12-31",
                "year",
                _scan.OriginalText(span));
        }
        return null;
    }

    private Casualty ToCasualty(CasualtyFrame frame)
    {
        var a = frame.Attribution;
        var attribution = a is null ? null : new Output.Attribution(a.Claimant, a.Via, a.Evidence.Start, a.Evidence.End);
        return new Casualty(frame.Outcome, frame.Count?.Count, frame.Victims, frame.Status, attribution, frame.Evidence);
    }

    private sealed class Group(string key, string status)
    {
        public string Key { get; } = key;

        public string Status { get; } = status;

        public List<EventFrame> Frames { get; } = [];

        public List<CasualtyFrame> Casualties { get; } = [];
    }
}
