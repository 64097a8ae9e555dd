using System.Security.Cryptography;
using System.Text;
using Sitrep.Documents;

namespace Sitrep.Store.Ingest;

/// <summary>
/// The identity of a document for idempotent ingest: SHA-256 over its text and the metadata that
/// reach the output. The same article read twice hashes the same; a corrected text or date does not.
/// </summary>
public static class ContentHasher
{
    public static string Hash(SourceDocument document)
    {
        var canonical = new StringBuilder(document.Text.Length + 128)
            .Append("sitrep-document/1\n")
            .Append(document.Id).Append('\0')
            .Append(document.Published?.ToString()).Append('\0')
            .Append(document.Language).Append('\0')
            .Append(document.Title).Append('\0')
            .Append(document.Source).Append('\0')
            .Append(document.Url).Append('\0')
            .Append(document.Text)
            .ToString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
