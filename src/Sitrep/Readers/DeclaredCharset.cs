using System.Text;

namespace Sitrep.Readers;

/// <summary>
/// Finds the legacy character set that a page or feed declares for itself (<c>&lt;meta charset&gt;</c>, the
/// http-equiv Content-Type, or the XML declaration's <c>encoding</c>), so that archives saved in
/// windows-1250, ISO-8859-2 and the like read correctly instead of as broken UTF-8.
/// </summary>
internal static class DeclaredCharset
{
    static DeclaredCharset()
    {
        // Legacy code pages are not in the framework's default set on .NET; the provider ships with it.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>The declared encoding when it is known and not UTF-8 (or UTF-16, which the BOM decides), else null.</summary>
    public static Encoding? Find(ReadOnlySpan<char> head)
    {
        var name = Value(head, "charset=") ?? Value(head, "encoding=");
        if (name is null) return null;
        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
        return encoding.CodePage is 65001 or 1200 or 1201 ? null : encoding;
    }

    private static string? Value(ReadOnlySpan<char> head, string key)
    {
        var at = head.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var rest = head[(at + key.Length)..].TrimStart(" \"'");
        var end = 0;
        while (end < rest.Length && (char.IsAsciiLetterOrDigit(rest[end]) || rest[end] is '-' or '_' or ':' or '.')) end++;
        return end == 0 ? null : rest[..end].ToString();
    }
}
