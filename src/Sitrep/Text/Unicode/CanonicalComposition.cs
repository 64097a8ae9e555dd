using System.Text;

namespace Sitrep.Text.Unicode;

/// <summary>
/// Unicode canonical decomposition and composition (NFC) from the tables in <see cref="UnicodeTables"/>.
/// The engine runs with invariant globalization, where <see cref="string.Normalize()"/> returns its input
/// unchanged, so Sitrep normalises with its own tables: the same result on every machine. Thread-safe.
/// </summary>
internal static class CanonicalComposition
{
    private const int HangulSBase = 0xAC00, HangulLBase = 0x1100, HangulVBase = 0x1161, HangulTBase = 0x11A7;
    private const int HangulLCount = 19, HangulVCount = 21, HangulTCount = 28;
    private const int HangulNCount = HangulVCount * HangulTCount, HangulSCount = HangulLCount * HangulNCount;

    private const byte UnstableFlag = 1, ContinuationFlag = 2, DecomposableFlag = 4;

    // Flags and combining classes of the Basic Multilingual Plane, where nearly all text lives.
    private static readonly byte[] BmpFlags = new byte[0x10000];
    private static readonly byte[] BmpCombiningClass = new byte[0x10000];
    // Plain dictionaries: built at start-up (a frozen one costs more to build than it saves), only read afterwards.
    private static readonly Dictionary<int, (int Offset, int Length)> DecompositionIndex;
    private static readonly Dictionary<long, int> CompositionTable;
    private static readonly Dictionary<int, byte> SupplementaryFlags;
    private static readonly Dictionary<int, byte> SupplementaryCombiningClass;

#pragma warning disable CA1810 // One pass over the generated tables fills every lookup; field initialisers cannot share it.
    static CanonicalComposition()
#pragma warning restore CA1810
    {
        var supplementaryFlags = new Dictionary<int, byte>();
        var supplementaryClass = new Dictionary<int, byte>();

        var ranges = UnicodeTables.CombiningClassRanges;
        for (var r = 0; r < ranges.Length; r += 3)
        {
            for (var cp = ranges[r]; cp <= ranges[r + 1]; cp++)
            {
                var ccc = (byte)ranges[r + 2];
                if (cp < 0x10000) BmpCombiningClass[cp] = ccc;
                else supplementaryClass[cp] = ccc;
                SetFlag(cp, ContinuationFlag);
            }
        }

        var index = new Dictionary<int, (int, int)>();
        var decompositions = UnicodeTables.Decompositions;
        for (var i = 0; i < decompositions.Length;)
        {
            var cp = decompositions[i];
            var length = decompositions[i + 1];
            index[cp] = (i + 2, length);
            SetFlag(cp, DecomposableFlag);
            // A character that decomposes into combining marks ("\u0344", "\u0F73") reorders with the marks around it.
            var head = decompositions[i + 2];
            if ((head < 0x10000 ? BmpCombiningClass[head] : supplementaryClass.GetValueOrDefault(head)) != 0) SetFlag(cp, ContinuationFlag);
            i += 2 + length;
        }
        DecompositionIndex = index;

        var compositions = new Dictionary<long, int>();
        var triples = UnicodeTables.Compositions;
        for (var i = 0; i < triples.Length; i += 3)
        {
            compositions[Key(triples[i], triples[i + 1])] = triples[i + 2];
            // A starter that can join the character before it ("maybe" in NFC quick check) continues a run.
            SetFlag(triples[i + 1], ContinuationFlag);
        }
        CompositionTable = compositions;

        foreach (var cp in UnicodeTables.UnstableAlone) SetFlag(cp, UnstableFlag);

        // Conjoining jamo vowels and trailing consonants compose with the syllable before them.
        for (var cp = HangulVBase; cp < HangulVBase + HangulVCount; cp++) SetFlag(cp, ContinuationFlag);
        for (var cp = HangulTBase + 1; cp < HangulTBase + HangulTCount; cp++) SetFlag(cp, ContinuationFlag);

        SupplementaryFlags = supplementaryFlags;
        SupplementaryCombiningClass = supplementaryClass;

        void SetFlag(int cp, byte flag)
        {
            if (cp < 0x10000) BmpFlags[cp] |= flag;
            else supplementaryFlags[cp] = (byte)(supplementaryFlags.GetValueOrDefault(cp) | flag);
        }
    }

    public static string UnicodeVersion => UnicodeTables.Version;

    /// <summary>True when NFC changes the code point even with nothing around it (singletons, excluded composites).</summary>
    public static bool IsUnstableAlone(int codePoint) => (Flags(codePoint) & UnstableFlag) != 0;

    /// <summary>True when the code point may combine with what precedes it (a combining mark, a composing vowel...).</summary>
    public static bool IsContinuation(int codePoint) => (Flags(codePoint) & ContinuationFlag) != 0;

    public static int CombiningClass(int codePoint) =>
        codePoint < 0x10000 ? BmpCombiningClass[codePoint] : SupplementaryCombiningClass.GetValueOrDefault(codePoint);

    /// <summary>The first code point of the full canonical decomposition: the base letter of "ă" is "a".</summary>
    public static int BaseOf(int codePoint)
    {
        if (codePoint is >= HangulSBase and < HangulSBase + HangulSCount) return codePoint;
        return DecompositionIndex.TryGetValue(codePoint, out var entry) ? UnicodeTables.Decompositions[entry.Offset] : codePoint;
    }

    /// <summary>NFC of a whole string; lone surrogates become U+FFFD.</summary>
    public static string Compose(string text)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var end = RunEnd(text, i);
            builder.Append(ComposeRun(text.AsSpan(i, end - i)));
            i = end;
        }
        return builder.ToString();
    }

    /// <summary>
    /// The end of the run that starts at <paramref name="start"/>: its first character and every
    /// following character that may combine with it. NFC never looks across runs.
    /// </summary>
    public static int RunEnd(string text, int start)
    {
        var end = start + (char.IsHighSurrogate(text[start]) && start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]) ? 2 : 1);
        while (end < text.Length)
        {
            var c = text[end];
            int cp;
            int width;
            if (char.IsHighSurrogate(c) && end + 1 < text.Length && char.IsLowSurrogate(text[end + 1]))
            {
                cp = char.ConvertToUtf32(c, text[end + 1]);
                width = 2;
            }
            else
            {
                cp = c;
                width = 1;
            }
            if (char.IsSurrogate(c) && width == 1) break;
            if (!IsContinuation(cp)) break;
            end += width;
        }
        return end;
    }

    /// <summary>NFC of one run (see <see cref="RunEnd"/>); lone surrogates become U+FFFD.</summary>
    /// <param name="run">The run.</param>
    /// <param name="cedillaToCommaBelow">
    /// Turn a cedilla under s or t into a comma below before composing (Romanian writes ș and ț, old keyboards
    /// ş and ţ). Done on the decomposed letters, so that the result is stable under a second normalisation.
    /// </param>
    public static string ComposeRun(ReadOnlySpan<char> run, bool cedillaToCommaBelow = false)
    {
        Span<int> initial = stackalloc int[32];
        var buffer = new CodePointBuffer(initial);
        for (var i = 0; i < run.Length; i++)
        {
            int cp = run[i];
            if (char.IsHighSurrogate(run[i]) && i + 1 < run.Length && char.IsLowSurrogate(run[i + 1]))
            {
                cp = char.ConvertToUtf32(run[i], run[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(run[i]))
            {
                cp = 0xFFFD;
            }
            Decompose(cp, ref buffer);
        }

        var points = buffer.Span;
        if (cedillaToCommaBelow) CedillaToCommaBelow(points);
        SortByCombiningClass(points);
        var length = ComposeInPlace(points);

        var builder = new StringBuilder(length + 2);
        foreach (var cp in points[..length])
        {
            if (cp < 0x10000) builder.Append((char)cp);
            else builder.Append(char.ConvertFromUtf32(cp));
        }
        return builder.ToString();
    }

    private static void CedillaToCommaBelow(Span<int> points)
    {
        var underST = false;
        for (var i = 0; i < points.Length; i++)
        {
            var cp = points[i];
            if (CombiningClass(cp) == 0) underST = cp is 's' or 'S' or 't' or 'T';
            else if (underST && cp == 0x0327) points[i] = 0x0326;
        }
    }

    private static void Decompose(int cp, ref CodePointBuffer buffer)
    {
        if (cp is >= HangulSBase and < HangulSBase + HangulSCount)
        {
            var s = cp - HangulSBase;
            buffer.Add(HangulLBase + (s / HangulNCount));
            buffer.Add(HangulVBase + (s % HangulNCount / HangulTCount));
            var t = s % HangulTCount;
            if (t != 0) buffer.Add(HangulTBase + t);
            return;
        }
        if ((Flags(cp) & DecomposableFlag) != 0 && DecompositionIndex.TryGetValue(cp, out var entry))
        {
            var table = UnicodeTables.Decompositions;
            for (var k = 0; k < entry.Length; k++) buffer.Add(table[entry.Offset + k]);
            return;
        }
        buffer.Add(cp);
    }

    // Canonical ordering: a stable sort of each stretch of non-starters by combining class.
    private static void SortByCombiningClass(Span<int> points)
    {
        for (var i = 1; i < points.Length; i++)
        {
            var cc = CombiningClass(points[i]);
            if (cc == 0) continue;
            var j = i;
            while (j > 0)
            {
                var previous = CombiningClass(points[j - 1]);
                if (previous <= cc) break;
                (points[j - 1], points[j]) = (points[j], points[j - 1]);
                j--;
            }
        }
    }

    private static int ComposeInPlace(Span<int> points)
    {
        if (points.Length == 0) return 0;
        var starterPosition = CombiningClass(points[0]) == 0 ? 0 : -1;
        var lastClass = starterPosition == 0 ? 0 : 256;
        var written = 1;
        for (var i = 1; i < points.Length; i++)
        {
            var cp = points[i];
            var cc = CombiningClass(cp);
            if (starterPosition >= 0 && (lastClass < cc || lastClass == 0) && TryCompose(points[starterPosition], cp, out var composite))
            {
                points[starterPosition] = composite;
                continue;
            }
            if (cc == 0) starterPosition = written;
            lastClass = cc;
            points[written++] = cp;
        }
        return written;
    }

    private static bool TryCompose(int first, int second, out int composite)
    {
        if (first is >= HangulLBase and < HangulLBase + HangulLCount && second is >= HangulVBase and < HangulVBase + HangulVCount)
        {
            composite = HangulSBase + ((((first - HangulLBase) * HangulVCount) + (second - HangulVBase)) * HangulTCount);
            return true;
        }
        if (first is >= HangulSBase and < HangulSBase + HangulSCount && (first - HangulSBase) % HangulTCount == 0
            && second is > HangulTBase and < HangulTBase + HangulTCount)
        {
            composite = first + (second - HangulTBase);
            return true;
        }
        return CompositionTable.TryGetValue(Key(first, second), out composite);
    }

    private static byte Flags(int codePoint) =>
        codePoint < 0x10000 ? BmpFlags[codePoint] : SupplementaryFlags.GetValueOrDefault(codePoint);

    private static long Key(int first, int second) => ((long)first << 21) | (uint)second;

    /// <summary>A growable buffer of code points that starts on the stack.</summary>
    private ref struct CodePointBuffer
    {
        private Span<int> _items;
        private int _count;

        public CodePointBuffer(Span<int> initial)
        {
            _items = initial;
            _count = 0;
        }

        public readonly Span<int> Span => _items[.._count];

        public void Add(int value)
        {
            if (_count == _items.Length)
            {
                var larger = new int[_items.Length * 2];
                _items.CopyTo(larger);
                _items = larger;
            }
            _items[_count++] = value;
        }
    }
}
