using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Sitrep.Readers;

/// <summary>The byte encodings Sitrep reads: UTF-8 (with or without BOM) and UTF-16 with a BOM.</summary>
internal enum ByteEncoding
{
    Utf8,
    Utf16LittleEndian,
    Utf16BigEndian,
}

/// <summary>
/// Turns bytes into text: recognises the byte order mark, tells text from binary, and replaces invalid
/// sequences with U+FFFD while remembering where, in one linear pass. Stateless and thread-safe.
/// </summary>
internal static class TextDecoder
{
    /// <summary>How many leading bytes are looked at to tell binary from text.</summary>
    public const int SampleLength = 8192;

    public static ByteEncoding DetectEncoding(ReadOnlySpan<byte> bytes, out int bomLength)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) { bomLength = 3; return ByteEncoding.Utf8; }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) { bomLength = 2; return ByteEncoding.Utf16LittleEndian; }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) { bomLength = 2; return ByteEncoding.Utf16BigEndian; }
        bomLength = 0;
        return ByteEncoding.Utf8;
    }

    /// <summary>
    /// Recognises UTF-16 saved without a byte order mark from its zero bytes: Latin-script text in UTF-16 has
    /// a zero in nearly every other byte, on the odd side for little endian and the even side for big endian.
    /// </summary>
    public static ByteEncoding? GuessUtf16WithoutBom(ReadOnlySpan<byte> sample)
    {
        var pairs = Math.Min(sample.Length, SampleLength) / 2;
        if (pairs < 2) return null;
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < pairs; i++)
        {
            if (sample[2 * i] == 0) evenZeros++;
            if (sample[(2 * i) + 1] == 0) oddZeros++;
        }
        if (oddZeros * 10 >= pairs * 7 && evenZeros * 10 <= pairs) return ByteEncoding.Utf16LittleEndian;
        if (evenZeros * 10 >= pairs * 7 && oddZeros * 10 <= pairs) return ByteEncoding.Utf16BigEndian;
        return null;
    }

    /// <summary>
    /// True when the sample (bytes after the BOM) is not text: a NUL, many control characters, or mostly
    /// invalid UTF-8. Broken but readable text (a few bad bytes) is not binary: it is decoded with replacements.
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<byte> sample, ByteEncoding encoding)
    {
        if (encoding != ByteEncoding.Utf8)
        {
            var text = Decode(sample[..(sample.Length & ~1)], encoding).Text;
            return CountControls(text.AsSpan(), out var nul) * 20 > text.Length || nul;
        }
        if (sample.Contains((byte)0)) return true;
        var controls = 0;
        foreach (var b in sample)
        {
            if (IsControl(b)) controls++;
        }
        if (controls * 20 > sample.Length) return true;
        var invalid = CountInvalidUtf8(sample);
        return invalid * 4 > sample.Length;
    }

    /// <summary>Decodes bytes that follow any BOM.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, ByteEncoding encoding) => encoding switch
    {
        ByteEncoding.Utf8 => DecodeUtf8(bytes),
        _ => DecodeUtf16(bytes, bigEndian: encoding == ByteEncoding.Utf16BigEndian),
    };

    public static DecodedText DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        // The common case is valid UTF-8: one vectorised check, then the framework's fast decoder.
        if (Utf8.IsValid(bytes)) return new DecodedText(Encoding.UTF8.GetString(bytes), "UTF-8");

        // UTF-8 never needs more UTF-16 units than it has bytes, and each replacement takes one unit for at least one byte.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            var replacements = new List<int>();
            var read = 0;
            var written = 0;
            while (read < bytes.Length)
            {
                Utf8.ToUtf16(bytes[read..], buffer.AsSpan(written), out var bytesRead, out var charsWritten, replaceInvalidSequences: false, isFinalBlock: true);
                read += bytesRead;
                written += charsWritten;
                if (read >= bytes.Length) break;
                // Stopped at an invalid sequence: replace its maximal invalid prefix with one U+FFFD, as decoders do.
                Rune.DecodeFromUtf8(bytes[read..], out _, out var invalidLength);
                replacements.Add(written);
                buffer[written++] = '\uFFFD';
                read += Math.Max(invalidLength, 1);
            }
            return new DecodedText(new string(buffer, 0, written), "UTF-8", [.. replacements]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static DecodedText DecodeUtf16(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: false);
        var text = encoding.GetString(bytes);
        // UTF-16 input is rare; its replacements (lone surrogates, an odd last byte) are found after decoding.
        // A genuine U+FFFD in the input would be counted too, which is acceptable for a warning.
        List<int>? replacements = null;
        if (text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            replacements = [];
            for (var i = text.IndexOf('\uFFFD', StringComparison.Ordinal); i >= 0; i = text.IndexOf('\uFFFD', i + 1))
            {
                replacements.Add(i);
            }
        }
        return new DecodedText(text, "UTF-16", replacements?.ToArray());
    }

    private static int CountInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var invalid = 0;
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            // A sequence cut by the end of the sample is not evidence of binary.
            if (status == System.Buffers.OperationStatus.NeedMoreData) break;
            if (status == System.Buffers.OperationStatus.InvalidData) invalid++;
            bytes = bytes[Math.Max(consumed, 1)..];
        }
        return invalid;
    }

    private static int CountControls(ReadOnlySpan<char> text, out bool nul)
    {
        nul = text.Contains('\0');
        var controls = 0;
        foreach (var c in text)
        {
            if (c < 0x80 && IsControl((byte)c)) controls++;
        }
        return controls;
    }

    // Tab, line feed, vertical tab, form feed, carriage return and escape occur in real text files.
    private static bool IsControl(byte b) => (b < 0x20 && b is not (0x09 or 0x0A or 0x0B or 0x0C or 0x0D or 0x1B)) || b == 0x7F;
}
