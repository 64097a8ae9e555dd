using System.Text.Json;
using Sitrep.Output;
using Sitrep.Pipeline;
using Sitrep.Readers;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Evaluation;

/// <summary><c>sitrep extract</c> runs documents on every core; its output must still be the sequential output, line for line.</summary>
public sealed class ExtractOrderTests
{
    [Fact]
    public void Extract_on_every_core_writes_what_a_sequential_run_writes_in_input_order()
    {
        // Documents of very different lengths, so that later ones often finish first.
        var lines = Enumerable.Range(0, 300).Select(i =>
        {
            var sentence = i % 2 == 0
                ? "Protesters marched in the city centre on Monday and police detained three of them."
                : "Protestatarii au manifestat luni in centrul orasului, iar politia a retinut trei persoane.";
            var text = string.Join(' ', Enumerable.Repeat(sentence, 1 + (i * 37 % 23)));
            return JsonSerializer.Serialize(new { id = $"doc-{i:D3}", published = "2024-03-04", text });
        });
        var file = Path.Combine(Path.GetTempPath(), $"sitrep-order-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(file, lines);
        try
        {
            var outcome = CliRunner.Run("extract", file, "--format", "jsonl");

            Assert.Equal(0, outcome.ExitCode);
            var pipeline = new ExtractionPipeline();
            var sequential = new InputReader().Read([file]).Select(item => ContractJson.Serialize(pipeline.Process(item.Document!))).ToList();
            var written = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(300, written.Length);
            Assert.Equal(sequential, written);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
