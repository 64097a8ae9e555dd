using System.Globalization;
using Sitrep.Documents;
using Sitrep.Readers;

namespace Sitrep.Evaluation.Acled;

/// <summary>
/// Reads ACLED exports as gold rows: the old layout (<c>data_id, iso, event_id_cnty, ... iso3</c>, sometimes
/// upper-case, dates like "9-May-20") and the new one (<c>event_id_cnty, event_date, ... disorder_type, tags</c>,
/// ISO dates, no <c>iso3</c>). Uses the readers' CSV parser, so lines are counted the same way everywhere.
/// A row that cannot be read becomes a problem naming its line; a well-formed row with nothing to score
/// (empty notes: ACLED codes some events from sources it does not summarise) is skipped and named
/// apart, as it says nothing wrong about the file. Bad data never throws.
/// </summary>
public sealed class AcledGoldReader
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "d-MMM-yy", "dd-MMM-yy", "d-MMM-yyyy", "dd MMMM yyyy", "d MMMM yyyy", "d/M/yyyy",
    ];

    private const string EmptyNotes = "empty notes, nothing to score";

    private static readonly string[] Required = ["event_date", "event_type", "sub_event_type", "notes", "fatalities", "country"];

    public AcledReadResult Read(string path)
    {
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return Read(reader, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new AcledReadResult([], [new InputProblem(path, null, $"cannot open: {e.Message}")]);
        }
    }

    public AcledReadResult Read(TextReader text, string path)
    {
        var rows = new List<AcledGoldRow>();
        var problems = new List<InputProblem>();
        var skipped = new List<InputProblem>();
        using var records = CsvRecordParser.Parse(text.ReadToEnd()).GetEnumerator();
        if (!records.MoveNext()) return new AcledReadResult([], [new InputProblem(path, null, "empty file: no ACLED header")]);
        var columns = new ColumnMap(records.Current.Fields);
        var missing = Required.Where(c => columns[c] < 0).ToArray();
        if (missing.Length > 0)
        {
            return new AcledReadResult([], [new InputProblem(path, records.Current.Line, $"not an ACLED file: missing column(s) {string.Join(", ", missing)}")]);
        }
        while (records.MoveNext())
        {
            var record = records.Current;
            if (record.Misquoted)
            {
                problems.Add(new InputProblem(path, record.Line, "a stray or unclosed quote would merge the rows after this one; this row is skipped"));
                continue;
            }
            if (record.UnterminatedQuote)
            {
                problems.Add(new InputProblem(path, record.Line, "a quoted field is never closed; the rest of the file is unreadable"));
                continue;
            }
            if (ReadRow(record, columns, out var reason) is { } row) rows.Add(row);
            else if (reason == EmptyNotes) skipped.Add(new InputProblem(path, record.Line, $"skipped: {reason}"));
            else problems.Add(new InputProblem(path, record.Line, reason!));
        }
        return new AcledReadResult([.. rows], [.. problems]) { Skipped = [.. skipped] };
    }

    private static AcledGoldRow? ReadRow(CsvRecord record, ColumnMap columns, out string? reason)
    {
        reason = null;
        string? Field(string name)
        {
            var index = columns[name];
            return index >= 0 && index < record.Fields.Count && !string.IsNullOrWhiteSpace(record.Fields[index]) ? record.Fields[index].Trim() : null;
        }

        var dateText = Field("event_date") ?? "";
        if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            reason = $"event_date '{dateText}' is not a date";
            return null;
        }
        var notes = columns["notes"] is var n and >= 0 && n < record.Fields.Count ? record.Fields[n] : "";
        if (string.IsNullOrWhiteSpace(notes))
        {
            reason = EmptyNotes;
            return null;
        }
        var fatalitiesText = Field("fatalities") ?? "";
        if (!int.TryParse(fatalitiesText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var fatalities) || fatalities < 0)
        {
            reason = $"fatalities '{fatalitiesText}' is not a count";
            return null;
        }
        return new AcledGoldRow(
            record.Line,
            Field("event_id_cnty") ?? $"row-{record.Line}",
            date,
            Field("event_type") ?? "",
            Field("sub_event_type") ?? "",
            fatalities,
            Field("country") ?? "",
            Field("iso3"),
            Field("admin1"),
            Field("location"),
            Coordinate(Field("latitude")),
            Coordinate(Field("longitude")),
            notes,
            Field("source"));
    }

    private static double? Coordinate(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>Column positions by name, matched without case (old exports are upper-case) and without a BOM.</summary>
    private sealed class ColumnMap(IReadOnlyList<string> header)
    {
        private readonly Dictionary<string, int> _positions = header
            .Select((name, index) => (Name: name.Trim().TrimStart('\uFEFF'), Index: index))
            .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Index, StringComparer.OrdinalIgnoreCase);

        public int this[string name] => _positions.TryGetValue(name, out var index) ? index : -1;
    }
}

/// <summary>The rows read from an ACLED file, the rows that could not be read, and the readable rows with nothing to score.</summary>
public sealed record AcledReadResult(IReadOnlyList<AcledGoldRow> Rows, IReadOnlyList<InputProblem> Problems)
{
    public IReadOnlyList<InputProblem> Skipped { get; init; } = [];
}
