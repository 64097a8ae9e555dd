using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Sitrep.Extraction.Lexicons;

/// <summary>
/// Every extraction lexicon of one language as frozen lookups keyed by a pattern's first folded token:
/// exact first tokens in one table, prefix stems ("bombard*") in another. Built once; thread-safe.
/// </summary>
public sealed class CompiledLexicon
{
    private const int MinimumStem = 3;

    private readonly FrozenDictionary<string, ImmutableArray<LexiconEntry>> _byFirst;
    private readonly FrozenDictionary<string, ImmutableArray<LexiconEntry>> _byStem;
    private readonly FrozenDictionary<string, ImmutableArray<LexiconEntry>>.AlternateLookup<ReadOnlySpan<char>> _firstLookup;
    private readonly FrozenDictionary<string, ImmutableArray<LexiconEntry>>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;
    private readonly int _longestStem;
    // The first MinimumStem letters of every stem, packed: a word that starts otherwise has no stem, so its
    // one-per-length stem lookups are skipped (most words of a text).
    private readonly FrozenSet<ulong> _stemStarts;
    // Which stem lengths exist at all.
    private readonly bool[] _stemLengths;

    private CompiledLexicon(string language, IReadOnlyList<LexiconEntry> entries, ImmutableHashSet<LexiconKind> kinds)
    {
        Language = language;
        Kinds = kinds;
        Entries = [.. entries];
        // Longer patterns first, so the first full match at a position is the longest.
        _byFirst = Group(entries.Where(e => !e.Words[0].EndsWith('*')), e => e.Words[0]);
        _byStem = Group(entries.Where(e => e.Words[0].EndsWith('*')), e => e.Words[0][..^1]);
        _firstLookup = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemLookup = _byStem.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestStem = _byStem.Count == 0 ? 0 : _byStem.Keys.Max(k => k.Length);
        _stemStarts = _byStem.Keys.Where(k => k.Length >= MinimumStem).Select(k => Start(k)).ToFrozenSet();
        _stemLengths = new bool[_longestStem + 1];
        foreach (var stem in _byStem.Keys) _stemLengths[stem.Length] = true;
    }

    public string Language { get; }

    /// <summary>The lexicon kinds this language has data for.</summary>
    public ImmutableHashSet<LexiconKind> Kinds { get; }

    public ImmutableArray<LexiconEntry> Entries { get; }

    /// <summary>Builds a language's lexicon from rows (the build-time compiled rows, or rows parsed in a test).</summary>
    public static CompiledLexicon From(string language, IEnumerable<LexiconRow> rows)
    {
        var entries = new List<LexiconEntry>();
        var kinds = ImmutableHashSet.CreateBuilder<LexiconKind>();
        foreach (var row in rows)
        {
            if (!string.Equals(row.Language, language, StringComparison.Ordinal)) continue;
            if (!LexiconKinds.TryParse(row.Kind, out var kind)) continue;
            kinds.Add(kind);
            foreach (var words in Expand(row.Pattern))
            {
                entries.Add(new LexiconEntry(kind, words, [.. row.Fields], row.Line));
            }
        }
        return new CompiledLexicon(language, entries, kinds.ToImmutable());
    }

    /// <summary>The entries whose first token could be this folded token: exact, then by stem.</summary>
    public void CandidatesFor(ReadOnlySpan<char> folded, List<LexiconEntry> into)
    {
        if (_firstLookup.TryGetValue(folded, out var exact)) into.AddRange(exact);
        if (_byStem.Count == 0 || folded.Length < MinimumStem || !_stemStarts.Contains(Start(folded))) return;
        for (var length = Math.Min(folded.Length, _longestStem); length >= MinimumStem; length--)
        {
            if (_stemLengths[length] && _stemLookup.TryGetValue(folded[..length], out var stems)) into.AddRange(stems);
        }
    }

    /// <summary>The first <see cref="MinimumStem"/> characters, packed into one number.</summary>
    private static ulong Start(ReadOnlySpan<char> word) => word[0] | ((ulong)word[1] << 16) | ((ulong)word[2] << 32);

    /// <summary>Splits a pattern the way the segmenter splits text, expanding "{a,b}" endings into separate forms.</summary>
    internal static IEnumerable<ImmutableArray<string>> Expand(string pattern)
    {
        IEnumerable<ImmutableArray<string>> forms = [ImmutableArray<string>.Empty];
        foreach (var word in pattern.Split(' '))
        {
            var variants = LexiconSchema.ExpandEndings(word).Select(Tokenize).ToList();
            forms = forms.SelectMany(prefix => variants.Select(v => prefix.AddRange(v))).ToList();
        }
        return forms;
    }

    /// <summary>Letters and digits stay together; every other character is a token of its own, as in the segmenter.</summary>
    private static ImmutableArray<string> Tokenize(string word)
    {
        var tokens = ImmutableArray.CreateBuilder<string>();
        var start = -1;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsLetterOrDigit(c) || (c == '*' && i == word.Length - 1))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0) { tokens.Add(word[start..i]); start = -1; }
            tokens.Add(c.ToString());
        }
        if (start >= 0) tokens.Add(word[start..]);
        return tokens.ToImmutable();
    }

    private static FrozenDictionary<string, ImmutableArray<LexiconEntry>> Group(IEnumerable<LexiconEntry> entries, Func<LexiconEntry, string> key) =>
        entries.GroupBy(key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Words.Length).ToImmutableArray(), StringComparer.Ordinal);
}
