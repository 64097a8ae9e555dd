using System.Text;
using Sitrep.Readers;

namespace Sitrep.Tests.Readers;

public sealed class TextDecoderTests
{
    private const string Sentence = "Protestatarii s-au adunat în fața prefecturii din Timișoara.";

    public static TheoryData<string, byte[]> EncodedSentences => new()
    {
        // UTF-8 without a byte order mark: the common case.
        { "utf-8", Encoding.UTF8.GetBytes(Sentence) },
        // UTF-8 with the BOM that Windows editors write.
        { "utf-8 bom", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sentence)] },
        // UTF-16 little endian with its BOM.
        { "utf-16le", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sentence)] },
        // UTF-16 big endian with its BOM.
        { "utf-16be", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sentence)] },
        // UTF-16 little endian saved without a BOM, recognised by its zero bytes.
        { "utf-16le no bom", Encoding.Unicode.GetBytes(Sentence) },
        // The same, big endian.
        { "utf-16be no bom", Encoding.BigEndianUnicode.GetBytes(Sentence) },
    };

    [Theory]
    [MemberData(nameof(EncodedSentences))]
    public void Every_supported_encoding_reads_as_the_same_text_without_its_byte_order_mark(string label, byte[] bytes)
    {
        var document = Assert.Single(ReaderHarness.Documents(ReaderHarness.Read(bytes, "note.txt")));
        Assert.True(Sentence == document.Text, label);
        Assert.Empty(document.Warnings);
    }

    [Fact]
    public void Invalid_utf8_bytes_become_replacement_characters_and_a_counted_warning()
    {
        // A Latin-1 "ț" (0xFE) and "ș" (0xBA) inside otherwise valid UTF-8, as when files are concatenated badly.
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Armata a anun"), 0xFE, .. Encoding.UTF8.GetBytes("at pierderi la grani"), 0xBA, .. Encoding.UTF8.GetBytes("a de nord.")];
        var document = Assert.Single(ReaderHarness.Documents(ReaderHarness.Read(bytes, "broken.txt")));
        Assert.Equal("Armata a anun\uFFFDat pierderi la grani\uFFFDa de nord.", document.Text);
        Assert.Equal("2 invalid UTF-8 byte sequences replaced with U+FFFD", Assert.Single(document.Warnings));
    }

    [Fact]
    public void A_multibyte_sequence_cut_short_is_one_replacement()
    {
        // The first two bytes of a three-byte character, then ASCII.
        byte[] bytes = [.. "ab"u8, 0xE2, 0x80, .. "cd"u8];
        var decoded = TextDecoder.DecodeUtf8(bytes);
        Assert.Equal("ab\uFFFDcd", decoded.Text);
        Assert.Equal(1, decoded.InvalidSequences);
        Assert.Equal(1, decoded.InvalidWithin(2, 3));
        Assert.Equal(0, decoded.InvalidWithin(3, 5));
    }

    public static TheoryData<string, byte[]> BinaryInputs => new()
    {
        // Random bytes, as in an image or archive.
        { "random", RandomBytes(4096, seed: 7) },
        // A NUL byte is never in text.
        { "nul", [.. "text"u8, 0x00, .. "more"u8] },
        // Mostly control characters.
        { "controls", [.. Enumerable.Repeat((byte)0x01, 200), .. "ok"u8] },
        // A PNG header.
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52] },
    };

    [Theory]
    [MemberData(nameof(BinaryInputs))]
    public void Binary_inputs_are_a_problem_not_a_document(string label, byte[] bytes)
    {
        var problem = Assert.Single(ReaderHarness.Problems(ReaderHarness.Read(bytes, "attachment.bin")));
        Assert.True(problem.Reason == "binary file, not text", label);
    }

    [Fact]
    public void Latin1_text_is_broken_text_not_binary()
    {
        var bytes = Encoding.Latin1.GetBytes("Les manifestants ont été dispersés près de la préfecture, a indiqué la police.");
        var document = Assert.Single(ReaderHarness.Documents(ReaderHarness.Read(bytes, "depeche.txt")));
        Assert.Contains("\uFFFD", document.Text, StringComparison.Ordinal);
        Assert.Single(document.Warnings);
    }

    [Theory]
    [InlineData(new byte[0])]                               // zero bytes
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x0D, 0x0A })] // only blanks
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]           // only a byte order mark
    [InlineData(new byte[] { 0xFF, 0xFE, 0x20, 0x00 })]     // UTF-16 BOM and a space
    public void Empty_inputs_are_a_problem(byte[] bytes)
    {
        var problem = Assert.Single(ReaderHarness.Problems(ReaderHarness.Read(bytes, "blank.txt")));
        Assert.Equal("empty input", problem.Reason);
    }

    [Fact]
    public void A_large_one_line_text_is_one_document_of_the_same_length()
    {
        var text = string.Concat(Enumerable.Repeat("Convoiul a fost atacat lângă frontieră. ", 100_000));
        var document = Assert.Single(ReaderHarness.Documents(ReaderHarness.Read(text, "long.txt")));
        Assert.Equal(text.Length, document.Text.Length);
    }

    internal static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
