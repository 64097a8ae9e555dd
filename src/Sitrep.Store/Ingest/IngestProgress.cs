namespace Sitrep.Store.Ingest;

/// <summary>
/// Where an ingest stands; reported after every batch. <see cref="Characters"/> counts the text
/// read so far, which progress displays compare with the inputs' size for an ETA.
/// </summary>
public sealed record IngestProgress(
    long DocumentsRead,
    long DocumentsAdded,
    long DocumentsSkipped,
    long EventsAdded,
    long Problems,
    long Characters,
    TimeSpan Elapsed)
{
    public double DocumentsPerSecond => Elapsed.TotalSeconds > 0 ? DocumentsRead / Elapsed.TotalSeconds : 0;
}
