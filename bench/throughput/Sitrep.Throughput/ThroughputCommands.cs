using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sitrep.Bench;
using Sitrep.Documents;
using Sitrep.Output;
using Sitrep.Pipeline;
using Sitrep.Readers;
using Sitrep.Text;

namespace Sitrep.Throughput;

/// <summary>The two commands of the throughput runner: make a corpus, and measure a run over it.</summary>
internal static class ThroughputCommands
{
    public static int Usage()
    {
        Console.Error.WriteLine("usage: generate CORPUS.jsonl [MB] | run CORPUS.jsonl [--out FILE] [--window N] [--stages N] | scaling [--max-mb 8] [--kind repetitive|article] [--repeat 3]");
        return 2;
    }

    public static int Generate(string path, double megabytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        var documents = EndToEndCorpus.Write(file, (long)(megabytes * 1024 * 1024));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {documents} documents, {file.Length / 1048576.0:F1} MB, to {path}"));
        return 0;
    }

    /// <summary>
    /// Reads the corpus with the CLI's reader, extracts on every core in input order (as <c>sitrep extract</c>
    /// does) and writes JSON Lines; then times each stage sequentially on a sample, to show where time goes.
    /// </summary>
    public static int Run(string path, string[] options)
    {
        var output = Option(options, "--out") ?? Path.Combine(Path.GetTempPath(), $"sitrep-throughput-{Environment.ProcessId}.jsonl");
        var window = Option(options, "--window") is { } w ? int.Parse(w, CultureInfo.InvariantCulture) : (int?)null;
        var stageSample = Option(options, "--stages") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 5000;
        var inputBytes = new FileInfo(path).Length;

        var startup = Stopwatch.StartNew();
        var pipeline = new ExtractionPipeline();
        startup.Stop();

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long documents = 0, events = 0, failed = 0;
        using (var writer = new StreamWriter(output, append: false, new UTF8Encoding(false), bufferSize: 1 << 16))
        {
            var results = OrderedParallel.Map(new InputReader().Read([path]), item => item.Document is { } d ? pipeline.Process(d) : null, window);
            foreach (var result in results)
            {
                if (result is null) { failed++; continue; }
                writer.WriteLine(ContractJson.Serialize(result));
                documents++;
                events += result.Events.Length;
            }
        }
        clock.Stop();
        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var seconds = clock.Elapsed.TotalSeconds;
        var outputBytes = new FileInfo(output).Length;
        if (Option(options, "--out") is null) File.Delete(output);

        var report = new StringBuilder();
        void Line(FormattableString text) => report.AppendLine(FormattableString.Invariant(text));
        Line($"corpus             {path}: {inputBytes / 1048576.0:F1} MB, {documents} documents ({failed} unreadable), {events} events");
        Line($"cores              {Environment.ProcessorCount} (window {window?.ToString(CultureInfo.InvariantCulture) ?? "default"}), server GC {System.Runtime.GCSettings.IsServerGC}");
        Line($"pipeline start     {startup.Elapsed.TotalMilliseconds:F0} ms (language data, lexicons, gazetteer)");
        Line($"machine load       {LoadAverage()} (load average before the run; other processes share these cores)");
        Line($"wall               {seconds:F2} s");
        Line($"throughput         {inputBytes / 1048576.0 / seconds:F1} MB/s, {documents / seconds:F0} documents/s");
        Line($"CPU                {cpu:F2} s (user + system), {cpu / seconds:F2} cores busy on average");
        Line($"per CPU-second     {inputBytes / 1048576.0 / cpu:F1} MB, {documents / cpu:F0} documents (x{Environment.ProcessorCount} cores = the rate on an otherwise idle machine)");
        Line($"output             {outputBytes / 1048576.0:F1} MB JSON Lines");
        Line($"allocated          {allocated / 1048576.0:F0} MB ({allocated / Math.Max(1, documents)} bytes/document)");
        Line($"GC collections     gen0 {GC.CollectionCount(0) - gcBefore.Item1}, gen1 {GC.CollectionCount(1) - gcBefore.Item2}, gen2 {GC.CollectionCount(2) - gcBefore.Item3}");
        Line($"peak working set   {self.PeakWorkingSet64 / 1048576.0:F0} MB");
        if (stageSample > 0) Stages(path, pipeline, stageSample, report);
        Console.Write(report);
        return 0;
    }

    /// <summary>Single-thread time per stage over the first documents: read, analyse (normalise, language, segment, numbers), extract, serialise.</summary>
    private static void Stages(string path, ExtractionPipeline pipeline, int sample, StringBuilder report)
    {
        var read = Stopwatch.StartNew();
        var documents = new InputReader().Read([path]).Select(i => i.Document).OfType<SourceDocument>().Take(sample).ToList();
        read.Stop();
        var analyzer = new TextAnalyzer();
        foreach (var d in documents.Take(200)) { analyzer.Analyze(d.Text, d.Language); pipeline.Process(d); } // warm-up: JIT and tiering

        // Two rounds each, keeping the faster: the machine is shared, and the slower round is the noisier one.
        TimeSpan Fastest(Action round)
        {
            var best = TimeSpan.MaxValue;
            for (var i = 0; i < 2; i++)
            {
                var clock = Stopwatch.StartNew();
                round();
                best = clock.Elapsed < best ? clock.Elapsed : best;
            }
            return best;
        }
        var results = new DocumentResult[documents.Count];
        var analyze = Fastest(() => { foreach (var d in documents) analyzer.Analyze(d.Text, d.Language); });
        var process = Fastest(() => { for (var i = 0; i < documents.Count; i++) results[i] = pipeline.Process(documents[i]); });
        var serialize = Fastest(() => { foreach (var r in results) ContractJson.Serialize(r); });

        var total = read.Elapsed + process + serialize;
        void Stage(string name, TimeSpan time) => report.AppendLine(FormattableString.Invariant(
            $"  {name,-28} {time.TotalMilliseconds * 1000 / documents.Count,8:F1} us/document  {100 * time / total,5:F1} %"));
        report.AppendLine(FormattableString.Invariant($"stages, one thread, first {documents.Count} documents:"));
        Stage("read (JSON Lines)", read.Elapsed);
        Stage("analyse (text chain)", analyze);
        Stage("extract (process - analyse)", process > analyze ? process - analyze : TimeSpan.Zero);
        Stage("serialise (contract JSON)", serialize);
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string? Option(string[] options, string name)
    {
        var index = Array.IndexOf(options, name);
        return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
    }
}
