using Sitrep.Pipeline;
using Sitrep.Readers;
using Sitrep.Store.Sql;
using ZstdSharp;

// Trains the Zstandard dictionary that stored document bodies are compressed with (docs/STORE.md, "Document
// bodies"). The inputs should be the project's own texts (the golden set): a dictionary keeps pieces of what it
// was trained on, and it ships inside every build.
// Usage: Sitrep.BodyDictionary OUTPUT.zdict INPUT...   e.g. tests/golden/gold.jsonl tests/golden/incidents.jsonl

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Sitrep.BodyDictionary OUTPUT.zdict INPUT...");
    return 2;
}

// 64 KiB: on the benchmark corpus 16, 32 and 64 KiB took a body from Deflate's 929 bytes to 555, 525 and 489; larger
// dictionaries gave little more, and every compressing thread holds one.
const int DictionaryBytes = 64 * 1024;

var pipeline = new ExtractionPipeline();
var samples = new List<byte[]>();
foreach (var item in new InputReader().Read(args.Skip(1)))
{
    if (item.Problem is { } problem)
    {
        Console.Error.WriteLine($"Sitrep.BodyDictionary: {problem}");
        return 1;
    }
    var document = item.Document!;
    samples.Add(DocumentBody.Json(document.Text, pipeline.Process(document, ExtractionOptions.Default).Events));
}
var dictionary = DictBuilder.TrainFromBuffer(samples, DictionaryBytes).ToArray();
File.WriteAllBytes(args[0], dictionary);
Console.WriteLine($"{args[0]}: {dictionary.Length} bytes trained on {samples.Count} bodies ({samples.Sum(s => (long)s.Length)} bytes of JSON)");
return 0;
