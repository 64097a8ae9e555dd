using System.Buffers;
using Sitrep.Text.Unicode;

namespace Sitrep.Text;

/// <summary>The output of <see cref="TextNormalizer"/>: normalized and folded text of equal length, and the way back.</summary>
public sealed record NormalizedText(string Original, string Normalized, string Folded, OffsetMap Map);

/// <summary>
/// Normalises text for matching without losing the way back to the original:
/// NFC; Romanian s/t with cedilla made comma-below; typographic quotes, dashes and spaces unified;
/// invisible format characters (zero-width space, soft hyphen, byte order mark) removed;
/// a space put between sentences glued without one ("citat de AFP.De asemenea"); and a folded
/// copy (lower case, no diacritics) of the same length. Never throws on any string. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Clean text costs one scan: when nothing needs to change, the original string is kept and the map is
/// the identity. Otherwise only the part after the first change is rewritten, into a pooled buffer.
/// </remarks>
public sealed class TextNormalizer
{
    private const byte Changes = 1, Continues = 2, Surrogate = 4, Deleted = 8, Unstable = 16;

    // Format characters that only affect display and would otherwise cut words in two. Declared before Kinds, which reads it.
    private static readonly SearchValues<char> InvisibleCharacters = SearchValues.Create("\u00AD\u200B\u2060\uFEFF\u200E\u200F");

    // What each BMP character asks of the normaliser, computed once.
    private static readonly byte[] Kinds = BuildKinds();

    public NormalizedText Normalize(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var first = FirstChange(original);
        var map = OffsetMap.Identity(original.Length);
        var normalized = first < 0 ? original : Rewrite(original, first, out map);
        // Glued sentences are found in the composed text, so that normalising twice changes nothing more.
        normalized = InsertMissingSpaces(normalized, ref map);
        return new NormalizedText(original, normalized, TextFolding.Fold(normalized), map);
    }

    /// <summary>The start of the first run that normalisation changes, or -1 when the text is already normal.</summary>
    private static int FirstChange(string text)
    {
        var kinds = Kinds;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var kind = kinds[c];
            if (kind == 0) continue;
            if (c < 0x80)
            {
                if ((kind & Changes) != 0) return i;
                continue;
            }
            if ((kind & Surrogate) != 0)
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return i;
                var cp = char.ConvertToUtf32(c, text[i + 1]);
                if (CanonicalComposition.IsUnstableAlone(cp)) return i;
                if (CanonicalComposition.IsContinuation(cp)) return RunStart(text, i);
                i++;
                continue;
            }
            if ((kind & (Continues | Deleted)) != 0) return RunStart(text, i);
            return i;
        }
        return -1;
    }

    /// <summary>Steps back from a character that joins the one before it to the character its run starts with.</summary>
    private static int RunStart(string text, int at)
    {
        var p = at;
        while (p > 0)
        {
            var q = p - 1;
            if (char.IsLowSurrogate(text[q]) && q > 0 && char.IsHighSurrogate(text[q - 1])) q--;
            p = q;
            if (!JoinsPrevious(text, q, out _)) break;
        }
        return p;
    }

    /// <summary>
    /// The end of the run that starts at <paramref name="start"/>: its first character and every following one
    /// that NFC may combine with it. Invisible characters are inside runs, since removing them must not leave
    /// combining marks that NFC would have combined or reordered had they been adjacent.
    /// </summary>
    private static int RunEnd(string text, int start)
    {
        var end = start + (char.IsHighSurrogate(text[start]) && start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]) ? 2 : 1);
        while (end < text.Length && JoinsPrevious(text, end, out var width)) end += width;
        return end;
    }

    private static bool JoinsPrevious(string text, int at, out int width)
    {
        var c = text[at];
        width = 1;
        if (IsInvisible(c)) return true;
        if (char.IsHighSurrogate(c))
        {
            if (at + 1 >= text.Length || !char.IsLowSurrogate(text[at + 1])) return false;
            width = 2;
            return CanonicalComposition.IsContinuation(char.ConvertToUtf32(c, text[at + 1]));
        }
        return !char.IsSurrogate(c) && CanonicalComposition.IsContinuation(c);
    }

    private static string Rewrite(string original, int first, out OffsetMap map)
    {
        var n = original.Length;
        var buffer = ArrayPool<char>.Shared.Rent(n + (n >> 4) + 16);
        var length = first;
        original.AsSpan(0, first).CopyTo(buffer);
        var builder = new OffsetMap.Builder(n);
        builder.AppendOneForOne(0, first);
        var kinds = Kinds;
        try
        {
            const byte NotOneForOne = Continues | Surrogate | Deleted | Unstable;
            var unify = UnifyTable;
            var i = first;
            while (i < n)
            {
                // A stretch of characters that map one for one (most text) is copied in one go.
                var j = i;
                while (j < n && (kinds[original[j]] & NotOneForOne) == 0) j++;
                // The last of them starts a run when what follows combines with it.
                if (j < n && j > i && JoinsPrevious(original, j, out _)) j--;
                if (j > i)
                {
                    EnsureCapacity(ref buffer, length + (j - i));
                    for (var k = i; k < j; k++) buffer[length++] = unify[original[k]];
                    builder.AppendOneForOne(i, j - i);
                    i = j;
                    if (i >= n) break;
                }

                var c = original[i];
                var runEnd = RunEnd(original, i);
                if (runEnd == i + 1 && !char.IsSurrogate(c))
                {
                    AppendSingle(original, i, ref buffer, ref length, builder);
                }
                else if (runEnd == i + 2 && char.IsHighSurrogate(c) && char.IsLowSurrogate(original[i + 1])
                    && !CanonicalComposition.IsUnstableAlone(char.ConvertToUtf32(c, original[i + 1])))
                {
                    // A character outside the BMP that nothing combines with (an emoji): kept as is.
                    EnsureCapacity(ref buffer, length + 2);
                    buffer[length++] = c;
                    buffer[length++] = original[i + 1];
                    builder.AppendOneForOne(i, 2);
                }
                else
                {
                    AppendRun(original, i, runEnd, ref buffer, ref length, builder);
                }
                i = runEnd;
            }

            map = builder.Build();
            var result = buffer.AsSpan(0, length);
            return result.SequenceEqual(original) ? original : new string(result);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Appends one character that nothing combines with.</summary>
    private static void AppendSingle(string original, int i, ref char[] buffer, ref int length, OffsetMap.Builder builder)
    {
        var c = original[i];
        var kind = Kinds[c];
        if ((kind & Deleted) != 0) return;
        if ((kind & Unstable) != 0)
        {
            AppendRun(original, i, i + 1, ref buffer, ref length, builder);
            return;
        }
        EnsureCapacity(ref buffer, length + 1);
        buffer[length++] = Unify(c);
        builder.AppendOneForOne(i, 1);
    }

    /// <summary>Appends the NFC of one run, unified and without invisible characters, mapped to the run.</summary>
    private static void AppendRun(string original, int start, int end, ref char[] buffer, ref int length, OffsetMap.Builder builder)
    {
        var run = original.AsSpan(start, end - start);
        var composed = CanonicalComposition.ComposeRun(run.ContainsAny(InvisibleCharacters) ? WithoutInvisible(run) : run, cedillaToCommaBelow: true);
        EnsureCapacity(ref buffer, length + composed.Length);
        var from = length;
        foreach (var c in composed)
        {
            if ((Kinds[c] & Deleted) != 0) continue;
            buffer[length++] = Unify(c);
        }
        var written = length - from;
        if (written == run.Length && composed.AsSpan().SequenceEqual(run)) builder.AppendOneForOne(start, written);
        else builder.AppendBlock(start, end, written);
    }

    private static void EnsureCapacity(ref char[] buffer, int needed)
    {
        if (needed <= buffer.Length) return;
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan().CopyTo(larger);
        ArrayPool<char>.Shared.Return(buffer);
        buffer = larger;
    }

    /// <summary>Puts a space after each sentence stop glued to the next sentence, keeping the map to the original.</summary>
    private static string InsertMissingSpaces(string text, ref OffsetMap map)
    {
        var at = text.AsSpan().IndexOfAny(SentenceStops);
        if (at < 0) return text;
        List<int>? stops = null;
        while (at >= 0)
        {
            if (IsGluedSentenceBoundary(text, at)) (stops ??= []).Add(at);
            var next = text.AsSpan(at + 1).IndexOfAny(SentenceStops);
            at = next < 0 ? -1 : at + 1 + next;
        }
        if (stops is null) return text;

        var builder = new OffsetMap.Builder(map.OriginalLength);
        var result = new System.Text.StringBuilder(text.Length + stops.Count);
        var from = 0;
        foreach (var stop in stops)
        {
            result.Append(text, from, stop + 1 - from).Append(' ');
            map.AppendTo(builder, from, stop + 1);
            var after = map.ToOriginal(stop, stop + 1).End;
            builder.AppendBlock(after, after, 1);
            from = stop + 1;
        }
        result.Append(text, from, text.Length - from);
        map.AppendTo(builder, from, text.Length);
        map = builder.Build();
        return result.ToString();
    }

    private static readonly SearchValues<char> SentenceStops = SearchValues.Create(".!?");

    /// <summary>
    /// "militarilor.Bilantul": a full stop (or ! or ?) between a word of two or more letters and a capitalised
    /// word with no space is a sentence boundary that lost its space. Initials ("U.S.Army"), numbers ("1.5")
    /// and domains ("www.Example.com", "Digi24.Ro.ro") are not.
    /// </summary>
    private static bool IsGluedSentenceBoundary(string text, int stop)
    {
        if (stop + 2 >= text.Length) return false;
        if (!char.IsUpper(text[stop + 1]) || !char.IsLower(text[stop + 2])) return false;
        var p = stop - 1;
        while (p >= 0 && !char.IsLetter(text[p]) && IsMark(text[p])) p--;
        if (p < 1 || !char.IsLetter(text[p]) || !char.IsLetter(text[p - 1])) return false;
        // A domain or a dotted name goes on with a dot and a small letter or digit before any space. (A dot
        // followed by a capital does not count: it may be the next glued sentence, and the answer must not
        // change once that one gets its space.)
        for (var j = stop + 1; j + 1 < text.Length && !char.IsWhiteSpace(text[j]); j++)
        {
            if (text[j] == '.' && (char.IsLower(text[j + 1]) || char.IsDigit(text[j + 1]))) return false;
        }
        return true;
    }

    private static bool IsMark(char c) =>
        c >= 0x300 && char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    private static byte[] BuildKinds()
    {
        var kinds = new byte[0x10000];
        for (var i = 0; i < kinds.Length; i++)
        {
            var c = (char)i;
            byte kind = 0;
            if (char.IsSurrogate(c)) kind |= Surrogate;
            else
            {
                if (Unify(c) != c) kind |= Changes;
                if (IsInvisible(c)) kind |= Changes | Deleted;
                if (CanonicalComposition.IsUnstableAlone(i)) kind |= Changes | Unstable;
                if (CanonicalComposition.IsContinuation(i)) kind |= Continues;
            }
            kinds[i] = kind;
        }
        return kinds;
    }

    /// <summary>Format characters that only affect display and would otherwise cut words in two.</summary>

    private static bool IsInvisible(char c) => InvisibleCharacters.Contains(c);

    private static string WithoutInvisible(ReadOnlySpan<char> run)
    {
        var builder = new System.Text.StringBuilder(run.Length);
        foreach (var c in run)
        {
            if (!IsInvisible(c)) builder.Append(c);
        }
        return builder.ToString();
    }

    private static readonly char[] UnifyTable = BuildUnifyTable();

    private static char[] BuildUnifyTable()
    {
        var table = new char[0x10000];
        for (var i = 0; i < table.Length; i++) table[i] = Unify((char)i);
        return table;
    }

    /// <summary>One-for-one replacements that make equal what writers and keyboards make different.</summary>
    internal static char Unify(char c) => c switch
    {
        '\u015F' => '\u0219', // s cedilla -> s comma below
        '\u015E' => '\u0218',
        '\u0163' => '\u021B', // t cedilla -> t comma below
        '\u0162' => '\u021A',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' or '\u301D' or '\u301E' or '\uFF02' => '"',
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2039' or '\u203A' or '\u2032' or '\u0060' or '\u00B4' or '\u02BC' or '\uFF07' => '\'',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
        '\u00A0' or '\u2000' or '\u2001' or '\u2002' or '\u2003' or '\u2004' or '\u2005' or '\u2006' or '\u2007' or '\u2008'
            or '\u2009' or '\u200A' or '\u202F' or '\u205F' or '\u3000' => ' ',
        '\u2028' or '\u2029' => '\n',
        _ => c,
    };
}
