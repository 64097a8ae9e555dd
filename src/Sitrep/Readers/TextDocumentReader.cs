using Sitrep.Documents;

namespace Sitrep.Readers;

/// <summary>Reads a plain or dated text input: the whole input is one document.</summary>
internal sealed class TextDocumentReader
{
    public IEnumerable<ReadItem> Read(DecodedText decoded, InputName name)
    {
        var document = DatedText.Parse(name.Name, decoded.Text, name.Path);
        if (string.IsNullOrWhiteSpace(document.Text))
        {
            yield return ReadItem.Failed(name.Path, null, document.Published is null ? "no text, only blanks" : "no text after the date header");
            yield break;
        }
        if (DecodedText.Warning(decoded.InvalidSequences, decoded.EncodingName) is { } warning)
        {
            document = document with { Warnings = document.Warnings.Add(warning) };
        }
        yield return ReadItem.Of(document);
    }
}
