using Sitrep.Store.Ingest;

namespace Sitrep.Store.Tests.Support;

/// <summary>Ingest progress handled on the reporting thread as it is reported (<see cref="Progress{T}"/> would post it later).</summary>
public sealed class SynchronousProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
{
    public void Report(IngestProgress value) => report(value);
}
