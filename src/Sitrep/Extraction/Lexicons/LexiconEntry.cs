using System.Collections.Immutable;

namespace Sitrep.Extraction.Lexicons;

/// <summary>
/// One form of a lexicon pattern, split into the tokens the segmenter would make of it
/// ("s-a soldat cu" is s, -, a, soldat, cu). A token ending in '*' matches any token it begins.
/// </summary>
/// <param name="Kind">Which lexicon it comes from.</param>
/// <param name="Words">Folded tokens; a trailing '*' marks a prefix.</param>
/// <param name="Fields">The columns after the pattern, as validated at build time.</param>
/// <param name="Line">Line of the data file, for diagnostics.</param>
public sealed record LexiconEntry(LexiconKind Kind, ImmutableArray<string> Words, ImmutableArray<string> Fields, int Line)
{
    public string Field(int index) => Fields[index];

    public int IntField(int index) => int.Parse(Fields[index], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An integer column, or null for "-".</summary>
    public int? OptionalIntField(int index) => string.Equals(Fields[index], "-", StringComparison.Ordinal) ? null : IntField(index);

    public override string ToString() => string.Join(' ', Words);
}
