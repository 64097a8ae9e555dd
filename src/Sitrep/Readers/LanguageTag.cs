namespace Sitrep.Readers;

/// <summary>Reduces a declared language ("ro-RO", "EN_us", "en") to its lower-case primary subtag ("ro", "en").</summary>
internal static class LanguageTag
{
    public static string? Primary(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var span = tag.AsSpan().Trim();
        var end = span.IndexOfAny('-', '_');
        var primary = end < 0 ? span : span[..end];
        if (primary.Length is < 2 or > 3) return null;
        foreach (var c in primary)
        {
            if (!char.IsAsciiLetter(c)) return null;
        }
        return primary.ToString().ToLowerInvariant();
    }
}
