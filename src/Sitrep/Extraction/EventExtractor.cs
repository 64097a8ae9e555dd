using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Extraction;

/// <summary>Turns an analysed text into events. Thread-safe.</summary>
public sealed class EventExtractor
{
    public ExtractionResult Extract(AnalyzedText text, PartialDate? published, bool includeMentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        _ = published;
        _ = includeMentions;
        return ExtractionResult.Empty;
    }
}
