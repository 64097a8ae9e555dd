using System.Collections.Immutable;
using Sitrep.Places;
using Sitrep.Text;

namespace Sitrep.Actors;

/// <summary>
/// Finds actors in a text: states by country name or capital standing for a government ("Ankara",
/// "Erevanul"), demonyms ("Armenian", "azere"), named groups, de facto authorities, international
/// organisations and media. Longest name wins; on equal spans a named actor beats a state, and a state
/// beats a demonym. A state or de facto name after a locative preposition ("in Azerbaijan", "la Moscova")
/// is a place, not an actor, and is skipped. Built once; thread-safe.
/// </summary>
public sealed class ActorRecognizer
{
    private readonly ActorLexicon _lexicon;
    private readonly PlaceCues _cues;
    private readonly bool _filter;

    public ActorRecognizer()
    {
        _lexicon = ActorLexicon.Default;
        _cues = PlaceCuesHolder.Default;
        _filter = SpanKeys.EndingsKeepFirstWord(_cues.Suffixes);
    }

    // Place recognition and extraction both ask for a document's actors, one right after the other on the
    // same thread: the last answer per thread is kept (every instance reads the same lexicon and cues).
    [ThreadStatic] private static AnalyzedText? _lastText;
    [ThreadStatic] private static ImmutableArray<ActorMention> _lastActors;

    public ImmutableArray<ActorMention> Find(AnalyzedText text)
    {
        if (ReferenceEquals(text, _lastText)) return _lastActors;
        var actors = FindUncached(text);
        _lastText = text;
        _lastActors = actors;
        return actors;
    }

    private ImmutableArray<ActorMention> FindUncached(AnalyzedText text)
    {
        var result = ImmutableArray.CreateBuilder<ActorMention>();
        var tokens = text.Tokens;
        Span<char> buffer = stackalloc char[NameKey.MaxLength];
        Span<char> variant = stackalloc char[NameKey.MaxLength + 4];
        Span<char> word = stackalloc char[NameKey.MaxLength];
        var romanian = SpanKeys.AllowsRomanianEndings(text);
        // A dateline's place ("KABUL, May 3 (Reuters) -") is where the story was filed; its capital is no government.
        var dateline = DatelineReader.PlaceLength(text);
        var i = 0;
        while (i < tokens.Length)
        {
            if (tokens[i].Kind is not (TokenKind.Word or TokenKind.Number)) { i++; continue; }
            var match = Longest(text, i, buffer, word, variant, romanian);
            if (match is not { } found) { i++; continue; }
            var (count, definition) = found;
            // "in Ankara" is a place; "US dollar" is a currency.
            var skip = definition.Kind is ActorMentionKind.State or ActorMentionKind.DeFacto
                && (_cues.HasLocativeBefore(text, i) || _cues.HasNotPlaceAfter(text, i + count) || IsCommonWord(text, i, count) || i + count <= dateline);
            if (!skip)
            {
                var last = tokens[i + count - 1];
                result.Add(new ActorMention(tokens[i].Start, last.End, i, count, definition.Kind, definition.Name, definition.Country, definition.ContractKind));
            }
            i += count;
        }
        return result.ToImmutable();
    }

    private (int Count, ActorDefinition Definition)? Longest(AnalyzedText text, int first, Span<char> buffer, Span<char> word, Span<char> variant, bool romanian)
    {
        var max = Math.Min(SpanKeys.MaxTokens, text.Tokens.Length - first);
        // Spans whose key has more words than any alias starting with its first word are skipped unbuilt.
        var most = int.MaxValue;
        Span<int> words = stackalloc int[SpanKeys.MaxTokens + 1];
        var wordEnd = -1;
        var wordLength = _filter ? SpanKeys.FirstWord(text, first, word, out wordEnd) : -1;
        if (wordLength > 0)
        {
            most = _lexicon.MostWords(word[..wordLength]);
            SpanKeys.CountWords(text, first, max, wordEnd, words);
        }
        for (var count = max; count >= 1; count--)
        {
            if (most != int.MaxValue && words[count] > most) continue;
            var length = SpanKeys.Build(text, first, count, buffer, word, wordLength, wordEnd);
            if (length <= 0) continue;
            var surface = SpanKeys.Surface(text, first, count);
            if (Pick(buffer[..length], surface) is { } definition) return (count, definition);
            if (!romanian) continue;
            foreach (var (ending, replacement) in _cues.Suffixes)
            {
                var n = SpanKeys.WithEnding(buffer[..length], ending, replacement, variant);
                if (n > 0 && Pick(variant[..n], surface) is { } inflected && inflected.Kind is ActorMentionKind.State or ActorMentionKind.DeFacto or ActorMentionKind.Group)
                {
                    return (count, inflected);
                }
            }
        }
        return null;
    }

    /// <summary>A capital whose name is also a common word or first name ("Victoria", "Male") is not taken for a government.</summary>
    private bool IsCommonWord(AnalyzedText text, int first, int count)
    {
        Span<char> buffer = stackalloc char[NameKey.MaxLength];
        var length = SpanKeys.Build(text, first, count, buffer);
        return length > 0 && _cues.IsStopword(buffer[..length]);
    }

    private ActorDefinition? Pick(ReadOnlySpan<char> key, ReadOnlySpan<char> surface)
    {
        if (!_lexicon.TryLookup(key, out var hits)) return null;
        ActorDefinition? best = null;
        foreach (var hit in hits)
        {
            if (!NameKey.Accepts(hit.Rule, surface)) continue;
            var definition = _lexicon.Definition(hit.Actor);
            if (best is null || Priority(definition.Kind) > Priority(best.Kind)) best = definition;
        }
        return best;
    }

    private static int Priority(ActorMentionKind kind) => kind switch
    {
        ActorMentionKind.DeFacto => 6,
        ActorMentionKind.Group => 5,
        ActorMentionKind.Organisation => 4,
        ActorMentionKind.Media => 3,
        ActorMentionKind.State => 2,
        _ => 1,
    };
}
