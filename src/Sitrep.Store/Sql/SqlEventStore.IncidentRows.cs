using System.Data.Common;
using System.Globalization;
using Dapper;
using Sitrep.Incidents;

namespace Sitrep.Store.Sql;

public abstract partial class SqlEventStore
{
    /// <summary>
    /// Brings the stored incidents in line with the ones the fusion hands out, a chunk at a time, and knows where each
    /// event given to the fusion is stored until its incident is written (so it holds no more than the fusion does).
    /// An incident stored already as it is built (same row, every report assigned to it) is left alone: assigning again
    /// after a batch re-fuses every affected document, and most of their incidents come out unchanged, so rewriting
    /// them all (and every index they are in) was most of the cost of an assignment along an ingest.
    /// </summary>
    private sealed class IncidentRowWriter(SqlEventStore store, DbConnection connection, DbTransaction transaction)
    {
        private readonly Dictionary<(string Document, string Event), (long DocumentId, int Ordinal)> _located = [];
        private readonly List<(string Id, object?[] Values, (long DocumentId, int Ordinal)[] Reports)> _built = [];

        /// <summary>Stored incidents that lost a report to another: deleted at the end when none is left to them.</summary>
        private readonly HashSet<string> _left = new(StringComparer.Ordinal);

        /// <summary>Incidents handed out so far.</summary>
        public int Incidents { get; private set; }

        /// <summary>Notes where a fused event is stored; false when its document already gave one with its id (the fusion keeps that one).</summary>
        public bool Locate((string Document, string Event) key, (long DocumentId, int Ordinal) place) => _located.TryAdd(key, place);

        public async Task WriteAsync(IReadOnlyList<Incident> incidents, CancellationToken cancellationToken)
        {
            foreach (var incident in incidents)
            {
                var places = new (long DocumentId, int Ordinal)[incident.Reports.Length];
                for (var i = 0; i < places.Length; i++)
                {
                    var report = incident.Reports[i];
                    if (!_located.Remove((report.Document, report.Event), out places[i])) throw new StoreException($"incident {incident.Id} reports event {report.Event} of document {report.Document}, which was not read from the store");
                }
                _built.Add((incident.Id, IncidentValues(incident), places));
                Incidents++;
            }
            if (_built.Count >= IncidentWriteChunk) await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_built.Count == 0) return;
            var stored = await StoredRowsAsync([.. _built.Select(b => b.Id)], cancellationToken).ConfigureAwait(false);
            var assigned = await AssignedAsync([.. _built.SelectMany(b => b.Reports).Select(r => r.DocumentId).Distinct()], cancellationToken).ConfigureAwait(false);
            var replaced = new List<string>();
            var rows = new List<object?[]>();
            var added = new List<(long DocumentId, int Ordinal, string IncidentId)>();
            var moved = new List<(long DocumentId, int Ordinal, string IncidentId)>();
            foreach (var (id, values, reports) in _built)
            {
                var kept = stored.TryGetValue(id, out var row);
                if (kept && SameRow(values, row!) && Array.TrueForAll(reports, r => assigned.TryGetValue(r, out var was) && was == id)) continue;
                if (kept) replaced.Add(id);
                rows.Add(values);
                foreach (var report in reports) Assign(report, id, assigned, added, moved);
            }
            _built.Clear();
            await DeleteIncidentsAsync(replaced, "", cancellationToken).ConfigureAwait(false);
            await store.WriteIncidentRowsAsync(connection, transaction, rows, added, cancellationToken).ConfigureAwait(false);
            await MoveAsync(moved, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Assigns each later copy's event to the incident of the same event in the copy fused, then deletes the incidents left without reports.</summary>
        public async Task CompleteAsync(StoredCopies copies, CancellationToken cancellationToken)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
            var moved = new List<(long DocumentId, int Ordinal, string IncidentId)>();
            var added = new List<(long DocumentId, int Ordinal, string IncidentId)>();
            foreach (var chunk in copies.Later.Chunk(IdChunk))
            {
                var assigned = await AssignedAsync([.. chunk.SelectMany(c => new[] { c.Copy.DocumentId, c.First.DocumentId }).Distinct()], cancellationToken).ConfigureAwait(false);
                foreach (var (copy, first) in chunk) Assign(copy, assigned[first], assigned, added, moved);
            }
            await store.WriteIncidentRowsAsync(connection, transaction, [], added, cancellationToken).ConfigureAwait(false);
            await MoveAsync(moved, cancellationToken).ConfigureAwait(false);
            await DeleteIncidentsAsync(_left, " AND NOT EXISTS (SELECT 1 FROM incident_reports r WHERE r.incident_id = incidents.id)", cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Where a stored event's report goes now that it belongs to incident <paramref name="id"/>: added if it had no
        /// incident, moved if it had another (which may then be left without reports), nowhere if it is there already.
        /// </summary>
        private void Assign((long DocumentId, int Ordinal) report, string id, Dictionary<(long DocumentId, int Ordinal), string> assigned,
            List<(long DocumentId, int Ordinal, string IncidentId)> added, List<(long DocumentId, int Ordinal, string IncidentId)> moved)
        {
            if (!assigned.TryGetValue(report, out var was)) added.Add((report.DocumentId, report.Ordinal, id));
            else if (was != id)
            {
                moved.Add((report.DocumentId, report.Ordinal, id));
                _left.Add(was);
            }
        }

        /// <summary>Deletes these incidents' rows, those that also meet <paramref name="andCondition"/> (SQL starting with AND, or empty).</summary>
        private async Task DeleteIncidentsAsync(IEnumerable<string> incidentIds, string andCondition, CancellationToken cancellationToken)
        {
            foreach (var chunk in incidentIds.Chunk(IdChunk))
            {
                var ids = new DynamicParameters();
                await connection.ExecuteAsync(new CommandDefinition(
                    $"DELETE FROM incidents WHERE id IN ({store.Parameters(ids, "i", chunk)}){andCondition}", ids, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }

        /// <summary>The stored rows of these incidents (<see cref="IncidentColumns"/> order), by id.</summary>
        private async Task<Dictionary<string, object?[]>> StoredRowsAsync(string[] incidentIds, CancellationToken cancellationToken)
        {
            var rows = new Dictionary<string, object?[]>(StringComparer.Ordinal);
            foreach (var chunk in incidentIds.Chunk(IdChunk))
            {
                var ids = new DynamicParameters();
                await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
                    $"SELECT {string.Join(", ", IncidentColumns)} FROM incidents WHERE id IN ({store.Parameters(ids, "i", chunk)})", ids, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var values = new object?[IncidentColumns.Length];
                    reader.GetValues(values!);
                    rows[(string)values[0]!] = values;
                }
            }
            return rows;
        }

        /// <summary>The incident each stored event of these documents is assigned to now.</summary>
        private async Task<Dictionary<(long DocumentId, int Ordinal), string>> AssignedAsync(long[] documentIds, CancellationToken cancellationToken)
        {
            var assigned = new Dictionary<(long DocumentId, int Ordinal), string>();
            foreach (var chunk in documentIds.Chunk(IdChunk))
            {
                var ids = new DynamicParameters();
                var rows = await connection.QueryAsync<(long DocumentId, long Ordinal, string IncidentId)>(new CommandDefinition(
                    $"SELECT document_id, ordinal, incident_id FROM incident_reports WHERE document_id IN ({store.Parameters(ids, "d", chunk)})", ids, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                foreach (var (documentId, ordinal, incidentId) in rows) assigned[(documentId, (int)ordinal)] = incidentId;
            }
            return assigned;
        }

        /// <summary>Reassigns stored reports to the incidents they now belong to (one prepared statement, run per report).</summary>
        private Task MoveAsync(List<(long DocumentId, int Ordinal, string IncidentId)> moved, CancellationToken cancellationToken) =>
            moved.Count == 0 ? Task.CompletedTask : connection.ExecuteAsync(new CommandDefinition(
                "UPDATE incident_reports SET incident_id = @incident WHERE document_id = @document AND ordinal = @ordinal",
                moved.Select(m => new { incident = m.IncidentId, document = m.DocumentId, ordinal = m.Ordinal }), transaction, cancellationToken: cancellationToken));

        /// <summary>A built row against a stored one, column by column: numbers by value (the databases give them back as their own types).</summary>
        private static bool SameRow(object?[] built, object?[] stored)
        {
            for (var i = 0; i < built.Length; i++)
            {
                var same = (built[i], stored[i] is DBNull ? null : stored[i]) switch
                {
                    (null, null) => true,
                    (null, _) or (_, null) => false,
                    (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
                    (string, _) or (_, string) => false,
                    (double a, var b) => b is IConvertible && a.Equals(Convert.ToDouble(b, CultureInfo.InvariantCulture)),
                    (_, double or float) => false,
                    (var a, var b) => a is IConvertible && b is IConvertible
                        && Convert.ToInt64(a, CultureInfo.InvariantCulture) == Convert.ToInt64(b, CultureInfo.InvariantCulture),
                };
                if (!same) return false;
            }
            return true;
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
