using System.Collections.Immutable;
using Sitrep.Extraction.Lexicons;
using Sitrep.Text;

namespace Sitrep.Extraction.Matching;

/// <summary>
/// One pass over a text's tokens against a language's compiled lexicons: at each token, the entries keyed by
/// its folded form (or a stem of it) are tried, and per lexicon kind the longest match wins. A match never
/// crosses a sentence, and a match inside a longer one of the same kind is dropped ("air strike" hides "strike").
/// Thread-safe.
/// </summary>
public sealed class LexiconMatcher
{
    private static readonly int KindCount = Enum.GetValues<LexiconKind>().Length;

    private readonly CompiledLexicon _lexicon;

    public LexiconMatcher(CompiledLexicon lexicon)
    {
        _lexicon = lexicon;
    }

    public ImmutableArray<LexiconMatch> Match(AnalyzedText text)
    {
        var tokens = text.Tokens;
        var result = ImmutableArray.CreateBuilder<LexiconMatch>();
        var candidates = new List<LexiconEntry>();
        var kindCount = KindCount;
        Span<int> coveredUntil = stackalloc int[kindCount];
        Span<int> bestLength = stackalloc int[kindCount];
        var best = new LexiconEntry?[kindCount];
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            candidates.Clear();
            _lexicon.CandidatesFor(text.FoldedOf(token), candidates);
            if (candidates.Count == 0) continue;
            bestLength.Clear();
            Array.Clear(best);
            foreach (var entry in candidates)
            {
                var k = (int)entry.Kind;
                if (i < coveredUntil[k] || entry.Words.Length <= bestLength[k]) continue;
                if (Matches(text, entry, i)) { bestLength[k] = entry.Words.Length; best[k] = entry; }
            }
            for (var k = 0; k < kindCount; k++)
            {
                var entry = best[k];
                if (entry is null) continue;
                var last = tokens[i + entry.Words.Length - 1];
                result.Add(new LexiconMatch(entry, i, entry.Words.Length, token.Start, last.End, token.Sentence));
                coveredUntil[k] = i + entry.Words.Length;
            }
        }
        return result.DrainToImmutable();
    }

    private static bool Touches(System.Collections.Immutable.ImmutableArray<Token> tokens, int index) =>
        (index > 0 && tokens[index - 1].End == tokens[index].Start) || (index + 1 < tokens.Length && tokens[index + 1].Start == tokens[index].End);

    private static bool Matches(AnalyzedText text, LexiconEntry entry, int first)
    {
        var tokens = text.Tokens;
        if (first + entry.Words.Length > tokens.Length) return false;
        var sentence = tokens[first].Sentence;
        for (var w = 0; w < entry.Words.Length; w++)
        {
            var token = tokens[first + w];
            if (token.Sentence != sentence) return false;
            var folded = text.FoldedOf(token);
            var word = entry.Words[w].AsSpan();
            if (word.Length > 1 && word[^1] == '*')
            {
                if (!folded.StartsWith(word[..^1], StringComparison.Ordinal)) return false;
            }
            else if (!folded.SequenceEqual(word))
            {
                return false;
            }
            // A hyphen or apostrophe of a pattern belongs to a word: it must touch the word before ("s-a") or after ("'90").
            if (token.Kind == TokenKind.Punctuation && word.Length == 1 && word[0] is '-' or '\'' && !Touches(tokens, first + w)) return false;
        }
        return true;
    }
}
