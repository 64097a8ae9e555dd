using System.Text;

namespace Sitrep.Text;

/// <summary>The output of <see cref="TextNormalizer"/>: normalized and folded text of equal length, and the way back.</summary>
public sealed record NormalizedText(string Original, string Normalized, string Folded, OffsetMap Map);

/// <summary>
/// Normalises text for matching without losing the way back to the original:
/// NFC; Romanian s/t with cedilla made comma-below; typographic quotes, dashes and spaces unified;
/// a space put between sentences glued without one ("citat de AFP.De asemenea"); and a folded
/// copy (lower case, no diacritics) of the same length. Stateless and thread-safe.
/// </summary>
public sealed class TextNormalizer
{
    public NormalizedText Normalize(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var builder = new StringBuilder(original.Length + 16);
        var starts = new List<int>(original.Length + 16);
        var ends = new List<int>(original.Length + 16);
        var changed = false;

        var i = 0;
        while (i < original.Length)
        {
            // A run of a base character and its combining marks is normalised together.
            var runEnd = i + 1;
            if (char.IsHighSurrogate(original[i]) && runEnd < original.Length && char.IsLowSurrogate(original[runEnd])) runEnd++;
            while (runEnd < original.Length && IsCombining(original[runEnd])) runEnd++;

            if (runEnd - i == 1 && original[i] < 0x80)
            {
                AppendAscii(original, i, builder, starts, ends, ref changed);
            }
            else
            {
                var run = original.Substring(i, runEnd - i);
                var composed = IsWellFormed(run) ? run.Normalize(NormalizationForm.FormC) : ReplaceLoneSurrogates(run);
                if (!string.Equals(composed, run, StringComparison.Ordinal)) changed = true;
                foreach (var c in composed)
                {
                    var unified = Unify(c);
                    if (unified != c) changed = true;
                    builder.Append(unified);
                    starts.Add(i);
                    ends.Add(runEnd);
                }
            }
            i = runEnd;
        }

        var normalized = changed ? builder.ToString() : original;
        var map = changed ? OffsetMap.FromArrays(original.Length, [.. starts], [.. ends]) : OffsetMap.Identity(original.Length);
        return new NormalizedText(original, normalized, TextFolding.Fold(normalized), map);
    }

    private static void AppendAscii(string original, int i, StringBuilder builder, List<int> starts, List<int> ends, ref bool changed)
    {
        var c = original[i];
        builder.Append(c);
        starts.Add(i);
        ends.Add(i + 1);
        if (c == '.' && IsGluedSentenceBoundary(original, i))
        {
            builder.Append(' ');
            starts.Add(i + 1);
            ends.Add(i + 1);
            changed = true;
        }
    }

    /// <summary>
    /// "militarilor.Bilantul": a full stop between a word of two or more letters and a capitalised word
    /// with no space is a sentence boundary that lost its space. Initials ("U.S.Army") and numbers are not.
    /// </summary>
    private static bool IsGluedSentenceBoundary(string text, int dot)
    {
        if (dot < 2 || dot + 2 >= text.Length) return false;
        if (!char.IsLetter(text[dot - 1]) || !char.IsLetter(text[dot - 2])) return false;
        if (!char.IsUpper(text[dot + 1]) || !char.IsLower(text[dot + 2])) return false;
        // "www.Example.com": a domain goes on with another dot before any space.
        for (var j = dot + 1; j < text.Length && !char.IsWhiteSpace(text[j]); j++)
        {
            if (text[j] == '.' && j + 1 < text.Length && char.IsLetter(text[j + 1])) return false;
        }
        return true;
    }

    private static bool IsCombining(char c) =>
        c >= 0x300 && char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    private static bool IsWellFormed(string run)
    {
        for (var k = 0; k < run.Length; k++)
        {
            if (char.IsHighSurrogate(run[k]))
            {
                if (k + 1 >= run.Length || !char.IsLowSurrogate(run[k + 1])) return false;
                k++;
            }
            else if (char.IsLowSurrogate(run[k]))
            {
                return false;
            }
        }
        return true;
    }

    private static string ReplaceLoneSurrogates(string run)
    {
        var chars = run.ToCharArray();
        for (var k = 0; k < chars.Length; k++)
        {
            if (char.IsHighSurrogate(chars[k]) && k + 1 < chars.Length && char.IsLowSurrogate(chars[k + 1])) { k++; continue; }
            if (char.IsSurrogate(chars[k])) chars[k] = '\uFFFD';
        }
        return new string(chars);
    }

    /// <summary>One-for-one replacements that make equal what writers and keyboards make different.</summary>
    internal static char Unify(char c) => c switch
    {
        '\u015F' => '\u0219', // s cedilla -> s comma below
        '\u015E' => '\u0218',
        '\u0163' => '\u021B', // t cedilla -> t comma below
        '\u0162' => '\u021A',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' => '"',
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2039' or '\u203A' or '\u2032' or '\u0060' or '\u00B4' => '\'',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u00AD' => '-',
        '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u200A' or '\u2002' or '\u2003' or '\u3000' => ' ',
        _ => c,
    };
}
