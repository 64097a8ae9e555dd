using System.Data.Common;
using Sitrep.Incidents;

namespace Sitrep.Store.Sql;

public abstract partial class SqlEventStore
{
    /// <summary>
    /// Writes incidents as the fusion hands them out, a chunk at a time, and knows where each event given to the
    /// fusion is stored until its incident is written (so it holds no more than the fusion does).
    /// </summary>
    private sealed class IncidentRowWriter(SqlEventStore store, DbConnection connection, DbTransaction transaction)
    {
        private readonly Dictionary<(string Document, string Event), (long DocumentId, int Ordinal)> _located = [];
        private List<object?[]> _incidents = [];
        private List<(long DocumentId, int Ordinal, string IncidentId)> _reports = [];

        /// <summary>Incidents written so far.</summary>
        public int Incidents { get; private set; }

        /// <summary>Notes where a fused event is stored; false when its document already gave one with its id (the fusion keeps that one).</summary>
        public bool Locate((string Document, string Event) key, (long DocumentId, int Ordinal) place) => _located.TryAdd(key, place);

        public async Task WriteAsync(IReadOnlyList<Incident> incidents, CancellationToken cancellationToken)
        {
            foreach (var incident in incidents)
            {
                _incidents.Add(IncidentValues(incident));
                foreach (var report in incident.Reports)
                {
                    if (!_located.Remove((report.Document, report.Event), out var place)) throw new StoreException($"incident {incident.Id} reports event {report.Event} of document {report.Document}, which was not read from the store");
                    _reports.Add((place.DocumentId, place.Ordinal, incident.Id));
                }
                Incidents++;
            }
            if (_incidents.Count >= IncidentWriteChunk) await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_incidents.Count == 0) return;
            await store.WriteIncidentRowsAsync(connection, transaction, _incidents, _reports, cancellationToken).ConfigureAwait(false);
            _incidents = [];
            _reports = [];
        }
    }

    /// <summary>
    /// Document ids stored more than once (revisions of an article): the first copy read is fused, as the fusion keeps
    /// the first reading of a document, and each event of a later copy joins the incident of the same event in it.
    /// </summary>
    private sealed class StoredCopies(HashSet<string> duplicatedKeys)
    {
        private readonly Dictionary<(string Document, string Event), (long DocumentId, int Ordinal)> _first = [];

        /// <summary>Each later copy's event, with the stored event of the first copy whose incident it joins.</summary>
        public List<((long DocumentId, int Ordinal) Copy, (long DocumentId, int Ordinal) First)> Later { get; } = [];

        public bool IsFirst(string document, string eventId, (long DocumentId, int Ordinal) place)
        {
            if (!duplicatedKeys.Contains(document) || _first.TryAdd((document, eventId), place)) return true;
            Later.Add((place, _first[(document, eventId)]));
            return false;
        }
    }
}
