using System.Collections.Frozen;
using System.Globalization;
using Sitrep.Languages;

namespace Sitrep.Text;

/// <summary>What a number word does inside a number.</summary>
public enum NumberWordRole
{
    /// <summary>A number on its own ("five", "douazeci").</summary>
    Value,
    /// <summary>Multiplies what comes before it ("hundred", "milioane", "dozen").</summary>
    Multiplier,
    /// <summary>Stands for 1 only right before a multiplier ("a hundred", "o suta"); alone it is an article.</summary>
    Article,
    /// <summary>Joins parts inside one number ("two hundred and five", "douazeci si trei").</summary>
    And,
    /// <summary>Links a number to a multiplier of a thousand or more ("douazeci de mii").</summary>
    Of,
    /// <summary>A word after which a weak number word is an ordinary word ("o noua lege").</summary>
    Determiner,
}

/// <summary>One entry of a language's <c>number-words.tsv</c>.</summary>
/// <param name="Spelling">The word as written in the file (lower case, with its diacritics).</param>
/// <param name="Weak">Also an ordinary word: alone, it counts only in safe contexts.</param>
public readonly record struct NumberWord(string Spelling, decimal Value, NumberWordRole Role, bool Weak);

/// <summary>
/// A language's number words, read from <c>data/lexicons/{lang}/number-words.tsv</c> and looked up by
/// folded form, so "două", "doua" and "DOUĂ" are the same word. Immutable and thread-safe.
/// </summary>
public sealed class NumberWords
{
    public const string FileName = "number-words.tsv";

    private readonly FrozenDictionary<string, NumberWord> _words;
    private readonly FrozenDictionary<string, NumberWord>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Most tokens are not number words: their length and first letter rule them out before any hashing, and
    // words of folded letters a-z (all of English and Romanian) are looked up by their letters packed in a number.
    private const int MaximumKeyLetters = 13;
    private readonly int _maximumLength;
    private readonly bool[] _firstLetters = new bool[0x10000];
    private readonly Dictionary<ulong, NumberWord> _byKey = [];

    private NumberWords(FrozenDictionary<string, NumberWord> words)
    {
        _words = words;
        _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _maximumLength = words.Count == 0 ? 0 : words.Keys.Max(k => k.Length);
        foreach (var (key, word) in words)
        {
            _firstLetters[key[0]] = true;
            if (TryPack(key, out var packed)) _byKey[packed] = word;
        }
    }

    private static bool TryPack(ReadOnlySpan<char> folded, out ulong key)
    {
        key = 0;
        if (folded.Length > MaximumKeyLetters) return false;
        foreach (var c in folded)
        {
            if (c is < 'a' or > 'z') return false;
            key = (key * 27) + (ulong)(c - 'a' + 1);
        }
        return true;
    }

    public static NumberWords Empty { get; } = new(FrozenDictionary<string, NumberWord>.Empty);

    public int Count => _words.Count;

    public static NumberWords ForLanguage(string language) =>
        Parse(LanguageResources.Lines(language, FileName), $"lexicons/{language}/{FileName}");

    /// <summary>Reads data lines ("word TAB value TAB role [TAB flags]"). A malformed line throws, naming the file and line.</summary>
    public static NumberWords Parse(IEnumerable<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var words = new Dictionary<string, NumberWord>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var fields = line.Split('\t', StringSplitOptions.TrimEntries);
            if (fields.Length is < 3 or > 4 || fields[0].Length == 0)
                throw new InvalidDataException($"{source}: data line {number} \"{line}\": expected word, value, role and optional flags separated by tabs.");
            if (!decimal.TryParse(fields[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                throw new InvalidDataException($"{source}: data line {number}: \"{fields[1]}\" is not a number.");
            if (!Enum.TryParse<NumberWordRole>(fields[2], ignoreCase: true, out var role) || int.TryParse(fields[2], out _))
                throw new InvalidDataException($"{source}: data line {number}: unknown role \"{fields[2]}\".");
            var weak = false;
            if (fields.Length == 4)
            {
                if (!string.Equals(fields[3], "weak", StringComparison.Ordinal))
                    throw new InvalidDataException($"{source}: data line {number}: unknown flag \"{fields[3]}\".");
                weak = true;
            }
            var folded = TextFolding.Fold(new TextNormalizer().Normalize(fields[0]).Normalized);
            if (!words.TryAdd(folded, new NumberWord(fields[0], value, role, weak)))
                throw new InvalidDataException($"{source}: data line {number}: \"{fields[0]}\" is listed twice (folded \"{folded}\").");
        }
        return new NumberWords(words.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public bool TryGet(ReadOnlySpan<char> folded, out NumberWord word)
    {
        if (!MayBeNumberWord(folded))
        {
            word = default;
            return false;
        }
        return TryPack(folded, out var key) ? _byKey.TryGetValue(key, out word) : _lookup.TryGetValue(folded, out word);
    }

    /// <summary>A cheap test that rules out most words without hashing them.</summary>
    public bool MayBeNumberWord(ReadOnlySpan<char> folded) =>
        folded.Length > 0 && folded.Length <= _maximumLength && _firstLetters[folded[0]];
}
