namespace Sitrep.Readers;

/// <summary>The input formats of the contract.</summary>
public enum DocumentFormat
{
    /// <summary>Plain text, or the seed's dated text (<c>date YYYY-MM[-DD] text</c>): one document per input.</summary>
    Text,

    /// <summary>One JSON object a line, with at least <c>id</c> and <c>text</c>.</summary>
    JsonLines,

    /// <summary>A web page: its main article text and metadata.</summary>
    Html,

    /// <summary>An RSS or Atom feed: one document per item or entry.</summary>
    Feed,

    /// <summary>A CSV file in ACLED's layout: one document per row, text = notes.</summary>
    AcledCsv,
}
