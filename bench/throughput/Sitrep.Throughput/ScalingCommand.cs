using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sitrep.Bench;
using Sitrep.Documents;
using Sitrep.Output;
using Sitrep.Pipeline;

namespace Sitrep.Throughput;

/// <summary>
/// The scaling benchmark of issue 11: one document made larger and larger (doubling from 0.25 MB to 8 MB),
/// timed through the whole pipeline on one thread. A stage that is quadratic in the text shows as a time
/// ratio near 4 at each doubling; a linear one near 2. Two kinds of text: a one-line repetition of a short
/// violent clause (no sentence stop anywhere), and a long ordinary article (paragraphs of the benchmark's
/// invented English news sentences, so many events, figures, places and claims in one document).
/// The ratio is taken on the process's CPU time (user + system), which a shared machine disturbs far less
/// than wall-clock time; both are printed, each the smallest of <c>--repeat</c> runs (default 3).
/// </summary>
internal static class ScalingCommand
{
    /// <summary>The repeated clause: a figure, victims and an outcome, and no stop, so the text is one sentence.</summary>
    public const string RepeatedClause = "Three soldiers were killed and ";

    public static int Run(string[] options)
    {
        var maxMegabytes = Option(options, "--max-mb") is { } m ? double.Parse(m, CultureInfo.InvariantCulture) : 8;
        var kinds = Option(options, "--kind") is { } k ? [k] : new[] { "repetitive", "article" };
        var repeat = Option(options, "--repeat") is { } times ? int.Parse(times, CultureInfo.InvariantCulture) : 3;
        var pipeline = new ExtractionPipeline();
        // Warm-up: JIT and tiering on a small text of each kind, so the first size is not charged for them.
        var unlimited = new ExtractionOptions(Budget: TimeSpan.MaxValue);
        foreach (var kind in kinds) pipeline.Process(Document(kind, 64 * 1024), unlimited);

        Console.WriteLine(FormattableString.Invariant($"machine load {LoadAverage()}, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        var worst = 0.0;
        foreach (var kind in kinds)
        {
            Console.WriteLine(FormattableString.Invariant($"{kind}:"));
            Console.WriteLine("      MB   wall s  CPU s  ratio  GC pause s  events  casualties  allocated MB  peak MB");
            double? previous = null;
            for (var megabytes = 0.25; megabytes <= maxMegabytes + 1e-9; megabytes *= 2)
            {
                var document = Document(kind, (int)(megabytes * 1024 * 1024));
                using var self = Process.GetCurrentProcess();
                var seconds = double.MaxValue;
                var wall = double.MaxValue;
                var pause = TimeSpan.Zero;
                long allocated = 0;
                DocumentResult? result = null;
                for (var run = 0; run < repeat; run++)
                {
                    GC.Collect();
                    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                    self.Refresh();
                    var cpuBefore = self.TotalProcessorTime;
                    var pauseBefore = GC.GetTotalPauseDuration();
                    var clock = Stopwatch.StartNew();
                    result = pipeline.Process(document, unlimited);
                    clock.Stop();
                    self.Refresh();
                    var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
                    if (cpu < seconds) pause = GC.GetTotalPauseDuration() - pauseBefore;
                    seconds = Math.Min(seconds, cpu);
                    wall = Math.Min(wall, clock.Elapsed.TotalSeconds);
                    allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                }
                var ratio = previous is { } p ? seconds / p : (double?)null;
                if (ratio is { } r) worst = Math.Max(worst, r);
                Console.WriteLine(FormattableString.Invariant(
                    $"  {megabytes,6:F2}  {wall,7:F2}  {seconds,5:F2}  {(ratio is { } x ? x.ToString("F2", CultureInfo.InvariantCulture) : "-"),5}  {pause.TotalSeconds,10:F2}  {result!.Events.Length,7}  {result.Events.Sum(e => e.Casualties.Length),10}  {allocated / 1048576.0,12:F0}  {self.PeakWorkingSet64 / 1048576.0,7:F0}"));
                previous = seconds;
            }
        }
        Console.WriteLine(FormattableString.Invariant($"worst ratio {worst:F2} (target: under 2.3 at each doubling)"));
        return 0;
    }

    /// <summary>A document of about <paramref name="bytes"/> characters of the given kind, dated so that relative dates resolve.</summary>
    public static SourceDocument Document(string kind, int bytes) => new(
        Id: kind + "-" + bytes.ToString(CultureInfo.InvariantCulture),
        Text: kind == "repetitive" ? Repetitive(bytes) : Article(bytes),
        Published: PartialDate.TryParse("2024-03-15", out var date) ? date : null,
        Language: null,
        Title: null,
        Source: null,
        Url: null,
        Origin: null);

    public static string Repetitive(int bytes)
    {
        var text = new StringBuilder(bytes + RepeatedClause.Length);
        while (text.Length < bytes) text.Append(RepeatedClause);
        return text.ToString();
    }

    /// <summary>Paragraphs of two to five invented English news sentences, a blank line between them.</summary>
    public static string Article(int bytes)
    {
        var random = new Random(20201);
        var text = new StringBuilder(bytes + 1024);
        while (text.Length < bytes)
        {
            if (text.Length > 0) text.Append("\n\n");
            text.Append(EndToEndCorpus.Document(random, romanian: false));
        }
        return text.ToString();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? Option(string[] options, string name)
    {
        var index = Array.IndexOf(options, name);
        return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
    }
}
