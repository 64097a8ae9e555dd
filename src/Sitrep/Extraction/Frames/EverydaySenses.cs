using Sitrep.Extraction.Lexicons;
using Sitrep.Extraction.Matching;

namespace Sitrep.Extraction.Frames;

/// <summary>
/// Tells which words of violence the text may be using in their everyday sense (senses.tsv): "attack the plan",
/// "fought for the nomination", "aircraft orders", "died of cancer". A word has a double only when a senses
/// pattern covers it whole, so a longer trigger that holds the word ("air attack", "shot dead") has none.
/// </summary>
internal sealed class EverydaySenses
{
    private readonly DocumentScan _scan;

    public EverydaySenses(DocumentScan scan)
    {
        _scan = scan;
    }

    public bool HasDouble(LexiconMatch word)
    {
        foreach (var sense in _scan.In(LexiconKind.Senses, word.Sentence))
        {
            if (sense.FirstToken <= word.FirstToken && sense.EndToken >= word.EndToken) return true;
        }
        return false;
    }

    /// <summary>Whether the word that tells a figure's outcome ("died", "morti") has an everyday double.</summary>
    public bool HasDouble(CasualtyFrame casualty)
    {
        foreach (var outcome in _scan.In(LexiconKind.Outcomes, casualty.Sentence))
        {
            if (outcome.FirstToken == casualty.AnchorToken) return HasDouble(outcome);
        }
        return false;
    }
}
