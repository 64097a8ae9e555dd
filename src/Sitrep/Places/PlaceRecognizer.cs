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
/// administrative cue; months never are places; small or unknown places need a cue or a country the
/// text is about; a name glued to other capitalised words ("Victoria Mendes", "Bar-Sanguun",
/// "Leon de los Aldama") is part of a longer name the gazetteer lacks.</item>
/// <item>Focus: countries named, implied by demonyms, by actors or by unambiguous places are counted first.</item>
/// <item>Resolution: each entry is scored by what it is, its population, whether its country is in
/// focus, and whether it lies inside the place named next ("Miznaz in Aleppo", "Lalbagh area of Dhaka");
/// twice, the second time with the countries of the places chosen the first time.</item>
/// </list>
/// Built once and shared; the gazetteer loads on the first call. Thread-safe.
/// </summary>
public sealed class PlaceRecognizer
{
    private const long LargePlace = 100_000;
    private const long KnownPlace = 1_000;
    private const long BigCity = 500_000;
    // A city this large is named as a place or a government ("Moscow said"), hardly ever as a person.
    private const long MillionCity = 1_000_000;
    private const double SeatBonus = 4;
    private const double SeatRadiusKm = 300;
    private const double CoherenceBonus = 4;
    private const double NeighbourKm = 100;
    private const double IsolationKm = 150;
    // Enough to outweigh a namesake a few thousand people larger: villages near a front line are often listed
    // without population.
    private const double DisputedBonus = 4;
    // The other places a place is judged against (coherence, isolation) are those named nearest it, at most this
    // many on each side: an article names far fewer, and a whole long text's would make the judgement quadratic.
    private const int ContextReach = 48;
    private const double HomePrior = 1;
    private const string ArabicArticle = "al ";

    private readonly Lazy<Gazetteer> _gazetteer;
    private readonly Lazy<FuzzyPlaceMatcher> _fuzzy;
    private readonly ActorRecognizer _actors = new();

    public PlaceRecognizer()
        : this(() => Gazetteer.Default)
    {
    }

    internal PlaceRecognizer(Func<Gazetteer> gazetteer)
    {
        _gazetteer = new Lazy<Gazetteer>(gazetteer, LazyThreadSafetyMode.ExecutionAndPublication);
        _fuzzy = new Lazy<FuzzyPlaceMatcher>(() => new FuzzyPlaceMatcher(_gazetteer.Value), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private sealed class Candidate
    {
        public required int First { get; init; }
        public required int Count { get; init; }
        public required List<GazetteerEntry> Entries { get; init; }
        public bool Stopword { get; init; }
        /// <summary>A name many countries give an area ("Central", "Northern"): a place only in a country the text is about.</summary>
        public bool Generic { get; init; }
        public bool Locative { get; init; }
        public bool AreaCue { get; init; }
        public bool AdminCue { get; init; }
        /// <summary>Inside a longer name that is not this place's: a street's, a person's ("Ducele de X").</summary>
        public bool InName { get; init; }
        /// <summary>Closing an institution's name as its jurisdiction ("Consiliul Judetean X").</summary>
        public bool InInstitutionName { get; init; }
        /// <summary>After a title or a first name ("lui X", "President X", "Mark X"), or starting with a first name ("Ion Creanga").</summary>
        public bool AfterTitle { get; set; }
        /// <summary>Beside a verb of saying ("X said", "a declarat X").</summary>
        public bool Speech { get; init; }
        /// <summary>One word that is a common first name or surname ("Harris", "Sandu").</summary>
        public bool PersonName { get; init; }
        /// <summary>Its only locative cue also marks an agent or an owner ("de X", "of X").</summary>
        public bool WeakLocative { get; init; }
        /// <summary>The agent of a passive or a companion ("condusa de X", "alaturi de X").</summary>
        public bool Agent { get; init; }
        /// <summary>Its name is a person's elsewhere in the text ("Mark X ... X added").</summary>
        public bool KnownPerson { get; set; }
        /// <summary>Tokens before <see cref="First"/> that belong to the mention: a geographic noun ("raul X").</summary>
        public int Lead { get; init; }
        /// <summary>Joined by a hyphen to another place, as in a route ("Arad-Deva"): two names, not one.</summary>
        public bool Paired { get; set; }
        /// <summary>One of three or more places listed together ("A, B, C si D"): the list says places are meant.</summary>
        public bool Listed { get; set; }
        public Candidate? Container { get; set; }
        public Candidate? Inner { get; set; }
        public bool Misplaced { get; set; }
        public bool IsContainer { get; set; }
        public GazetteerEntry? Chosen { get; set; }

        public int End => First + Count;

        public bool HasKind(Func<GazetteerEntryKind, bool> kind) => Entries.Exists(e => kind(e.Kind));

        public bool IsArea => HasKind(k => k is GazetteerEntryKind.Country or GazetteerEntryKind.DeFacto or GazetteerEntryKind.Region or GazetteerEntryKind.Multinational);

        public bool Strong => IsArea || HasKind(k => k is GazetteerEntryKind.Admin1 or GazetteerEntryKind.Capital) || Entries.Exists(e => e.Population >= LargePlace);

        public bool Evidence => Locative || AreaCue || Container is not null || IsContainer || Lead > 0 || Listed;

        /// <summary>A place cue that a person's name cannot have: a weak preposition alone ("de X") is not one.</summary>
        public bool PlaceEvidence => (Locative && !WeakLocative) || AreaCue || Container is not null || IsContainer || Lead > 0 || Listed;

        /// <summary>States, areas, capitals and very large cities keep their place reading beside a person's cue ("Moscow said").</summary>
        public bool KeepsPlaceReading => IsArea || HasKind(k => k is GazetteerEntryKind.Admin1 or GazetteerEntryKind.Capital) || MaxPopulation >= MillionCity;

        public long MaxPopulation => Entries.Max(e => e.Population);
    }

    /// <summary>The places of a text.</summary>
    /// <param name="homeCountry">The publishing outlet's home (ISO alpha-3): counted as if the text named it once.</param>
    public ImmutableArray<PlaceMention> Find(AnalyzedText text, string? homeCountry = null) => Analyze(text, homeCountry).Mentions;

    /// <summary>The places of a text and the countries it is about.</summary>
    /// <param name="homeCountry">The publishing outlet's home (ISO alpha-3): counted as if the text named it once.</param>
    public PlaceFindings Analyze(AnalyzedText text, string? homeCountry = null)
    {
        var gazetteer = _gazetteer.Value;
        var cues = PlaceCuesHolder.Default;
        var blocked = new bool[text.Tokens.Length];
        var focus = new Dictionary<string, double>(StringComparer.Ordinal);
        // A local paper's "Tripoli" is its own country's: the outlet's home weighs as a country the text names.
        if (homeCountry is { Length: > 0 }) Add(focus, homeCountry, HomePrior);
        foreach (var actor in _actors.Find(text))
        {
            if (actor.Kind is ActorMentionKind.State or ActorMentionKind.DeFacto)
            {
                if (actor.Kind == ActorMentionKind.DeFacto && actor.Country is { } side) Add(focus, side, 0.5);
                continue;
            }
            for (var t = actor.FirstToken; t < actor.FirstToken + actor.TokenCount; t++) blocked[t] = true;
            if (actor.Country is not { } country) continue;
            if (actor.Kind == ActorMentionKind.Demonym) Add(focus, country, 1);
            else if (actor.Kind is ActorMentionKind.Group or ActorMentionKind.Organisation) Add(focus, country, 0.5);
        }

        var candidates = FindCandidates(text, gazetteer, cues, blocked);
        LinkContainers(text, cues, candidates);
        var persons = MarkPersons(text, candidates);
        foreach (var candidate in candidates)
        {
            if (!candidate.Stopword && !cues.HasNotPlaceAfter(text, candidate.End)
                && candidate.Entries.Find(e => e.Kind == GazetteerEntryKind.Country) is { } named)
            {
                Add(focus, named.Country, 1);
            }
        }
        var kept = candidates.Where(c => Keep(text, cues, c, focus) && !cues.HasNotPlaceBefore(text, c.First)).ToList();
        // "Dowa (Central)": of the areas called so, only those of the countries the text is about are meant.
        foreach (var candidate in kept.Where(c => c.Generic)) candidate.Entries.RemoveAll(e => !focus.ContainsKey(e.Country));
        foreach (var candidate in kept)
        {
            // A name all of whose readings lie in one country points to it, more weakly than the country's own name.
            if (!candidate.HasKind(k => k == GazetteerEntryKind.Country) && candidate.Entries.TrueForAll(e => e.Country == candidate.Entries[0].Country)
                && candidate.Entries[0].Country.Length > 0)
            {
                Add(focus, candidate.Entries[0].Country, 0.5);
            }
        }

        Resolve(gazetteer, kept, focus);
        // Second round: the places chosen tell more about the text's countries.
        var refined = new Dictionary<string, double>(focus, StringComparer.Ordinal);
        foreach (var candidate in kept)
        {
            if (candidate.Chosen!.Kind != GazetteerEntryKind.Country && candidate.Chosen.Country.Length > 0) Add(refined, candidate.Chosen.Country, 0.5);
        }
        Resolve(gazetteer, kept, refined);
        // Third round: namesakes inside one country are told apart by the other places chosen.
        Resolve(gazetteer, kept, refined, kept);
        // A small place abroad while the text is plainly about another country is a misreading: the text
        // most likely spells a place of that country differently.
        var main = refined.Count == 0 ? null : refined.MaxBy(p => p.Value).Key;
        var focusCountries = refined.Where(p => p.Value >= 1 && p.Key.Length > 0).OrderByDescending(p => p.Value).Take(2).Select(p => p.Key).ToList();
        if (main is not null && refined[main] >= 1)
        {
            for (var k = kept.Count - 1; k >= 0; k--)
            {
                var c = kept[k];
                if (!(c.Chosen!.Kind is GazetteerEntryKind.Locality or GazetteerEntryKind.Seat or GazetteerEntryKind.Admin2
                    && c.Chosen.Population < LargePlace && refined.GetValueOrDefault(c.Chosen.Country) < 0.75 && c.Container is null))
                {
                    continue;
                }
                if (Fuzzy(text, c.First, c.Count, focusCountries) is { } respelled && !Isolated(respelled, c, kept, loose: true)) c.Chosen = respelled;
                else kept.RemoveAt(k);
            }
        }
        if (focusCountries.Count > 0 && AddRespelled(text, cues, blocked, candidates, kept, focusCountries, persons))
        {
            // A respelled name can sit inside the next place ("Kishindih district, Balkh"): link and choose again.
            LinkContainers(text, cues, kept);
            Resolve(gazetteer, kept, refined, kept);
        }

        var countries = refined.Where(p => p.Key.Length > 0)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new CountryFocus(p.Key, p.Value)).ToImmutableArray();
        var mainCountry = countries.IsEmpty ? null : countries[0].Iso3;
        var dateline = Dateline(text, kept);
        var mentions = ImmutableArray.CreateBuilder<PlaceMention>(kept.Count);
        var keptSet = kept.ToHashSet();
        foreach (var candidate in kept)
        {
            var entry = candidate.Chosen!;
            var first = text.Tokens[candidate.First - candidate.Lead];
            var last = text.Tokens[candidate.End - 1];
            mentions.Add(new PlaceMention(first.Start, last.End, candidate.First - candidate.Lead, candidate.Count + candidate.Lead, entry.Name, entry.Country,
                entry.Admin1.Length == 0 ? null : entry.Admin1, entry.Lat, entry.Lon, entry.Precision,
                entry.GeonamesId > 0 ? entry.GeonamesId : null)
            {
                Isolated = Isolated(entry, candidate, kept),
                InMainCountry = string.Equals(entry.Country, mainCountry, StringComparison.Ordinal),
                District = entry.Kind == GazetteerEntryKind.Admin2,
                HoldsAnother = candidate.Inner is { } inner && keptSet.Contains(inner),
                Dateline = ReferenceEquals(candidate, dateline),
                Cued = candidate.Locative || candidate.AreaCue || candidate.Container is not null || cues.HasLocativeBefore(text, candidate.First),
            });
        }
        return new PlaceFindings(mentions.ToImmutable(), countries);
    }

    /// <summary>The kept place that is the text's dateline ("KABUL, May 3 (Reuters) -"), or null.</summary>
    private static Candidate? Dateline(AnalyzedText text, List<Candidate> kept)
    {
        var length = DatelineReader.PlaceLength(text);
        return length > 0 && kept.Count > 0 && kept[0].First - kept[0].Lead == 0 && kept[0].End <= length ? kept[0] : null;
    }

    private GazetteerEntry? Fuzzy(AnalyzedText text, int first, int count, List<string> countries)
    {
        Span<char> buffer = stackalloc char[NameKey.MaxLength];
        var length = SpanKeys.Build(text, first, count, buffer);
        if (length <= 0) return null;
        foreach (var country in countries)
        {
            if (_fuzzy.Value.Find(buffer[..length], country) is { } entry) return entry;
        }
        return null;
    }

    /// <summary>
    /// Names the gazetteer lacks where the text says a place is meant ("near Trudovskiye", "village of X"):
    /// one to three capitalised words right after a locative or administrative cue, matched loosely
    /// against the places of the countries the text is about. Whether any was added.
    /// </summary>
    private bool AddRespelled(AnalyzedText text, PlaceCues cues, bool[] blocked, List<Candidate> all, List<Candidate> kept, List<string> countries, HashSet<string> persons)
    {
        var people = PersonCues.Default;
        var known = persons.GetAlternateLookup<ReadOnlySpan<char>>();
        var added = false;
        var tokens = text.Tokens;
        var covered = new bool[tokens.Length];
        foreach (var c in all)
        {
            for (var t = c.First; t < c.End; t++) covered[t] = true;
        }
        Span<char> buffer = stackalloc char[NameKey.MaxLength];
        for (var i = 0; i < tokens.Length; i++)
        {
            if (covered[i] || blocked[i] || !CapitalisedWord(text, i)) continue;
            if (!cues.HasLocativeBefore(text, i) && !cues.HasAreaBefore(text, i)) continue;
            // A person's name is not respelled into a village ("de Marcel", "of Harris", "alaturi de X", "X said").
            var word = text.FoldedOf(tokens[i]);
            if (people.IsPersonName(word) || known.Contains(word) || people.AfterTitleOrGivenName(text, i) || people.AfterAgentCue(text, i)
                || people.BesideSpeech(text, i, i + 1))
            {
                continue;
            }
            var sentence = tokens[i].Sentence;
            var end = i + 1;
            while (end < tokens.Length && end - i < 5 && tokens[end].Sentence == sentence && !covered[end] && !blocked[end]
                && (CapitalisedWord(text, end) || (IsHyphen(text, end) && end + 1 < tokens.Length && tokens[end + 1].Start == tokens[end].End)))
            {
                end++;
            }
            if (IsHyphen(text, end - 1)) end--;
            var length = SpanKeys.Build(text, i, end - i, buffer);
            if (length <= 0 || cues.IsStopword(buffer[..length]) || cues.IsNotPlace(buffer[..length])) continue;
            GazetteerEntry? found = null;
            foreach (var country in countries)
            {
                found = _fuzzy.Value.Find(buffer[..length], country);
                if (found is not null) break;
            }
            // A loose match far from every other place of its country named in the text is a different place.
            if (found is null || Isolated(found, null, kept, loose: true, near: i)) continue;
            var candidate = new Candidate { First = i, Count = end - i, Entries = [found], Chosen = found };
            var at = kept.FindIndex(c => c.First > i);
            kept.Insert(at < 0 ? kept.Count : at, candidate);
            added = true;
            i = end - 1;
        }
        return added;
    }

    private static void Add(Dictionary<string, double> focus, string country, double weight) =>
        focus[country] = focus.GetValueOrDefault(country) + weight;

    private static void Resolve(Gazetteer gazetteer, List<Candidate> kept, Dictionary<string, double> focus, List<Candidate>? context = null)
    {
        // Containers first ("Aleppo" before "Miznaz in Aleppo"), so the contained place is checked against their choice.
        foreach (var candidate in kept.Where(c => c.IsContainer && c.Container is null)) candidate.Chosen = Choose(gazetteer, candidate, focus, context);
        foreach (var candidate in kept.Where(c => c.IsContainer && c.Container is not null)) candidate.Chosen = Choose(gazetteer, candidate, focus, context);
        foreach (var candidate in kept.Where(c => !c.IsContainer)) candidate.Chosen = Choose(gazetteer, candidate, focus, context);
    }

    /// <summary>
    /// How well a reading fits the other places the text names (their current choices): inside a province or
    /// region it names, or near a town it names. Namesakes of one country ("Hamirpur" in three states) are told
    /// apart this way.
    /// </summary>
    private static double Coherence(GazetteerEntry entry, Candidate self, List<Candidate> context)
    {
        if (entry.Kind is not (GazetteerEntryKind.Locality or GazetteerEntryKind.Seat or GazetteerEntryKind.Admin2 or GazetteerEntryKind.Capital)) return 0;
        double best = 0;
        var (from, to) = Nearby(context, self.First);
        for (var k = from; k < to; k++)
        {
            var other = context[k];
            if (ReferenceEquals(other, self) || other.Chosen is not { } chosen || SameName(other, self)) continue;
            if (chosen.Kind is GazetteerEntryKind.Admin1 or GazetteerEntryKind.Region or GazetteerEntryKind.DeFacto && Contains(chosen, entry)) return CoherenceBonus;
            if (chosen.Kind is GazetteerEntryKind.Locality or GazetteerEntryKind.Seat or GazetteerEntryKind.Admin2 or GazetteerEntryKind.Capital
                && string.Equals(chosen.Country, entry.Country, StringComparison.Ordinal)
                && GeoDistance.Km(chosen.Lat, chosen.Lon, entry.Lat, entry.Lon) < NeighbourKm)
            {
                best = CoherenceBonus / 2;
            }
        }
        return best;
    }

    /// <summary>The range of <paramref name="context"/> (in text order) within <see cref="ContextReach"/> places of a token.</summary>
    private static (int From, int To) Nearby(List<Candidate> context, int token)
    {
        int low = 0, high = context.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (context[middle].First < token) low = middle + 1;
            else high = middle;
        }
        return (Math.Max(0, low - ContextReach), Math.Min(context.Count, low + ContextReach + 1));
    }

    /// <summary>Two mentions of one name ("Taizz (Salh, Taizz)") do not vouch for each other.</summary>
    private static bool SameName(Candidate a, Candidate b) => a.Entries.Exists(b.Entries.Contains);

    /// <summary>
    /// A small place outside the province or region the text names in its country and far from every other
    /// place named there, with nothing tying it to them: most likely a namesake of a place the gazetteer lacks
    /// ("Colonia La Jauja" in a text about Jalisco). Two towns far apart with no province named are both
    /// plausible ("in Lida, in solidarity with Brest"), so a name that can be an area is required ("Donetsk" is
    /// both), except for a loose match (<paramref name="loose"/>), which any other place of its country outweighs.
    /// </summary>
    private static bool Isolated(GazetteerEntry entry, Candidate? self, List<Candidate> context, bool loose = false, int near = 0)
    {
        if (entry.Kind is not (GazetteerEntryKind.Locality or GazetteerEntryKind.Seat or GazetteerEntryKind.Admin2) || (entry.Population >= LargePlace && !loose)) return false;
        if (self?.Container is not null) return false;
        var area = false;
        var (from, to) = Nearby(context, self?.First ?? near);
        for (var k = from; k < to; k++)
        {
            var other = context[k];
            if (ReferenceEquals(other, self) || other.Chosen is not { } chosen || (self is not null && SameName(other, self))) continue;
            if (!string.Equals(chosen.Country, entry.Country, StringComparison.Ordinal) || chosen.Kind is GazetteerEntryKind.Country) continue;
            if (Contains(chosen, entry) || GeoDistance.Km(chosen.Lat, chosen.Lon, entry.Lat, entry.Lon) < IsolationKm) return false;
            area |= loose || chosen.Kind == GazetteerEntryKind.Admin2 || other.HasKind(k => k is GazetteerEntryKind.Admin1 or GazetteerEntryKind.Region or GazetteerEntryKind.DeFacto);
        }
        return area;
    }

    private static List<Candidate> FindCandidates(AnalyzedText text, Gazetteer gazetteer, PlaceCues cues, bool[] blocked)
    {
        var tokens = text.Tokens;
        var list = new List<Candidate>();
        Span<char> buffer = stackalloc char[NameKey.MaxLength];
        Span<char> variant = stackalloc char[NameKey.MaxLength + 4];
        Span<char> firstWord = stackalloc char[NameKey.MaxLength];
        Span<int> words = stackalloc int[SpanKeys.MaxTokens + 1];
        var romanian = SpanKeys.AllowsRomanianEndings(text);
        var names = PlaceNameContext.Default;
        var people = PersonCues.Default;
        var filter = SpanKeys.EndingsKeepFirstWord(cues.Suffixes);
        var i = 0;
        while (i < tokens.Length)
        {
            if (blocked[i] || tokens[i].Kind is not (TokenKind.Word or TokenKind.Number)) { i++; continue; }
            Candidate? found = null;
            var max = Math.Min(SpanKeys.MaxTokens, tokens.Length - i);
            // Spans whose key has more words than any name starting with its first word are skipped unbuilt.
            var most = int.MaxValue;
            var wordEnd = -1;
            var wordLength = filter ? SpanKeys.FirstWord(text, i, firstWord, out wordEnd) : -1;
            if (wordLength > 0)
            {
                most = gazetteer.MostWords(firstWord[..wordLength]);
                SpanKeys.CountWords(text, i, max, wordEnd, words);
            }
            for (var count = max; count >= 1 && found is null; count--)
            {
                if (most != int.MaxValue && words[count] > most) continue;
                if (Blocked(blocked, i, count)) continue;
                var length = SpanKeys.Build(text, i, count, buffer, firstWord, wordLength, wordEnd);
                if (length <= 0) continue;
                if (count == 1 && cues.IsNotPlace(buffer[..length])) continue;
                var surface = SpanKeys.Surface(text, i, count);
                var entries = Accepted(gazetteer, buffer[..length], surface);
                // An Arabic name's final -ah (ta marbuta) is often written -a ("Al Jazira", "Rutba"): a name the
                // gazetteer lacks is looked up with the h. Not a word in capitals: "NAFTA" is an acronym, not a respelling.
                if (entries is null && buffer[length - 1] == 'a' && surface.Length > 0 && surface[^1] == 'a' && length < variant.Length)
                {
                    buffer[..length].CopyTo(variant);
                    variant[length] = 'h';
                    entries = Accepted(gazetteer, variant[..(length + 1)], surface);
                }
                // Arabic place names lose their article in English and Romanian text ("Qamishli" for Al Qamishli, "Bab"
                // for Al Bab): a single name the gazetteer lacks is looked up with it.
                if (entries is null && count == 1 && length + ArabicArticle.Length <= variant.Length)
                {
                    ArabicArticle.CopyTo(variant);
                    buffer[..length].CopyTo(variant[ArabicArticle.Length..]);
                    entries = Accepted(gazetteer, variant[..(ArabicArticle.Length + length)], surface);
                }
                var inflected = false;
                if (entries is null && romanian)
                {
                    inflected = true;
                    // Longest ending first; a later reading in a home state wins over one abroad ("Sibiului" is
                    // Sibiu, not a Sibi of Mali).
                    foreach (var (ending, replacement) in cues.Suffixes)
                    {
                        var n = SpanKeys.WithEnding(buffer[..length], ending, replacement, variant);
                        if (n <= 0 || Accepted(gazetteer, variant[..n], surface) is not { } declined) continue;
                        if (entries is null) entries = declined;
                        else if (declined.Exists(e => names.IsHomeCountry(e.Country))) { entries = declined; break; }
                        if (entries.Exists(e => names.IsHomeCountry(e.Country))) break;
                    }
                }
                // An acronym ("NAS", "ADF") names a group or a body; a town spelled like it is not meant. A state, an area
                // or a capital keeps its reading ("UK", "DRC", "GAZA" in a dateline).
                if (entries is not null && count == 1 && Acronym(text, i)) entries = entries.FindAll(e => e.Kind is not (GazetteerEntryKind.Locality or GazetteerEntryKind.Seat or GazetteerEntryKind.Admin2));
                if (entries is null || entries.Count == 0) continue;
                // Romanian names around the place say whether it is meant ("Liceul X", "strada X", "raul X").
                var inName = romanian && ((count == 1 && names.IsInstitution(buffer[..length]))
                    || names.AfterStreetWord(text, i) || names.AfterNameParticle(text, i));
                var inInstitution = romanian && !inName && names.InsideInstitutionName(text, i);
                var lead = romanian && !inName && !inInstitution ? names.FeatureLead(text, i) : 0;
                if (lead == 0 && cues.HasArticleBefore(text, i)) lead = 1;
                found = new Candidate
                {
                    First = i,
                    Count = count,
                    Entries = entries,
                    Stopword = cues.IsStopword(buffer[..length]),
                    Generic = cues.IsGeneric(buffer[..length]),
                    Locative = cues.HasLocativeBefore(text, i - lead),
                    AreaCue = cues.HasAreaBefore(text, i) || cues.HasAreaAfter(text, i + count) || InsideParentheses(text, i),
                    AdminCue = cues.HasAdminCue(text, i, i + count),
                    InName = inName,
                    InInstitutionName = inInstitution,
                    // A declined name after a title is the office's place, not the holder ("primarul Craiovei").
                    AfterTitle = (!(romanian && (inflected || cues.HasGenitiveEnding(text.FoldedOf(tokens[i + count - 1])))) && people.AfterTitleOrGivenName(text, i)) || (romanian && people.StartsWithGivenName(text, i, count)),
                    Speech = people.BesideSpeech(text, i, i + count),
                    PersonName = count == 1 && tokens[i].Kind == TokenKind.Word && people.IsPersonName(text.FoldedOf(tokens[i])),
                    WeakLocative = people.AfterWeakLocative(text, i - lead),
                    Agent = lead == 0 && people.AfterAgentCue(text, i),
                    Lead = lead,
                };
            }
            if (found is null) { i++; continue; }
            list.Add(found);
            i += found.Count;
        }
        MarkPairs(text, list);
        MarkLists(text, list);
        return list;
    }

    /// <summary>Marks runs of three or more places joined by commas or a list conjunction ("A, B, C si D").</summary>
    private static void MarkLists(AnalyzedText text, List<Candidate> candidates)
    {
        var start = 0;
        for (var k = 1; k <= candidates.Count; k++)
        {
            if (k < candidates.Count && Joined(text, candidates[k - 1], candidates[k])) continue;
            if (k - start >= 3)
            {
                for (var m = start; m < k; m++) candidates[m].Listed = true;
            }
            start = k;
        }
    }

    private static bool Joined(AnalyzedText text, Candidate left, Candidate right)
    {
        if (right.First != left.End + 1) return false;
        var between = text.FoldedOf(text.Tokens[left.End]);
        return between.SequenceEqual(",") || PlaceNameContext.Default.IsListJoiner(between);
    }

    /// <summary>Marks places joined by one hyphen with no space ("Arad-Deva", "Israel-Gaza"): each is a name of its own.</summary>
    private static void MarkPairs(AnalyzedText text, List<Candidate> candidates)
    {
        var tokens = text.Tokens;
        for (var k = 0; k + 1 < candidates.Count; k++)
        {
            var left = candidates[k];
            var right = candidates[k + 1];
            if (right.First != left.End + 1 || !IsHyphen(text, left.End)) continue;
            if (tokens[left.End].Start != tokens[left.End - 1].End || tokens[right.First].Start != tokens[left.End].End) continue;
            left.Paired = true;
            right.Paired = true;
        }
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
            if (!NameKey.Accepts(hit.Rule, surface)) continue;
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
            // "Lyubopil, regiunea Odesa", "X, district of Y": the link may name the kind of area before its name.
            if (after >= 0 && after < outer.First) after += cues.AreaBeforeLength(text, outer.First);
            if (after != outer.First) continue;
            if (!inner.Entries.Exists(e => outer.Entries.Exists(o => Contains(o, e))))
            {
                // "Kamianka, Donetsk" where no Kamianka of the gazetteer lies in Donetsk: an unknown village;
                // the area or the city after it is the better location ("Ermita, Manila": a district of the city).
                // Not so in a list ("A, B, C and D").
                if (!InList(text, candidates, k)
                    && inner.Entries.TrueForAll(e => e.Kind is GazetteerEntryKind.Locality or GazetteerEntryKind.Seat or GazetteerEntryKind.Admin2 && e.Population < LargePlace)
                    && (outer.HasKind(k => k is GazetteerEntryKind.Admin1 or GazetteerEntryKind.Country or GazetteerEntryKind.DeFacto or GazetteerEntryKind.Region)
                        || outer.Entries.Exists(o => o.Kind is GazetteerEntryKind.Capital || o.Population >= LargePlace))
                    && !SameName(inner, outer))
                {
                    inner.Misplaced = true;
                }
                continue;
            }
            inner.Container = outer;
            outer.IsContainer = true;
            outer.Inner = inner;
        }
    }

    /// <summary>
    /// Whether candidates k and k+1 ("A, B") stand in a list of places: a third place right before A
    /// ("X, A, B") or right after B ("A, B, Y", "A, B si Y", "A, B and Y").
    /// </summary>
    private static bool InList(AnalyzedText text, List<Candidate> candidates, int k)
    {
        var tokens = text.Tokens;
        if (k >= 1 && candidates[k - 1].End + 1 == candidates[k].First && text.FoldedOf(tokens[candidates[k - 1].End]).SequenceEqual(",")) return true;
        if (k + 2 >= candidates.Count) return false;
        var gap = candidates[k + 2].First - candidates[k + 1].End;
        if (gap != 1) return false;
        var between = text.FoldedOf(tokens[candidates[k + 1].End]);
        return between.SequenceEqual(",") || PlaceNameContext.Default.IsListJoiner(between);
    }

    /// <summary>A place of a state whose language the text is in: a Romanian text's villages need no state named.</summary>
    private static bool Home(AnalyzedText text, GazetteerEntry e) => SpanKeys.AllowsRomanianEndings(text) && PlaceNameContext.Default.IsHomeCountry(e.Country);

    private static bool Keep(AnalyzedText text, PlaceCues cues, Candidate candidate, Dictionary<string, double> focus)
    {
        var tokens = text.Tokens;
        if (candidate.Misplaced || cues.HasNotPlaceAfter(text, candidate.End)) return false;
        if (candidate.Generic && !candidate.Entries.Exists(e => focus.ContainsKey(e.Country))) return false;
        // A state stays a place inside a body's name ("Ministerul de Interne din X"): claims are attributed by it.
        if (candidate.InName || (candidate.InInstitutionName && !candidate.HasKind(k => k is GazetteerEntryKind.Country or GazetteerEntryKind.DeFacto))
            || PersonReading(candidate))
        {
            return false;
        }
        if (candidate.Stopword)
        {
            // "in May 2020" is a date, "Police said" is not a Polish town.
            var numberAfter = candidate.End < tokens.Length && tokens[candidate.End].Kind == TokenKind.Number;
            return (candidate.Locative && !numberAfter) || candidate.AreaCue || candidate.Container is not null;
        }
        if (PartOfLongerName(text, cues, candidate)) return false;
        if (candidate.IsArea) return true;
        if (candidate.Evidence && candidate.Entries.Exists(e => e.Population >= KnownPlace || focus.ContainsKey(e.Country) || e.Kind != GazetteerEntryKind.Locality))
        {
            return true;
        }
        var sentence = text.Sentences[tokens[candidate.First].Sentence];
        var initial = candidate.First == sentence.FirstToken
            || (candidate.First == sentence.FirstToken + 1 && tokens[sentence.FirstToken].Kind != TokenKind.Word);
        if (initial && !candidate.Strong && !candidate.Entries.Exists(e => Home(text, e) && (candidate.Count > 1 || e.Population >= KnownPlace * 5))) return false;
        if (candidate.Strong) return true;
        // A village named with the area that holds it ("near X in Y province", "X, Y") is placed by that area,
        // whether or not the text named its country.
        return candidate.Entries.Exists(e => (focus.ContainsKey(e.Country) || Home(text, e)) && (e.Population >= KnownPlace || candidate.Evidence))
            || candidate.Container is not null
            || candidate.MaxPopulation >= KnownPlace * 20;
    }

    /// <summary>
    /// Whether the name is a person's here: after a title or a first name (a state keeps its reading); beside a verb of
    /// saying, named as a person elsewhere in the text, or a common first name or surname, with no place cue (states,
    /// areas, capitals and very large cities keep their reading).
    /// </summary>
    private static bool PersonReading(Candidate candidate)
    {
        if (candidate.AfterTitle && !candidate.IsArea && !candidate.Locative && !candidate.AreaCue) return true;
        if (candidate.KeepsPlaceReading) return false;
        if (candidate.Speech && !candidate.Evidence) return true;
        // A large town after "by" is more often where the agent is from ("by Boston police").
        if (candidate.Agent && !candidate.Strong && !candidate.AreaCue && candidate.Container is null && !candidate.IsContainer && !candidate.Listed) return true;
        if (candidate.KnownPerson && !candidate.PlaceEvidence) return true;
        return candidate.PersonName && !candidate.Strong && !candidate.PlaceEvidence;
    }

    /// <summary>
    /// The names this text uses for people (a title or a first name before them, a verb of saying beside them), so
    /// that the same name alone elsewhere ("Mark X ... X added") is the person too; and places joined to such a
    /// name in a list ("presedintii X, Y si Z") are people as well. Returns the folded names.
    /// </summary>
    private static HashSet<string> MarkPersons(AnalyzedText text, List<Candidate> candidates)
    {
        for (var k = 1; k < candidates.Count; k++)
        {
            var left = candidates[k - 1];
            var right = candidates[k];
            if (left.AfterTitle && !left.IsArea && !right.IsArea && !right.Locative && Joined(text, left, right)) right.AfterTitle = true;
        }
        var persons = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (c.Count != 1 || c.KeepsPlaceReading || c.Evidence) continue;
            if (c.AfterTitle || c.Speech) persons.Add(text.FoldedOf(text.Tokens[c.First]).ToString());
        }
        if (persons.Count == 0) return persons;
        var lookup = persons.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var c in candidates)
        {
            if (c.Count == 1 && lookup.Contains(text.FoldedOf(text.Tokens[c.First]))) c.KnownPerson = true;
        }
        return persons;
    }

    /// <summary>
    /// Whether the candidate is only part of a longer proper name the gazetteer lacks: a capitalised word
    /// right after it or (mid-sentence) right before it, a hyphen joining it to one, or a particle between
    /// ("Leon de los Aldama"). An administrative word after it ("Aleppo Governorate") is not such a word.
    /// </summary>
    private static bool PartOfLongerName(AnalyzedText text, PlaceCues cues, Candidate candidate)
    {
        var tokens = text.Tokens;
        var sentence = tokens[candidate.First].Sentence;
        var sentenceStart = text.Sentences[sentence].FirstToken;
        if (!candidate.Paired && Glued(text, cues, candidate)) return true;
        var country = candidate.HasKind(k => k == GazetteerEntryKind.Country);
        // After: "Bat Galim", "Leon de los Aldama". A big city or a state keeps its name before another word
        // ("Baghdad International Airport", "Syria Civil Defence"): the place is still where it points.
        var next = candidate.End;
        var probe = next;
        while (probe < tokens.Length && tokens[probe].Sentence == sentence && probe - next < 3
            && ((tokens[probe].Kind == TokenKind.Word && cues.IsParticle(text.FoldedOf(tokens[probe]))) || (probe > next && IsHyphen(text, probe))))
        {
            probe++;
        }
        var bigCity = candidate.Entries.Exists(e => e.Population >= BigCity && e.Kind is GazetteerEntryKind.Capital or GazetteerEntryKind.Seat or GazetteerEntryKind.Locality);
        if (!country && !bigCity && !(candidate.Paired && probe > next) && probe < tokens.Length && tokens[probe].Sentence == sentence && CapitalisedWord(text, probe) && !cues.HasAreaAfter(text, probe))
        {
            return true;
        }
        // Before: "Dinamo Bucuresti", "F.C. Brasov", "Consiliul Judetean Timis".
        var before = candidate.First - 1;
        if (candidate.Lead == 0 && before > sentenceStart && tokens[before].Sentence == sentence && NameLike(text, before) && !cues.HasAreaBefore(text, candidate.First)
            && !cues.HasLocativeBefore(text, candidate.First))
        {
            return true;
        }
        // Quoted after a name: Universitatea Pedagogica "Ion Creanga".
        if (before > sentenceStart && IsOpeningQuote(text, before) && NameLike(text, before - 1)) return true;
        return false;
    }

    /// <summary>A capitalised word, or the closing dot of an abbreviation such as "F.C." or "A.D.R.".</summary>
    private static bool NameLike(AnalyzedText text, int index)
    {
        if (CapitalisedWord(text, index)) return true;
        var tokens = text.Tokens;
        return index >= 1 && tokens[index].Length == 1 && text.Normalized[tokens[index].Start] == '.'
            && tokens[index - 1].Length == 1 && CapitalisedWord(text, index - 1);
    }

    private static bool IsOpeningQuote(AnalyzedText text, int index)
    {
        var token = text.Tokens[index];
        if (token.Length != 1) return false;
        var c = text.Normalized[token.Start];
        return c is '"' or '\u201E' or '\u201C' or '\u00AB';
    }

    /// <summary>Joined to the next or previous word by a hyphen with no space ("Bar-Sanguun", "Tal-Abyad").</summary>
    private static bool Glued(AnalyzedText text, PlaceCues cues, Candidate candidate)
    {
        var tokens = text.Tokens;
        var next = candidate.End;
        if (next + 1 < tokens.Length && IsHyphen(text, next) && tokens[next].Start == tokens[next - 1].End && tokens[next + 1].Start == tokens[next].End
            && tokens[next + 1].Kind == TokenKind.Word && !cues.IsEnding(text.FoldedOf(tokens[next + 1])))
        {
            return true;
        }
        var before = candidate.First - 1;
        if (before < 1 || !IsHyphen(text, before) || tokens[before].End != tokens[candidate.First].Start || tokens[before - 1].End != tokens[before].Start) return false;
        if (CapitalisedWord(text, before - 1)) return true;
        // "Jabal al-Zawiya": a particle glued by a hyphen, after a capitalised word.
        return before >= 2 && tokens[before - 1].Kind == TokenKind.Word && cues.IsParticle(text.FoldedOf(tokens[before - 1])) && CapitalisedWord(text, before - 2);
    }

    /// <summary>Within an open parenthesis of its sentence: "(Diguel, Soum)" is how reports locate a place.</summary>
    private static bool InsideParentheses(AnalyzedText text, int index)
    {
        var tokens = text.Tokens;
        var sentence = tokens[index].Sentence;
        for (var k = index - 1; k >= 0 && index - k <= 12 && tokens[k].Sentence == sentence; k--)
        {
            if (tokens[k].Length != 1) continue;
            var c = text.Normalized[tokens[k].Start];
            if (c == ')') return false;
            if (c == '(') return true;
        }
        return false;
    }

    /// <summary>A word of two to four capital letters and nothing else ("NAS", "ADF").</summary>
    private static bool Acronym(AnalyzedText text, int index)
    {
        var token = text.Tokens[index];
        if (token.Kind != TokenKind.Word || token.Length is < 2 or > 4) return false;
        foreach (var c in text.Normalized.AsSpan(token.Start, token.Length))
        {
            if (!char.IsUpper(c)) return false;
        }
        return true;
    }

    private static bool IsHyphen(AnalyzedText text, int index) => text.Tokens[index].Length == 1 && text.Normalized[text.Tokens[index].Start] == '-';

    private static bool CapitalisedWord(AnalyzedText text, int index)
    {
        if (index < 0 || index >= text.Tokens.Length) return false;
        var token = text.Tokens[index];
        return token.Kind == TokenKind.Word && char.IsUpper(text.Normalized[token.Start]);
    }

    private static GazetteerEntry Choose(Gazetteer gazetteer, Candidate candidate, Dictionary<string, double> focus, List<Candidate>? context)
    {
        GazetteerEntry? best = null;
        var bestScore = double.MinValue;
        foreach (var entry in candidate.Entries)
        {
            var score = entry.Kind switch
            {
                // A state outranks any city named like it ("Mexico"), whatever the city's population.
                GazetteerEntryKind.Country => 17.0,
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
            // Between namesakes of one country, conflict reports are far more often about the one in a
            // disputed or de facto territory (a Vodyane in Donbas rather than one in the west).
            if (entry.Kind is GazetteerEntryKind.Locality or GazetteerEntryKind.Seat or GazetteerEntryKind.Admin2 && gazetteer.InDisputedTerritory(entry)) score += DisputedBonus;
            // "Atlanta, Georgia": the area is the reading that holds the place named before it.
            // A name repeated as its own district inside a wider area ("Rafah (Rafah, North Sinai)") holds the same
            // reading; without the wider area the repetition says nothing ("Colon (Colon)").
            if (candidate.Inner is { } held && held.Entries.Exists(e => (candidate.Container is not null && ReferenceEquals(e, entry)) || Contains(entry, e))) score += 8;
            // A province and its capital share a name; without a cue ("Helmand province", "judetul Cluj") the city is meant.
            // Only a town inside the province counts: a namesake seat elsewhere in the country is not its capital.
            // (The province steps back rather than the city forward, so namesakes in other countries are not outranked.)
            if (entry.Kind == GazetteerEntryKind.Admin1 && !candidate.AdminCue
                && candidate.Entries.Exists(e => e.Kind is GazetteerEntryKind.Seat or GazetteerEntryKind.Capital && SeatOf(entry, e)))
            {
                score -= SeatBonus;
            }
            // Likewise a municipality or district and the town at its centre ("Juina" the municipality and the town).
            if (entry.Kind == GazetteerEntryKind.Admin2 && !candidate.AdminCue
                && candidate.Entries.Exists(e => e.Kind is GazetteerEntryKind.Seat or GazetteerEntryKind.Capital or GazetteerEntryKind.Locality
                    && string.Equals(e.Country, entry.Country, StringComparison.Ordinal) && string.Equals(e.Admin1, entry.Admin1, StringComparison.Ordinal)))
            {
                score -= SeatBonus / 2;
            }
            if (entry.Kind is GazetteerEntryKind.Admin1 or GazetteerEntryKind.Admin2 && candidate.AdminCue) score += 2;
            if (context is not null && candidate.Entries.Count > 1) score += Coherence(entry, candidate, context);
            if (candidate.Container is { } container)
            {
                var outer = container.Chosen;
                var repeated = container.Container is not null && ReferenceEquals(outer, entry);
                if (outer is not null ? repeated || Contains(outer, entry) : container.Entries.Exists(o => Contains(o, entry))) score += 8;
            }
            if (score > bestScore || (score == bestScore && best is not null && entry.GeonamesId > 0 && best.GeonamesId == 0))
            {
                best = entry;
                bestScore = score;
            }
        }
        return best!;
    }

    /// <summary>Whether a town named like a province is its seat: inside it, or near it where the capital forms its own unit ("Sanaa").</summary>
    private static bool SeatOf(GazetteerEntry province, GazetteerEntry town) =>
        string.Equals(province.Country, town.Country, StringComparison.Ordinal)
        && (Contains(province, town) || GeoDistance.Km(province.Lat, province.Lon, town.Lat, town.Lon) < SeatRadiusKm);

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
            // A district or a town holds towns, not areas: in "Razih (Razih, Sadah)" the province holds the district.
            GazetteerEntryKind.Admin2 => IsTown(inner) && string.Equals(outer.Admin1, inner.Admin1, StringComparison.Ordinal) && GeoDistance.Km(outer.Lat, outer.Lon, inner.Lat, inner.Lon) < 100,
            _ => IsTown(inner) && GeoDistance.Km(outer.Lat, outer.Lon, inner.Lat, inner.Lon) < 60,
        };
    }

    private static bool IsTown(GazetteerEntry entry) => entry.Kind is GazetteerEntryKind.Locality or GazetteerEntryKind.Seat or GazetteerEntryKind.Capital;
}
