using System.Collections.Immutable;
using Sitrep.Documents;

namespace Sitrep.Readers;

/// <summary>
/// Reads CSV in ACLED's layout, one document per row: text = <c>notes</c>, published = <c>event_date</c>,
/// id = <c>event_id_cnty</c>, source = <c>source</c>. Column names are matched without case, so the old
/// upper-case exports (EVENT_DATE, NOTES) and the newer lower-case ones both read, whatever the other
/// columns are. Dates come as "2020-05-09", "09 May 2020" or "9-May-20". A row without notes, or with a
/// quote left open, is a problem naming its line.
/// </summary>
internal sealed class AcledCsvReader
{
    public IEnumerable<ReadItem> Read(DecodedText decoded, InputName name)
    {
        using var records = CsvRecordParser.Parse(decoded.Text, CsvRecordParser.DetectSeparator(decoded.Text)).GetEnumerator();
        if (!records.MoveNext())
        {
            yield return ReadItem.Failed(name.Path, 1, "CSV without a header");
            yield break;
        }
        var header = records.Current.Fields;
        var notes = Column(header, "notes");
        var date = Column(header, "event_date");
        if (notes < 0 || date < 0)
        {
            yield return ReadItem.Failed(name.Path, records.Current.Line, "CSV without ACLED's columns: the header needs notes and event_date");
            yield break;
        }
        var columns = new Columns(notes, date, Column(header, "event_id_cnty"), Column(header, "source"));
        var any = false;
        while (records.MoveNext())
        {
            any = true;
            yield return Row(records.Current, columns, name, decoded);
        }
        if (!any) yield return ReadItem.Failed(name.Path, null, "CSV has a header but no rows");
    }

    private readonly record struct Columns(int Notes, int Date, int Id, int Source);

    private static ReadItem Row(CsvRecord record, Columns columns, InputName name, DecodedText decoded)
    {
        if (record.Misquoted)
        {
            return ReadItem.Failed(name.Path, record.Line, record.UnterminatedQuote
                ? "a quoted field is never closed; this row is skipped and the next lines are read as rows"
                : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"a stray quote: the quoted field opened on this line would run over {record.SpannedLines} lines and merge the rows after it; this row is skipped and the next lines are read as rows"));
        }
        if (record.UnterminatedQuote) return ReadItem.Failed(name.Path, record.Line, "a quoted field is never closed; the rest of the file is unreadable");
        var text = Field(record, columns.Notes);
        if (text is null) return ReadItem.Failed(name.Path, record.Line, "no notes in this row");
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (decoded.WarningWithin(record.Start, record.End) is { } bytes) warnings.Add(bytes);
        var dateText = Field(record, columns.Date);
        var published = PublicationDateParser.Parse(dateText);
        if (published is null) warnings.Add(dateText is null ? "no event_date; publication date unknown" : $"event_date \"{dateText}\" not understood; publication date unknown");
        return ReadItem.Of(new SourceDocument(
            Id: Field(record, columns.Id) ?? name.IdAtLine(record.Line),
            Text: text,
            Published: published,
            Source: Field(record, columns.Source),
            Origin: name.OriginAtLine(record.Line))
        {
            Warnings = warnings.ToImmutable(),
        });
    }

    private static string? Field(CsvRecord record, int index)
    {
        if (index < 0 || index >= record.Fields.Count) return null;
        var value = record.Fields[index];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static int Column(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i].Trim().TrimStart('\uFEFF'), name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }
}
