using Sitrep.Output;

namespace Sitrep.Cli;

/// <summary>Writes results one by one, so that long runs stream instead of piling up in memory.</summary>
internal interface IResultWriter
{
    void Write(DocumentResult result);

    void Complete();
}

/// <summary>One output format of <c>extract</c>: its name after --format, a few words for --help, and its writer.</summary>
internal sealed record OutputFormat(string Name, string Description, Func<TextWriter, IResultWriter> CreateWriter);

/// <summary>
/// The output formats of <c>extract</c>. A new format is one more row in <see cref="All"/>: --format's
/// accepted values and its help text are made from this table.
/// </summary>
internal static class OutputFormats
{
    public static IReadOnlyList<OutputFormat> All { get; } =
    [
        new("json", "a JSON array of documents", writer => new JsonArrayWriter(writer)),
        new("jsonl", "JSON Lines, one document a line", writer => new JsonLinesWriter(writer)),
        new("acled-csv", "ACLED's columns plus Sitrep's, one row an event", writer => new AcledCsvAdapter(new AcledCsvWriter(writer))),
        new("geojson", "a GeoJSON FeatureCollection of located events", writer => new GeoJsonAdapter(new GeoJsonWriter(writer))),
    ];

    public static string[] Names { get; } = [.. All.Select(f => f.Name)];

    /// <summary>"json (a JSON array of documents), jsonl (...)" for --help.</summary>
    public static string Help => string.Join(", ", All.Select(f => $"{f.Name} ({f.Description})"));

    public static IResultWriter Create(string name, TextWriter writer) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal)) is { } format
            ? format.CreateWriter(writer)
            : throw new UsageException($"--format {name}: unknown format (known: {string.Join(", ", Names)}).");

    /// <summary>Notes come from each event's claims: extract streams results and does not keep the texts.</summary>
    private sealed class AcledCsvAdapter(AcledCsvWriter csv) : IResultWriter
    {
        public void Write(DocumentResult result) => csv.Write(result);

        public void Complete() => csv.Complete();
    }

    private sealed class GeoJsonAdapter(GeoJsonWriter geoJson) : IResultWriter
    {
        public void Write(DocumentResult result) => geoJson.Write(result);

        public void Complete() => geoJson.Complete();
    }

    private sealed class JsonLinesWriter(TextWriter writer) : IResultWriter
    {
        public void Write(DocumentResult result) => writer.WriteLine(ContractJson.Serialize(result));

        public void Complete() => writer.Flush();
    }

    private sealed class JsonArrayWriter(TextWriter writer) : IResultWriter
    {
        private bool _any;

        public void Write(DocumentResult result)
        {
            writer.WriteLine(_any ? "," : "[");
            writer.Write(ContractJson.Serialize(result, indented: true));
            _any = true;
        }

        public void Complete()
        {
            writer.WriteLine(_any ? "\n]" : "[]");
            writer.Flush();
        }
    }
}
