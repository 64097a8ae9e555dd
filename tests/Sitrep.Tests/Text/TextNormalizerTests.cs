using Sitrep.Text;

namespace Sitrep.Tests.Text;

public sealed class TextNormalizerTests
{
    private static readonly TextNormalizer Normalizer = new();

    [Theory]
    // Romanian letters typed as base + combining mark compose to the single letter.
    [InlineData("s\u0326ase", "\u0219ase")]
    [InlineData("ca\u0306ta\u0306lin", "c\u0103t\u0103lin")]
    [InlineData("i\u0302n", "\u00EEn")]
    [InlineData("T\u0326ara", "\u021Aara")]
    // Cedilla letters (old keyboards) become comma-below letters, also when the cedilla is a combining mark.
    [InlineData("\u015Fi \u0163ar\u0103", "\u0219i \u021Bar\u0103")]
    [InlineData("\u015E\u0162", "\u0218\u021A")]
    [InlineData("s\u0327i", "\u0219i")]
    [InlineData("T\u0327ara", "\u021Aara")]
    // Typographic quotes and dashes become plain ones.
    [InlineData("\u201EDa\u201D, a spus", "\"Da\", a spus")]
    [InlineData("\u00ABnu\u00BB \u2014 \u2018yes\u2019", "\"nu\" - 'yes'")]
    [InlineData("1990\u20131994", "1990-1994")]
    // Unusual spaces become plain spaces; invisible format characters go away.
    [InlineData("30\u00A0000", "30 000")]
    [InlineData("Kara\u200Bbakh", "Karabakh")]
    [InlineData("Nagor\u00ADno", "Nagorno")]
    [InlineData("\uFEFFText", "Text")]
    // Singletons that NFC replaces: the Angstrom sign is the letter A with ring.
    [InlineData("\u212B", "\u00C5")]
    // A sentence glued to the previous one gets its space back.
    [InlineData("citat de AFP.De asemenea", "citat de AFP. De asemenea")]
    [InlineData("au murit.Alte surse", "au murit. Alte surse")]
    [InlineData("Why?Because", "Why? Because")]
    // Initials, decimals, domains and lower-case continuations stay as they are.
    [InlineData("the U.S.Army said", "the U.S.Army said")]
    [InlineData("a 1.5 km", "a 1.5 km")]
    [InlineData("see www.Example.com now", "see www.Example.com now")]
    [InlineData("J.R.Smith", "J.R.Smith")]
    [InlineData("file.txt", "file.txt")]
    public void Normalisation_gives_the_expected_text(string original, string expected)
    {
        Assert.Equal(expected, Normalizer.Normalize(original).Normalized);
    }

    [Fact]
    public void Lone_surrogates_are_replaced()
    {
        // Built in code: test attributes cannot hold lone surrogates.
        (string Original, string Expected)[] cases =
        [
            ("a" + '\uD800' + "b", "a\uFFFDb"),   // a lone high surrogate
            ("a" + '\uDC00', "a\uFFFD"),          // a lone low surrogate at the end
            (new string(['\uDC00', '\uD800']), "\uFFFD\uFFFD"), // a pair in the wrong order
            ("a\uD83D\uDE00", "a\uD83D\uDE00"), // a valid pair is kept
        ];
        foreach (var (original, expected) in cases) Assert.Equal(expected, Normalizer.Normalize(original).Normalized);
    }

    [Theory]
    // Every spelling of a Romanian word folds to the same letters.
    [InlineData("\u0218tefan", "stefan")]
    [InlineData("\u015ETEFAN", "stefan")]
    [InlineData("S\u0326tefan", "stefan")]
    [InlineData("Stefan", "stefan")]
    [InlineData("DOU\u0102ZECI \u0218I TREI", "douazeci si trei")]
    [InlineData("\u00CEn\u0103untru", "inauntru")]
    // Other Latin scripts fold too: Turkish dotless and dotted i, Polish l, Vietnamese tones.
    [InlineData("Diyarbak\u0131r \u0130zmir", "diyarbakir izmir")]
    [InlineData("\u0141\u00F3d\u017A", "lodz")]
    [InlineData("Vi\u1EC7t", "viet")]
    // Greek and Cyrillic lose case and accents.
    [InlineData("\u0386\u03B8\u03B1", "\u03B1\u03B8\u03B1")]
    [InlineData("\u041C\u043E\u0441\u043A\u0432\u0430", "\u043C\u043E\u0441\u043A\u0432\u0430")]
    public void Folding_removes_case_and_diacritics(string original, string expected)
    {
        Assert.Equal(expected, Normalizer.Normalize(original).Folded);
    }

    [Theory]
    // Plain ASCII and already-composed text keep the original string and an identity map.
    [InlineData("Forces shelled the town on Sunday.")]
    [InlineData("Armata a anun\u021Bat c\u0103 \u0219ase militari au fost r\u0103ni\u021Bi.")]
    // One-for-one replacements (quotes, cedillas) change the text but not its offsets.
    [InlineData("\u201Equote\u201D \u015Fi")]
    public void Text_without_length_changes_keeps_an_identity_map(string original)
    {
        var result = Normalizer.Normalize(original);
        Assert.True(result.Map.IsIdentity);
    }

    [Fact]
    public void Clean_text_is_returned_as_the_same_string()
    {
        const string text = "Forces shelled the town on Sunday, officials said.";
        Assert.Same(text, Normalizer.Normalize(text).Normalized);
    }

    [Theory]
    // A composed letter maps back to the base and its mark.
    [InlineData("xs\u0326y", 1, 2, 1, 3)]
    // The inserted space maps to an empty range just after the stop.
    [InlineData("ab.Cd", 3, 4, 3, 3)]
    // After an insertion, the following letters map back to their own place.
    [InlineData("ab.Cd", 4, 6, 3, 5)]
    // After a deletion too.
    [InlineData("a\u200Bbc", 1, 3, 2, 4)]
    // A range across a deletion covers it.
    [InlineData("a\u200Bbc", 0, 2, 0, 3)]
    public void Normalized_ranges_map_back_to_the_original(string original, int start, int end, int expectedStart, int expectedEnd)
    {
        var result = Normalizer.Normalize(original);
        Assert.Equal((expectedStart, expectedEnd), result.Map.ToOriginal(start, end));
    }

    [Fact]
    public void A_map_built_from_arrays_answers_like_the_arrays()
    {
        // "s" + comma below composed to one letter, then "x", then an inserted character.
        var map = OffsetMap.FromArrays(3, [0, 2, 3], [2, 3, 3]);
        Assert.Equal((0, 2), map.ToOriginal(0, 1));
        Assert.Equal((2, 3), map.ToOriginal(1, 2));
        Assert.Equal((3, 3), map.ToOriginal(2, 3));
        Assert.Equal((0, 3), map.ToOriginal(0, 3));
    }
}
