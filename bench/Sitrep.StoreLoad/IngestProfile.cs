using System.Diagnostics;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Readers;
using Sitrep.Store;
using Sitrep.Store.Ingest;
using Sitrep.Store.Model;
using Sitrep.Store.Sql;

/// <summary>
/// Where ingest time goes: the stages of <c>sitrep ingest</c> run one after the other on the same corpus,
/// each timed (wall and CPU of the process), so the store's share can be read apart from extraction's.
/// Usage: profile CORPUS DB [BATCH] [sqlite|postgres CONNSTR]
/// </summary>
internal static class IngestProfile
{
    public static async Task<int> RunAsync(string corpus, string database, int batchSize, string? postgres)
    {
        var pipeline = new ExtractionPipeline();
        var documents = new List<SourceDocument>();
        Measure("read", () =>
        {
            foreach (var item in new InputReader().Read([corpus])) if (item.Document is { } d) documents.Add(d);
        });
        var hashes = new string[documents.Count];
        Measure("hash", () =>
        {
            for (var i = 0; i < hashes.Length; i++) hashes[i] = ContentHasher.Hash(documents[i]);
        });
        var extracted = new ExtractedDocument[documents.Count];
        Measure("extract (every core)", () => Parallel.For(0, documents.Count, i =>
            extracted[i] = new ExtractedDocument(documents[i], pipeline.Process(documents[i], ExtractionOptions.Default), hashes[i])));
        var json = new byte[extracted.Length][];
        Measure("serialise records to JSON (one core)", () =>
        {
            for (var i = 0; i < extracted.Length; i++) json[i] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(extracted[i].Result.Events, StoreJson.Options);
        });
        var relaxed = new System.Text.Json.JsonSerializerOptions(StoreJson.Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        Measure("serialise records to JSON, relaxed escaping (one core)", () =>
        {
            for (var i = 0; i < extracted.Length; i++) json[i] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(extracted[i].Result.Events, relaxed);
        });
        Measure("serialise records to JSON, again (one core)", () =>
        {
            for (var i = 0; i < extracted.Length; i++) json[i] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(extracted[i].Result.Events, StoreJson.Options);
        });
        foreach (var level in new[] { 1, 3, 6 })
        {
            long size = 0;
            Measure($"deflate level {level} of text + JSON (one core)", () =>
            {
                for (var i = 0; i < extracted.Length; i++)
                {
                    var output = new MemoryStream();
                    using (var deflate = new System.IO.Compression.DeflateStream(output, new System.IO.Compression.ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
                    {
                        deflate.Write(System.Text.Encoding.UTF8.GetBytes(extracted[i].Source.Text));
                        deflate.Write(json[i]);
                    }
                    size += output.Length;
                }
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {size / (double)extracted.Length:F0} bytes a document"));
        }
        Measure("encode bodies (one core)", () =>
        {
            foreach (var document in extracted) DocumentBody.Encode(document.Source.Text, document.Result.Events);
        });
        await using IEventStore store = postgres is null
            ? await SqliteEventStore.OpenAsync(database)
            : await PostgresEventStore.OpenAsync(postgres);
        await MeasureAsync($"store ({store.Description}, batches of {batchSize})", async () =>
        {
            foreach (var batch in extracted.Chunk(batchSize)) await store.StoreBatchAsync(batch);
        });
        var counts = await store.CountAsync();
        var megabytes = documents.Sum(d => (long)d.Text.Length) / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{documents.Count} documents, {megabytes:F1} M characters, {counts.Events} events stored"));
        return 0;
    }

    private static void Measure(string stage, Action action) => MeasureAsync(stage, () =>
    {
        action();
        return Task.CompletedTask;
    }).GetAwaiter().GetResult();

    private static async Task MeasureAsync(string stage, Func<Task> action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await action();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stage,-60} wall {clock.Elapsed.TotalSeconds,7:F2} s   cpu {(process.TotalProcessorTime - cpu).TotalSeconds,7:F2} s"));
    }
}
