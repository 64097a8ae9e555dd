using Sitrep.Extraction.Lexicons;

namespace Sitrep.Extraction.Matching;

/// <summary>A lexicon entry found in the text: tokens [FirstToken, FirstToken + TokenCount), normalized offsets.</summary>
public readonly record struct LexiconMatch(LexiconEntry Entry, int FirstToken, int TokenCount, int Start, int End, int Sentence)
{
    public LexiconKind Kind => Entry.Kind;

    public int EndToken => FirstToken + TokenCount;

    /// <summary>Whether the two matches share a token.</summary>
    public bool Overlaps(LexiconMatch other) => FirstToken < other.EndToken && other.FirstToken < EndToken;
}
