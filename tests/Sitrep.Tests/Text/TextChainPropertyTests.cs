using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sitrep.Text;

namespace Sitrep.Tests.Text;

/// <summary>Any string at all: ASCII, Romanian in every spelling, combining marks, lone surrogates, controls, invisible characters.</summary>
public sealed record MessyText(string Value)
{
    public override string ToString() => string.Join(" ", Value.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));
}

public static class MessyTextArbitrary
{
    private static readonly string[] Pieces =
    [
        "a", "Z", "mo", "Karabakh", " ", "  ", "\n", "\n\n", "\r\n", "\t", ".", ",", "!", "?", "-", "\"", "'", "(", ")",
        "0", "7", "30.000", "1,5", "2016", "12.05.2020",
        "\u0219", "s\u0326", "\u015F", "s\u0327", "\u0103", "a\u0306", "\u00EE", "i\u0302", "\u021B", "t\u0326", "\u0162",
        "\u0301", "\u0326", "\u0308\u0301", "\u0344", "\u0F73", "\u09C7\u09BE", "\u1100\u1161\u11A8", "\uAC00\u11A8",
        "\u212B", "\u2000", "\u00C5", "A\u030A",
        "\u201E", "\u201D", "\u00AB", "\u2014", "\u2013", "\u00A0", "\u202F", "\u2028",
        "\u200B", "\u00AD", "\uFEFF", "\u200E", "\u0000", "\u0007", "\u001B", "\u007F",
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD83D\uDE00", "\uD835\uDC00", "\uD834\uDD5E", "\uD834\uDD65", "\uD804\uDCBA", "\uD804\uDC99",
        "AFP.De", "U.S.Army", "www.Example.com", "Gen.", "dl.", "St.", "nr.", "U.S.", "e.g.The",
        "twenty-three", "douazeci si trei", "o suta", "un", "a dozen", "nou\u0103",
        "\u0130", "\u0131", "\u00DF", "\u03A3", "\u0416", "\uFB01", "\uFFFD", "\uFFFF",
    ];

    public static Arbitrary<MessyText> Messy()
    {
        var piece = Gen.Frequency(
            (6, Gen.Elements(Pieces)),
            (2, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())),
            (1, Gen.Choose(0x300, 0x36F).Select(c => ((char)c).ToString())));
        return Gen.ListOf(piece).Select(parts => new MessyText(string.Concat(parts))).ToArbitrary();
    }
}

[Properties(Arbitrary = [typeof(MessyTextArbitrary)], MaxTest = 400)]
public sealed class TextChainPropertyTests
{
    private static readonly TextNormalizer Normalizer = new();
    private static readonly TextAnalyzer Analyzer = new();

    private static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF' or '\u200E' or '\u200F';

    [Property]
    public void Normalisation_never_throws_and_folded_aligns_with_normalized(MessyText text)
    {
        var result = Normalizer.Normalize(text.Value);
        Assert.Equal(result.Normalized.Length, result.Folded.Length);
        Assert.Same(text.Value, result.Original);
    }

    [Property]
    public void Normalized_text_has_no_lone_surrogates(MessyText text)
    {
        var normalized = Normalizer.Normalize(text.Value).Normalized;
        for (var i = 0; i < normalized.Length; i++)
        {
            if (char.IsHighSurrogate(normalized[i])) { Assert.True(i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1])); i++; }
            else Assert.False(char.IsLowSurrogate(normalized[i]));
        }
    }

    [Property]
    public void Normalisation_is_idempotent(MessyText text)
    {
        var once = Normalizer.Normalize(text.Value).Normalized;
        Assert.Equal(new MessyText(once).ToString(), new MessyText(Normalizer.Normalize(once).Normalized).ToString());
    }

    [Property]
    public void Every_normalized_character_maps_into_the_original_in_order(MessyText text)
    {
        var result = Normalizer.Normalize(text.Value);
        var previousStart = 0;
        var previousEnd = 0;
        for (var p = 0; p < result.Normalized.Length; p++)
        {
            var (start, end) = result.Map.ToOriginal(p, p + 1);
            Assert.InRange(start, 0, text.Value.Length);
            Assert.InRange(end, start, text.Value.Length);
            Assert.True(start >= previousStart, $"start of {p} goes back");
            Assert.True(end >= previousEnd, $"end of {p} goes back");
            previousStart = start;
            previousEnd = end;
        }
    }

    [Property]
    public void The_whole_normalized_text_maps_to_the_whole_original_but_invisible_edges(MessyText text)
    {
        var result = Normalizer.Normalize(text.Value);
        var (start, end) = result.Map.ToOriginal(0, result.Normalized.Length);
        if (result.Normalized.Length == 0)
        {
            Assert.All(text.Value, c => Assert.True(IsInvisible(c)));
            return;
        }
        Assert.All(text.Value[..start], c => Assert.True(IsInvisible(c)));
        Assert.All(text.Value[end..], c => Assert.True(IsInvisible(c)));
    }

    [Property]
    public void Every_token_round_trips_to_the_original_modulo_folding(MessyText text)
    {
        var analyzed = Analyzer.Analyze(text.Value);
        foreach (var token in analyzed.Tokens)
        {
            var (start, end) = analyzed.ToOriginal(token.Start, token.End);
            Assert.InRange(start, 0, text.Value.Length);
            Assert.InRange(end, start, text.Value.Length);
            var original = text.Value[start..end];
            var refolded = Normalizer.Normalize(original).Folded;
            var folded = analyzed.FoldedOf(token).ToString();
            Assert.Contains(folded, refolded, StringComparison.Ordinal);
        }
    }

    [Property]
    public void Tokens_are_ordered_do_not_overlap_and_lie_in_range(MessyText text)
    {
        var analyzed = Analyzer.Analyze(text.Value);
        var previousEnd = 0;
        foreach (var token in analyzed.Tokens)
        {
            Assert.True(token.Start >= previousEnd, "tokens overlap or go back");
            Assert.True(token.End > token.Start, "empty token");
            Assert.True(token.End <= analyzed.Normalized.Length, "token past the end");
            Assert.False(char.IsLowSurrogate(analyzed.Normalized[token.Start]), "token starts inside a surrogate pair");
            Assert.False(char.IsHighSurrogate(analyzed.Normalized[token.End - 1]), "token ends inside a surrogate pair");
            previousEnd = token.End;
        }
    }

    [Property]
    public void Sentences_partition_the_tokens(MessyText text)
    {
        var analyzed = Analyzer.Analyze(text.Value);
        var next = 0;
        for (var s = 0; s < analyzed.Sentences.Length; s++)
        {
            var sentence = analyzed.Sentences[s];
            Assert.Equal(next, sentence.FirstToken);
            Assert.True(sentence.TokenCount > 0, "empty sentence");
            Assert.Equal(analyzed.Tokens[sentence.FirstToken].Start, sentence.Start);
            Assert.Equal(analyzed.Tokens[sentence.EndToken - 1].End, sentence.End);
            for (var t = sentence.FirstToken; t < sentence.EndToken; t++) Assert.Equal(s, analyzed.Tokens[t].Sentence);
            next = sentence.EndToken;
        }
        Assert.Equal(analyzed.Tokens.Length, next);
    }

    [Property]
    public void Numbers_span_whole_tokens_in_order(MessyText text)
    {
        foreach (var language in new string?[] { null, "en", "ro" })
        {
            var analyzed = Analyzer.Analyze(text.Value, language);
            var previousEnd = 0;
            foreach (var number in analyzed.Numbers)
            {
                Assert.True(number.FirstToken >= previousEnd, "numbers overlap");
                Assert.True(number.TokenCount > 0);
                Assert.Equal(analyzed.Tokens[number.FirstToken].Start, number.Start);
                Assert.Equal(analyzed.Tokens[number.FirstToken + number.TokenCount - 1].End, number.End);
                previousEnd = number.FirstToken + number.TokenCount;
            }
        }
    }
}
