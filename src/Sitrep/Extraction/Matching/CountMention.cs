using Sitrep.Output;

namespace Sitrep.Extraction.Matching;

/// <summary>
/// An amount of people or things in the text: a number with its modifier ("at least 5", "peste 20") or a
/// vague amount ("hundreds", "zeci"). Tokens [FirstToken, EndToken), normalized offsets.
/// </summary>
/// <param name="Best">ACLED's single number for it (the value, or the convention for vague amounts).</param>
/// <param name="Subset">Led by a subset word ("including two children", "printre care trei femei"): part of the
/// figure before it, not more people: it makes no figure of its own.</param>
/// <param name="AfterTollChange">Led by a verb of change ("rose to", "a crescut la"): the new figure of a toll named before it.</param>
internal sealed record CountMention(int FirstToken, int EndToken, int Start, int End, Count Count, long? Best, bool Vague, bool Subset = false, bool AfterTollChange = false);
