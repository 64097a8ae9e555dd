using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Sitrep.Text;

/// <summary>The tokens and sentences of a normalized text.</summary>
public sealed record Segmentation(ImmutableArray<Token> Tokens, ImmutableArray<Sentence> Sentences);

/// <summary>
/// Splits normalized text into tokens (words, numbers with their separators, punctuation) and sentences.
/// A full stop ends a sentence unless it closes a known abbreviation of the language ("Gen.", "dl.")
/// or a single-letter initial ("U.S."). A sentence that reaches <see cref="MaximumSentenceTokens"/> tokens
/// is split at a safe point, so no stage that looks across a sentence can cost more than a bounded amount
/// per token. Thread-safe.
/// </summary>
public sealed class Segmenter
{
    /// <summary>
    /// The most tokens a sentence may hold. Real news sentences stay far below it (a long one has 60 to 100
    /// tokens); a text without stops (a list, a transcript, a line repeated a million times) would otherwise
    /// be one sentence, and the frame builders look across a sentence for each figure and trigger.
    /// </summary>
    public const int MaximumSentenceTokens = 256;

    /// <summary>How far back from the limit a clause break (',', ';', ':') is looked for to split at, rather than between two words.</summary>
    private const int SplitLookBack = MaximumSentenceTokens / 2;

    private readonly FrozenSet<string> _abbreviations;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _abbreviationLookup;

    /// <param name="abbreviations">Folded abbreviations without their final dot ("gen", "dl", "st").</param>
    public Segmenter(IEnumerable<string> abbreviations)
    {
        _abbreviations = abbreviations.ToFrozenSet(StringComparer.Ordinal);
        _abbreviationLookup = _abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public Segmentation Segment(string normalized, string folded)
    {
        var tokens = new TokenBuffer(normalized.Length / 5);
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var sentenceIndex = 0;
        var sentenceFirstToken = 0;
        var sentenceStart = -1;
        var i = 0;
        while (i < normalized.Length)
        {
            var c = normalized[i];
            var kindOfChar = Classes[c];
            if (kindOfChar == SpaceClass)
            {
                // A blank line is a paragraph break, and so a sentence break.
                if (c == '\n' && NextLineIsBlank(normalized, i) && tokens.Count > sentenceFirstToken)
                {
                    CloseSentence();
                }
                i++;
                continue;
            }

            int end;
            TokenKind kind;
            if (kindOfChar == DigitClass)
            {
                end = ScanNumber(normalized, i);
                kind = TokenKind.Number;
            }
            else if (IsWordChar(normalized, i, out var width))
            {
                end = i + width;
                while (end < normalized.Length && IsWordChar(normalized, end, out width)) end += width;
                kind = TokenKind.Word;
            }
            else
            {
                // A symbol outside the BMP (an emoji) is one token of two code units: a pair is never split.
                end = i + (char.IsHighSurrogate(c) && i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1]) ? 2 : 1);
                kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            }

            if (sentenceStart < 0) sentenceStart = i;
            tokens.Add(new Token(i, end, kind, sentenceIndex));
            if (kind == TokenKind.Punctuation && IsSentenceEnd(normalized, folded, tokens, i))
            {
                // Closing quotes and brackets right after the stop belong to the sentence they close.
                while (end < normalized.Length && normalized[end] is '"' or '\'' or ')' or ']')
                {
                    tokens.Add(new Token(end, end + 1, TokenKind.Punctuation, sentenceIndex));
                    end++;
                }
                i = end;
                CloseSentence();
                continue;
            }
            i = end;
            if (tokens.Count - sentenceFirstToken >= MaximumSentenceTokens) SplitLongSentence();
        }
        if (tokens.Count > sentenceFirstToken) CloseSentence();
        return new Segmentation(tokens.ToImmutableAndReturn(), sentences.DrainToImmutable());

        void CloseSentence()
        {
            var last = tokens[^1];
            sentences.Add(new Sentence(sentenceStart, last.End, sentenceFirstToken, tokens.Count - sentenceFirstToken));
            sentenceIndex++;
            sentenceFirstToken = tokens.Count;
            sentenceStart = -1;
        }

        // Ends the sentence so far after its last clause break in reach (else after its last token); the tokens
        // after the break move to the next sentence.
        void SplitLongSentence()
        {
            var count = tokens.Count;
            var cut = count;
            for (var k = count - 1; k > count - SplitLookBack && k > sentenceFirstToken; k--)
            {
                var token = tokens[k];
                if (token.Kind == TokenKind.Punctuation && token.Length == 1 && normalized[token.Start] is ',' or ';' or ':')
                {
                    cut = k + 1;
                    break;
                }
            }
            sentences.Add(new Sentence(sentenceStart, tokens[cut - 1].End, sentenceFirstToken, cut - sentenceFirstToken));
            sentenceIndex++;
            for (var k = cut; k < count; k++) tokens.SetSentence(k, sentenceIndex);
            sentenceFirstToken = cut;
            sentenceStart = cut < count ? tokens[cut].Start : -1;
        }
    }

    private bool IsSentenceEnd(string normalized, string folded, TokenBuffer tokens, int at)
    {
        var c = normalized[at];
        if (c is not ('.' or '!' or '?' or '\u2026')) return false;
        var next = at + 1;
        while (next < normalized.Length && normalized[next] is '"' or '\'' or ')' or ']') next++;
        if (next < normalized.Length && !char.IsWhiteSpace(normalized[next])) return false;
        if (c != '.') return true;

        // Look at the word before the dot.
        if (tokens.Count >= 2)
        {
            var previous = tokens[^2];
            if (previous.End == at && previous.Kind == TokenKind.Word)
            {
                var word = folded.AsSpan(previous.Start, previous.Length);
                if (_abbreviationLookup.Contains(word)) return false;
                if (previous.Length == 1 && char.IsUpper(normalized[previous.Start])) return false;
            }
        }

        // "... 5 km. from" style lower-case continuation is not a new sentence.
        var after = next;
        while (after < normalized.Length && char.IsWhiteSpace(normalized[after])) after++;
        return after >= normalized.Length || !char.IsLower(normalized[after]);
    }

    /// <summary>Digits with internal separators: "45.000", "1,5", "2020-09" stays as digits and a dash.</summary>
    private static int ScanNumber(string text, int start)
    {
        var end = start;
        while (end < text.Length)
        {
            if (char.IsDigit(text[end])) { end++; continue; }
            if (text[end] is '.' or ',' && end + 1 < text.Length && char.IsDigit(text[end + 1]) && end > start) { end++; continue; }
            break;
        }
        return end;
    }

    private static bool NextLineIsBlank(string text, int newline)
    {
        for (var j = newline + 1; j < text.Length; j++)
        {
            if (text[j] == '\n') return true;
            if (!char.IsWhiteSpace(text[j])) return false;
        }
        return false;
    }

    /// <summary>Tokens collected in a pooled array, copied once into the exact-size result.</summary>
    private sealed class TokenBuffer
    {
        private Token[] _items;

        public TokenBuffer(int expected) => _items = System.Buffers.ArrayPool<Token>.Shared.Rent(Math.Max(16, expected));

        public int Count { get; private set; }

        public Token this[Index index] => _items[index.GetOffset(Count)];

        public void SetSentence(int index, int sentence) => _items[index] = _items[index] with { Sentence = sentence };

        public void Add(Token token)
        {
            if (Count == _items.Length)
            {
                var larger = System.Buffers.ArrayPool<Token>.Shared.Rent(_items.Length * 2);
                _items.AsSpan(0, Count).CopyTo(larger);
                System.Buffers.ArrayPool<Token>.Shared.Return(_items);
                _items = larger;
            }
            _items[Count++] = token;
        }

        public ImmutableArray<Token> ToImmutableAndReturn()
        {
            var result = ImmutableArray.Create(_items.AsSpan(0, Count));
            System.Buffers.ArrayPool<Token>.Shared.Return(_items);
            _items = [];
            Count = 0;
            return result;
        }
    }

    private const byte OtherClass = 0, SpaceClass = 1, DigitClass = 2, WordClass = 3;

    // The class of every BMP character, computed once: the segmenter looks at each character once or twice.
    private static readonly byte[] Classes = BuildClasses();

    private static byte[] BuildClasses()
    {
        var classes = new byte[0x10000];
        for (var i = 0; i < classes.Length; i++)
        {
            var c = (char)i;
            classes[i] = char.IsWhiteSpace(c) ? SpaceClass
                : char.IsDigit(c) ? DigitClass
                : char.IsLetterOrDigit(c) || IsMark(c) ? WordClass
                : OtherClass;
        }
        return classes;
    }

    /// <summary>Letters, digits after the first letter, combining marks, and letters outside the BMP.</summary>
    private static bool IsWordChar(string text, int at, out int width)
    {
        var c = text[at];
        width = 1;
        if (Classes[c] is WordClass or DigitClass) return true;
        if (char.IsHighSurrogate(c) && at + 1 < text.Length && char.IsLowSurrogate(text[at + 1]))
        {
            width = 2;
            var category = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[at + 1]));
            return category is System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.LowercaseLetter
                or System.Globalization.UnicodeCategory.TitlecaseLetter or System.Globalization.UnicodeCategory.ModifierLetter
                or System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.SpacingCombiningMark;
        }
        return false;
    }

    private static bool IsMark(char c) =>
        c >= 0x300 && char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
