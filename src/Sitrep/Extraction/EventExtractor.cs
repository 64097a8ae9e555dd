using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Extraction.Attribution;
using Sitrep.Extraction.Dates;
using Sitrep.Extraction.Frames;
using Sitrep.Extraction.Lexicons;
using Sitrep.Extraction.Matching;
using Sitrep.Extraction.Status;
using Sitrep.Text;

namespace Sitrep.Extraction;

/// <summary>
/// Turns an analysed text into events. The order matters and is fixed here: one pass of the language's
/// compiled lexicons over the tokens; places and actors; dates (so that their numbers are not counted as
/// people); amounts; attribution per sentence; casualty figures; event frames (which read the figures to
/// tell excessive force); then events with their figures, claims, dates, places and actors. Thread-safe.
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

    /// <param name="budget">Checked between stages; null for no limit.</param>
    public ExtractionResult Extract(AnalyzedText text, PartialDate? published, bool includeMentions, Pipeline.DocumentBudget? budget = null)
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
        var places = _entities.Places(text);
        budget?.Check("actor recognition");
        var scan = new DocumentScan(text, published, matches, places, _entities.Actors(text));
        budget?.Check("dates and amounts");
        var (dates, years, dateTokens) = DateReader.Read(scan);
        var counts = AmountReader.Read(scan, dateTokens);
        var status = new StatusResolver(scan, years);
        budget?.Check("attribution");
        var attribution = new AttributionResolver(scan);
        budget?.Check("casualty figures");
        var casualties = new CasualtyFrameBuilder(scan, status, attribution).Build(counts);
        var voice = new PassiveVoice(scan, language);
        budget?.Check("event frames");
        var frames = new EventFrameBuilder(scan, status, attribution, voice).Build(casualties);
        budget?.Check("event assembly");
        var events = new EventAssembler(scan, dates, years, voice).Assemble(frames, casualties);
        budget?.Check("output");
        var mentions = includeMentions ? MentionCollector.Collect(scan, dates, counts, attribution.All) : [];
        return new ExtractionResult(events, mentions, []);
    }
}
