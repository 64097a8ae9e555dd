using System.Globalization;

namespace Sitrep.Watch;

/// <summary>What a watch run did, counted across threads.</summary>
public sealed class WatchReport
{
    private long _sourcesPolled, _sourcesFailed, _pagesFetched, _notModified, _documentsStored, _revisions, _events, _alerts, _problems, _alertsDelivered, _deliveryFailures;

    public long SourcesPolled => Interlocked.Read(ref _sourcesPolled);
    public long SourcesFailed => Interlocked.Read(ref _sourcesFailed);
    public long PagesFetched => Interlocked.Read(ref _pagesFetched);
    public long NotModified => Interlocked.Read(ref _notModified);
    public long DocumentsStored => Interlocked.Read(ref _documentsStored);
    public long Revisions => Interlocked.Read(ref _revisions);
    public long Events => Interlocked.Read(ref _events);
    public long Alerts => Interlocked.Read(ref _alerts);
    public long Problems => Interlocked.Read(ref _problems);
    public long AlertsDelivered => Interlocked.Read(ref _alertsDelivered);
    public long DeliveryFailures => Interlocked.Read(ref _deliveryFailures);

    internal void SourcePolled(bool failed)
    {
        Interlocked.Increment(ref _sourcesPolled);
        if (failed) Interlocked.Increment(ref _sourcesFailed);
    }

    internal void PageFetched(bool notModified) => Interlocked.Increment(ref notModified ? ref _notModified : ref _pagesFetched);
    internal void Stored(int documents, int revisions, int events, int alerts)
    {
        Interlocked.Add(ref _documentsStored, documents);
        Interlocked.Add(ref _revisions, revisions);
        Interlocked.Add(ref _events, events);
        Interlocked.Add(ref _alerts, alerts);
    }

    internal void Problem() => Interlocked.Increment(ref _problems);
    internal void Delivered(int delivered, int failed)
    {
        Interlocked.Add(ref _alertsDelivered, delivered);
        Interlocked.Add(ref _deliveryFailures, failed);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{SourcesPolled} sources polled ({SourcesFailed} failed), {PagesFetched} pages fetched, {NotModified} not modified, " +
        $"{DocumentsStored} new documents ({Revisions} revisions of known articles), {Events} events, {Alerts} alerts raised, " +
        $"{AlertsDelivered} deliveries ({DeliveryFailures} failed), {Problems} articles not read");
}
