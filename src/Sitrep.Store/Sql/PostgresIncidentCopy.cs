using Npgsql;
using NpgsqlTypes;

namespace Sitrep.Store.Sql;

/// <summary>
/// Built incidents into PostgreSQL with binary COPY instead of an INSERT a row: an assignment that rebuilds a dense
/// store writes a row for every incident and every report, and one round trip each made it take minutes.
/// </summary>
internal static class PostgresIncidentCopy
{
    // Types of SqlEventStore.IncidentColumns, in order.
    private static readonly NpgsqlDbType[] IncidentTypes =
    [
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Double, NpgsqlDbType.Double,
        NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer,
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
    ];

    public static async Task WriteAsync(
        NpgsqlConnection connection, IReadOnlyList<string> columns, List<object?[]> incidents,
        List<(long DocumentId, int Ordinal, string IncidentId)> reports, CancellationToken cancellationToken)
    {
        if (columns.Count != IncidentTypes.Length) throw new InvalidOperationException("the incidents' columns and their COPY types differ");
        await using (var import = await connection.BeginBinaryImportAsync(
            $"COPY incidents ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var values in incidents)
            {
                await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
                for (var c = 0; c < values.Length; c++) await PostgresBatchCopy.WriteValueAsync(import, values[c], IncidentTypes[c], cancellationToken).ConfigureAwait(false);
            }
            await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY incident_reports (document_id, ordinal, incident_id) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var (documentId, ordinal, incidentId) in reports)
            {
                await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(documentId, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(ordinal, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(incidentId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }
            await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
