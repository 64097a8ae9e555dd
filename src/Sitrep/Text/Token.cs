namespace Sitrep.Text;

/// <summary>What a token is made of.</summary>
public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
}

/// <summary>
/// A token as offsets into <see cref="AnalyzedText.Normalized"/> (and the same offsets into
/// <see cref="AnalyzedText.Folded"/>). Map to the original text with <see cref="AnalyzedText.ToOriginal(int, int)"/>.
/// </summary>
public readonly record struct Token(int Start, int End, TokenKind Kind, int Sentence)
{
    public int Length => End - Start;
}

/// <summary>A sentence as a range of tokens and characters (normalized offsets).</summary>
public readonly record struct Sentence(int Start, int End, int FirstToken, int TokenCount)
{
    public int EndToken => FirstToken + TokenCount;
}

/// <summary>A number found in the text, in digits or in words ("45.000", "1,5 milioane", "douazeci si trei").</summary>
/// <param name="FirstToken">Index of its first token.</param>
/// <param name="TokenCount">How many tokens it spans.</param>
/// <param name="Value">Its value.</param>
/// <param name="IsWords">Written in words rather than digits.</param>
public readonly record struct NumberMention(int Start, int End, int FirstToken, int TokenCount, decimal Value, bool IsWords);
