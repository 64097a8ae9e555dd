using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Sitrep.Bench;

/// <summary>A benchmark that processes a known number of input bytes per operation.</summary>
public interface IThroughputBenchmark
{
    /// <summary>Bytes one operation of <paramref name="method"/> processes. Computed in the host process, so it must be deterministic.</summary>
    long BytesPerOperation(string method);
}

/// <summary>Adds "MB/s" (10^6 bytes per second of median time) to the summary of <see cref="IThroughputBenchmark"/> classes.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Input megabytes (10^6 bytes) processed per second, from the median time of one operation (robust on a shared machine)";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } statistics) return "-";
        if (Activator.CreateInstance(benchmarkCase.Descriptor.Type) is not IThroughputBenchmark benchmark) return "-";
        var bytes = benchmark.BytesPerOperation(benchmarkCase.Descriptor.WorkloadMethod.Name);
        var seconds = statistics.Median / 1e9;
        return (bytes / seconds / 1e6).ToString("F1", CultureInfo.InvariantCulture);
    }
}
