using Sitrep.Text;

namespace Sitrep.Places;

/// <summary>
/// The matching key of a name: folded (lower case, no diacritics), hyphens, underscores and runs of
/// spaces made one space, apostrophes and dots dropped. "Nagorno-Karabakh", "nagorno karabakh" and
/// "Nagorno  Karabah" differ only where spelling differs. Built the same way for gazetteer names and text spans.
/// </summary>
internal static class NameKey
{
    public const int MaxLength = 96;

    public static string Of(string name)
    {
        var buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var length = Build(name, buffer, fold: true);
        return new string(buffer[..length]);
    }

    /// <summary>Writes the key of <paramref name="text"/> into <paramref name="destination"/>; returns its length, or -1 when it does not fit.</summary>
    public static int Build(ReadOnlySpan<char> text, Span<char> destination, bool fold)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = fold ? TextFolding.FoldChar(raw) : raw;
            if (c is '-' or '_' or ' ' or '\t' or '\n' or '\r' or '\u00A0' or '\u2010' or '\u2011' or '\u2013' or '\u2014')
            {
                pendingSpace = length > 0;
                continue;
            }
            if (c is '\'' or '\u2019' or '\u2018' or '`' or '.' or '\u02BC' or '\u02BB') continue;
            if (pendingSpace)
            {
                if (length >= destination.Length) return -1;
                destination[length++] = ' ';
                pendingSpace = false;
            }
            if (length >= destination.Length) return -1;
            destination[length++] = c;
        }
        return length;
    }

    /// <summary>How the case of a name must look in a text for the name to match there.</summary>
    public static CaseRule RuleOf(string alias)
    {
        var letters = 0;
        var upper = 0;
        foreach (var c in alias)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        if (letters >= 2 && upper == letters && letters <= 6) return CaseRule.Exact;
        foreach (var c in alias)
        {
            if (char.IsLetter(c)) return char.IsUpper(c) ? CaseRule.Capitalised : CaseRule.Any;
        }
        return CaseRule.Any;
    }

    /// <summary>Whether the text's surface satisfies the rule.</summary>
    public static bool Accepts(CaseRule rule, ReadOnlySpan<char> surface)
    {
        switch (rule)
        {
            case CaseRule.Any:
                return true;
            case CaseRule.Capitalised:
                foreach (var c in surface)
                {
                    if (char.IsLetter(c)) return char.IsUpper(c);
                    if (char.IsDigit(c)) return true;
                }
                return false;
            default:
                foreach (var c in surface)
                {
                    if (char.IsLetter(c) && !char.IsUpper(c)) return false;
                }
                return true;
        }
    }
}

/// <summary>Case a name must have in the text: acronyms exactly, proper names capitalised, lower-case aliases any.</summary>
internal enum CaseRule : byte
{
    Any,
    Capitalised,
    Exact,
}
