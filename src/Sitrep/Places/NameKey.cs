using System.Globalization;

namespace Sitrep.Places;

/// <summary>
/// The matching key of a name: folded (lower case, no diacritics), hyphens, underscores and runs of
/// spaces made one space, apostrophes and dots dropped. "Nagorno-Karabakh", "nagorno karabakh" and
/// "Nagorno  Karabah" differ only where spelling differs. Built the same way for gazetteer names and text spans.
/// </summary>
internal static class NameKey
{
    public const int MaxLength = 96;

    // Lower case without diacritics for Latin (Extended Additional included: "Ḩajjah"), Greek and Cyrillic accents.
    private static readonly char[] WideFold = BuildWideFold();

    private const byte Kept = 0;
    private const byte Separator = 1;
    private const byte Dropped = 2;
    private const byte KeptLetterOrDigit = 3;

    // Every UTF-16 unit's folded form and its class in a key (kept, separator, dropped), computed once (192 KB).
    private static readonly char[] Folds = BuildFolds();
    private static readonly byte[] Classes = BuildClasses();

    public static string Of(string name)
    {
        var buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var length = Build(name, buffer, fold: true);
        return new string(buffer[..length]);
    }

    /// <summary>Writes the key of <paramref name="text"/> into <paramref name="destination"/>; returns its length, or -1 when it does not fit.</summary>
    public static int Build(ReadOnlySpan<char> text, Span<char> destination, bool fold)
    {
        if (!fold) return BuildUnfolded(text, destination);
        // Hot path (every token span of every text): one table read per character gives its folded form and
        // class; the second pass for doubled letters only runs when some word has a doubled letter.
        var folds = Folds;
        var classes = Classes;
        var length = 0;
        var pendingSpace = false;
        var doubled = false;
        foreach (var raw in text)
        {
            var kind = classes[raw];
            if (kind == Separator)
            {
                pendingSpace = length > 0;
                continue;
            }
            if (kind == Dropped) continue;
            var c = folds[raw];
            if (pendingSpace)
            {
                if (length >= destination.Length) return -1;
                destination[length++] = ' ';
                pendingSpace = false;
            }
            else if (length > 0 && destination[length - 1] == c)
            {
                doubled = true;
            }
            if (length >= destination.Length) return -1;
            destination[length++] = c;
        }
        return doubled ? CollapseDoubles(destination[..length]) : length;
    }

    /// <summary>
    /// Writes the key of the first word of <paramref name="text"/> (as <see cref="Build"/> would for
    /// <c>text[..end]</c>, with <paramref name="end"/> = <see cref="FirstWordEnd"/>) and returns its length;
    /// -1 when the key would have one word only or the word does not fit. One pass instead of two.
    /// </summary>
    public static int BuildFirstWord(ReadOnlySpan<char> text, Span<char> destination, out int end)
    {
        var folds = Folds;
        var classes = Classes;
        var length = 0;
        var doubled = false;
        for (var i = 0; i < text.Length; i++)
        {
            var raw = text[i];
            var kind = classes[raw];
            if (kind == Separator)
            {
                if (length == 0) continue;
                end = i;
                return doubled ? CollapseDoubles(destination[..length]) : length;
            }
            if (kind == Dropped) continue;
            var c = folds[raw];
            if (length > 0 && destination[length - 1] == c) doubled = true;
            if (length >= destination.Length)
            {
                // Too long for a key: still report where the word ends, as FirstWordEnd does, but no key.
                end = -1;
                return -1;
            }
            destination[length++] = c;
        }
        end = -1;
        return -1;
    }

    private static int BuildUnfolded(ReadOnlySpan<char> text, Span<char> destination)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsSeparator(c))
            {
                pendingSpace = length > 0;
                continue;
            }
            if (IsDropped(c)) continue;
            if (pendingSpace)
            {
                if (length >= destination.Length) return -1;
                destination[length++] = ' ';
                pendingSpace = false;
            }
            if (length >= destination.Length) return -1;
            destination[length++] = c;
        }
        return CollapseDoubles(destination[..length]);
    }

    /// <summary>Characters that separate the words of a key (one space for a run of them).</summary>
    private static bool IsSeparator(char c) =>
        c is '-' or '_' or ' ' or '\t' or '\n' or '\r' or '\u00A0' or '\u2010' or '\u2011' or '\u2013' or '\u2014';

    /// <summary>Characters a key leaves out: combining marks left by decomposed input, apostrophes and dots.</summary>
    private static bool IsDropped(char c) =>
        c is >= '\u0300' and <= '\u036F'
        or '\'' or '\u2019' or '\u2018' or '`' or '.' or '\u00B4' or '\u02BC' or '\u02BB' or '\u02BE' or '\u02BF' or '\u02B9';

    /// <summary>
    /// Where the first word of the key of <paramref name="text"/> ends: the index of the first separator that
    /// follows a kept character, or -1 when the key would have one word only. Every key built from a longer
    /// text that goes on past that index with a kept character starts with the key of <c>text[..index]</c>
    /// and a space, since <see cref="Build"/> is a left-to-right state machine and folds doubles per word.
    /// </summary>
    public static int FirstWordEnd(ReadOnlySpan<char> text)
    {
        var kept = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = FoldWide(text[i]);
            if (IsSeparator(c))
            {
                if (kept) return i;
                continue;
            }
            if (!IsDropped(c)) kept = true;
        }
        return -1;
    }

    /// <summary>Whether the character separates words of a key.</summary>
    public static bool SeparatesWords(char raw) => Classes[raw] == Separator;

    /// <summary>Whether the character is kept in a key as a letter or digit (so a pending separator becomes a space before it).</summary>
    public static bool IsKeptLetterOrDigit(char raw) => Classes[raw] == KeptLetterOrDigit;

    /// <summary>
    /// Transliterations double letters at will ("Daraa"/"Dara", "Raqqa"/"Raqa", "Tall"/"Tal"): in words of four
    /// letters or more one of each pair is kept. Short words keep theirs, so "AA" stays apart from "A".
    /// </summary>
    private static int CollapseDoubles(Span<char> key)
    {
        var write = 0;
        var wordStart = 0;
        for (var read = 0; read <= key.Length; read++)
        {
            if (read < key.Length && key[read] != ' ') continue;
            var word = key[wordStart..read];
            if (word.Length >= 4)
            {
                for (var k = 0; k < word.Length; k++)
                {
                    if (k > 0 && word[k] == word[k - 1] && char.IsLetter(word[k])) continue;
                    key[write++] = word[k];
                }
            }
            else
            {
                foreach (var c in word) key[write++] = c;
            }
            if (read < key.Length) key[write++] = ' ';
            wordStart = read + 1;
        }
        return write;
    }

    private static char[] BuildFolds()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i < table.Length; i++) table[i] = FoldWide((char)i);
        return table;
    }

    private static byte[] BuildClasses()
    {
        var table = new byte[char.MaxValue + 1];
        for (var i = 0; i < table.Length; i++)
        {
            var c = FoldWide((char)i);
            table[i] = IsSeparator(c) ? Separator : IsDropped(c) ? Dropped : char.IsLetterOrDigit(c) ? KeptLetterOrDigit : Kept;
        }
        return table;
    }

    private static char FoldWide(char raw) => raw < WideFold.Length ? WideFold[raw] : char.ToLowerInvariant(raw);

    private static char[] BuildWideFold()
    {
        // From data/gazetteer/lexicon/latin-fold.tsv: string.Normalize cannot be used, the engine runs with
        // invariant globalization where it leaves non-ASCII text unchanged.
        var table = new char[0x2000];
        for (var i = 0; i < table.Length; i++) table[i] = char.ToLowerInvariant((char)i);
        foreach (var row in GazetteerResources.Rows("latin-fold.tsv"))
        {
            var letter = int.Parse(row[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var baseLetter = (char)int.Parse(row[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (letter < table.Length) table[letter] = baseLetter;
        }
        return table;
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
