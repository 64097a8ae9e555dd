using Sitrep.Output;

namespace Sitrep.Cli;

/// <summary>Writes results one by one, so that long runs stream instead of piling up in memory.</summary>
internal interface IResultWriter
{
    void Write(DocumentResult result);

    void Complete();
}

/// <summary>The output formats of <c>extract</c> and how to make their writers.</summary>
internal static class OutputFormats
{
    public static string[] Names { get; } = ["json", "jsonl"];

    public static IResultWriter Create(string name, TextWriter writer) => name switch
    {
        "json" => new JsonArrayWriter(writer),
        "jsonl" => new JsonLinesWriter(writer),
        _ => throw new UsageException($"--format {name}: unknown format."),
    };

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
