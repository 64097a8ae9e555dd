using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Extraction.Attribution;
using Sitrep.Extraction.Dates;
using Sitrep.Extraction.Frames;
using Sitrep.Extraction.Lexicons;
using Sitrep.Extraction.Matching;
using Sitrep.Extraction.Reconciliation;
using Sitrep.Extraction.Relevance;
using Sitrep.Extraction.Status;
using Sitrep.Text;

namespace Sitrep.Extraction;

/// <summary>
/// Turns an analysed text into events. The order matters and is fixed here: one pass of the language's
/// compiled lexicons over the tokens; places and actors; dates (so that their numbers are not counted as
/// people); amounts; attribution per sentence; casualty figures; event frames (which read the figures to
/// tell excessive force), each trigger read in its violent sense only with evidence; then events with their figures, claims, dates, places and actors. Thread-safe.
/// </summary>
public sealed class EventExtractor
{
    private readonly EntityRecognition _entities;

    public EventExtractor()
        : this(EntityRecognition.Default)
    {
    }

    public EventExtractor(EntityRecognition entities)
    {
        _entities = entities;
    }

    /// <param name="title">The document's title, when its reader found one: a headline repeated in the text restates the story's figures.</param>
    /// <param name="outletCountry">ISO alpha-3 of the publishing outlet's home: a prior between namesakes, and the location of events in a text that names no place.</param>
    /// <param name="budget">Checked between stages; null for no limit.</param>
    public ExtractionResult Extract(AnalyzedText text, PartialDate? published, bool includeMentions, string? title = null, string? outletCountry = null, Pipeline.DocumentBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A short or name-heavy text may be "und" yet lean clearly to one language: its rules still apply.
        var language = text.RulesLanguage ?? text.Language;
        if (!LexiconStore.Languages.Contains(language, StringComparer.Ordinal) || text.Tokens.IsEmpty)
        {
            var warning = text.Tokens.IsEmpty ? null
                : text.Language == LanguageIdentifier.Undetermined
                    ? $"language not determined and not one of the supported ({string.Join(", ", LexiconStore.Languages)}): no events extracted"
                    : $"language '{text.Language}' is not supported (supported: {string.Join(", ", LexiconStore.Languages)}): no events extracted";
            return new ExtractionResult([], [], warning is null ? [] : [warning]);
        }
        var lexicon = LexiconStore.For(language);
        budget?.Check("lexicon matching");
        var matches = new LexiconMatcher(lexicon).Match(text);
        budget?.Check("place recognition");
        var places = _entities.Places(text, outletCountry);
        budget?.Check("actor recognition");
        var scan = new DocumentScan(text, published, matches, places, _entities.Actors(text)) { OutletCountry = outletCountry };
        budget?.Check("dates and amounts");
        var (dates, years, dateTokens) = DateReader.Read(scan);
        var counts = AmountReader.Read(scan, dateTokens);
        var status = new StatusResolver(scan, years);
        budget?.Check("attribution");
        var attribution = new AttributionResolver(scan);
        budget?.Check("casualty figures");
        var casualties = HeadlineFigures.WithoutRestatements(text, title, new CasualtyFrameBuilder(scan, status, attribution).Build(counts));
        var voice = new PassiveVoice(scan, language);
        budget?.Check("violent senses");
        var senses = new EverydaySenses(scan);
        var evidence = new ViolenceEvidence(scan, casualties, senses);
        var guard = new DomainGuard(scan, evidence);
        var relevance = ConflictRelevance.Measure(scan, casualties, senses, evidence, guard);
        var reading = new ViolentReading(scan, guard, senses, evidence, relevance, dateTokens);
        budget?.Check("event frames");
        var frames = new EventFrameBuilder(scan, status, attribution, voice, reading).Build(casualties);
        budget?.Check("event assembly");
        var events = new EventAssembler(scan, dates, years, voice, reading).Assemble(frames, casualties);
        budget?.Check("output");
        var mentions = includeMentions ? MentionCollector.Collect(scan, dates, counts, attribution.All) : [];
        return new ExtractionResult(events, mentions, []) { Relevance = relevance.Score };
    }
}
