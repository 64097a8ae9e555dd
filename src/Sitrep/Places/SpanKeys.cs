using Sitrep.Text;

namespace Sitrep.Places;

/// <summary>Builds <see cref="NameKey"/> keys for token ranges of an analysed text, and their Romanian case-ending variants.</summary>
internal static class SpanKeys
{
    /// <summary>The longest name, in tokens, that is looked up ("Washington , D . C ." is six).</summary>
    public const int MaxTokens = 8;

    /// <summary>
    /// Writes the key of tokens [first, first+count) into the buffer; returns its length, or -1 when the
    /// range crosses a sentence, starts or ends on punctuation other than a closing dot, or does not fit.
    /// </summary>
    public static int Build(AnalyzedText text, int first, int count, Span<char> buffer)
    {
        var tokens = text.Tokens;
        var last = first + count - 1;
        if (last >= tokens.Length) return -1;
        var start = tokens[first];
        var end = tokens[last];
        if (start.Sentence != end.Sentence) return -1;
        if (start.Kind is not (TokenKind.Word or TokenKind.Number)) return -1;
        // A name may end on a dot only after a one-letter abbreviation ("D.C.", "U.S."), never on a full stop.
        if (end.Kind is not (TokenKind.Word or TokenKind.Number)
            && !(end.Length == 1 && text.Normalized[end.Start] == '.' && count > 1 && tokens[last - 1].Length == 1 && tokens[last - 1].Kind == TokenKind.Word))
        {
            return -1;
        }
        var span = text.Folded.AsSpan(start.Start, end.End - start.Start);
        if (span.Length > NameKey.MaxLength) return -1;
        // A line break inside a name is not a name.
        if (span.IndexOfAny('\n', '\r') >= 0) return -1;
        return NameKey.Build(span, buffer, fold: true);
    }

    /// <summary>
    /// <see cref="Build(AnalyzedText, int, int, Span{char})"/>, given the first word's key that <see cref="FirstWord"/>
    /// wrote (<paramref name="wordLength"/> &lt;= 0: none): a single token that is exactly that word has that key,
    /// so it is copied rather than built a second time.
    /// </summary>
    public static int Build(AnalyzedText text, int first, int count, Span<char> buffer, ReadOnlySpan<char> firstWord, int wordLength, int wordEnd)
    {
        if (count == 1 && wordLength > 0 && first < text.Tokens.Length)
        {
            var token = text.Tokens[first];
            if (token.End == wordEnd && token.Kind is TokenKind.Word or TokenKind.Number && token.Length <= NameKey.MaxLength
                && wordLength <= buffer.Length && text.Folded.AsSpan(token.Start, token.Length).IndexOfAny('\n', '\r') < 0)
            {
                firstWord[..wordLength].CopyTo(buffer);
                return wordLength;
            }
        }
        return Build(text, first, count, buffer);
    }

    /// <summary>
    /// Writes the key of the first word of every multi-word key that starts at token <paramref name="first"/>
    /// into the buffer and returns its length, with <paramref name="wordEnd"/> the offset where that word ends;
    /// -1 (and no filtering possible) when no such word ends within a name's length.
    /// </summary>
    public static int FirstWord(AnalyzedText text, int first, Span<char> buffer, out int wordEnd)
    {
        wordEnd = -1;
        var start = text.Tokens[first].Start;
        var span = text.Folded.AsSpan(start, Math.Min(NameKey.MaxLength + 1, text.Folded.Length - start));
        var length = NameKey.BuildFirstWord(span, buffer, out var end);
        if (length <= 0) return -1;
        wordEnd = start + end;
        return length;
    }

    /// <summary>
    /// Whether the key of tokens [first, first+count) surely has more than one word, the first being the one
    /// <see cref="FirstWord"/> found: its last token begins after that word with a letter or digit the key keeps.
    /// Such a key, and every Romanian-ending variant of it (endings hold no space), can only be known when
    /// some known multi-word key starts with that word.
    /// </summary>
    public static bool GoesPastFirstWord(AnalyzedText text, int first, int count, int wordEnd)
    {
        if (wordEnd < 0) return false;
        var last = text.Tokens[first + count - 1];
        return last.Start >= wordEnd && last.Length > 0 && last.Kind is TokenKind.Word or TokenKind.Number
            && NameKey.IsKeptLetterOrDigit(text.Folded[last.Start]);
    }

    /// <summary>
    /// Fills <paramref name="words"/>[c] (c = 1..max) with a lower bound on the number of words of the key of
    /// tokens [first, first+c): one, plus each later token that begins with a kept letter or digit right after a
    /// separator (each such token opens a word of its own), and at least two once the span goes past the first
    /// word <see cref="FirstWord"/> found. Endings hold no space, so their variants have as many words.
    /// </summary>
    public static void CountWords(AnalyzedText text, int first, int max, int wordEnd, Span<int> words)
    {
        var tokens = text.Tokens;
        var folded = text.Folded;
        var counting = tokens[first].Length > 0 && NameKey.IsKeptLetterOrDigit(folded[tokens[first].Start]);
        var opened = 1;
        words[1] = 1;
        for (var c = 2; c <= max; c++)
        {
            var token = tokens[first + c - 1];
            if (counting && token.Length > 0 && NameKey.SeparatesWords(folded[token.Start - 1]) && NameKey.IsKeptLetterOrDigit(folded[token.Start]))
            {
                opened++;
            }
            words[c] = opened < 2 && GoesPastFirstWord(text, first, c, wordEnd) ? 2 : opened;
        }
    }

    /// <summary>Whether a set of Romanian endings keeps the first word of a multi-word key (none holds a space).</summary>
    public static bool EndingsKeepFirstWord((string Ending, string Replacement)[] suffixes) =>
        Array.TrueForAll(suffixes, s => !s.Ending.Contains(' ', StringComparison.Ordinal));

    /// <summary>The surface (case kept) of a token range.</summary>
    public static ReadOnlySpan<char> Surface(AnalyzedText text, int first, int count) =>
        text.Normalized.AsSpan(text.Tokens[first].Start, text.Tokens[first + count - 1].End - text.Tokens[first].Start);

    /// <summary>Whether Romanian case endings may be stripped in this text (Romanian or undetermined).</summary>
    public static bool AllowsRomanianEndings(AnalyzedText text) =>
        text.Language.StartsWith("ro", StringComparison.Ordinal) || string.Equals(text.Language, "und", StringComparison.Ordinal);

    /// <summary>Writes the key with a Romanian ending replaced into <paramref name="variant"/>; returns its length or -1.</summary>
    public static int WithEnding(ReadOnlySpan<char> key, string ending, string replacement, Span<char> variant)
    {
        if (!key.EndsWith(ending, StringComparison.Ordinal)) return -1;
        var stem = key[..^ending.Length];
        // The name's last word must stay a word of some length ("Paul" is not "Pa" + "ul"; "Iasului" is "Iasi").
        var lastSpace = stem.LastIndexOf(' ');
        if (stem.Length - lastSpace - 1 + replacement.Length < 4 || stem.Length - lastSpace - 1 < 2) return -1;
        if (stem.Length + replacement.Length > variant.Length) return -1;
        stem.CopyTo(variant);
        replacement.AsSpan().CopyTo(variant[stem.Length..]);
        return stem.Length + replacement.Length;
    }
}
