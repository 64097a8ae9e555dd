namespace Sitrep.Extraction.Lexicons;

/// <summary>The kinds of extraction lexicon, one file each per language (data/lexicons/{lang}/{kind}.tsv).</summary>
public enum LexiconKind
{
    Triggers,
    Outcomes,
    Victims,
    Attribution,
    Negation,
    Modality,
    Historical,
    Amounts,
    TimeWords,
    Guards,
    Weapons,
    Institutions,
    Sides,
    Refiners,
    ClauseBreaks,

    /// <summary>Words of violence with a frequent everyday sense: in these, a trigger or a death needs evidence of violence.</summary>
    Senses,
}

/// <summary>File names of the lexicon kinds.</summary>
public static class LexiconKinds
{
    public static string FileKind(LexiconKind kind) => kind switch
    {
        LexiconKind.TimeWords => "time-words",
        LexiconKind.ClauseBreaks => "clause-breaks",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string fileKind, out LexiconKind kind)
    {
        foreach (var candidate in Enum.GetValues<LexiconKind>())
        {
            if (string.Equals(FileKind(candidate), fileKind, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
