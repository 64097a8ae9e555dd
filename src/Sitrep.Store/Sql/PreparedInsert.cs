using System.Data.Common;

namespace Sitrep.Store.Sql;

/// <summary>
/// One INSERT statement built once per batch and run many times with new values: the write path
/// of a large ingest, so parameters are reused rather than rebuilt for every row.
/// </summary>
internal sealed class PreparedInsert : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    /// <param name="valueOf">The SQL that computes a column from its parameter, when not the parameter itself.</param>
    public PreparedInsert(DbConnection connection, DbTransaction transaction, string table, string[] columns, string returning = "", Func<string, string, string?>? valueOf = null)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        var names = columns.Select(c => "@" + c).ToArray();
        var values = columns.Select((c, i) => valueOf?.Invoke(c, names[i]) ?? names[i]);
        _command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)}) {returning}";
        _parameters = new DbParameter[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = names[i];
            _command.Parameters.Add(parameter);
            _parameters[i] = parameter;
        }
    }

    public void Set(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) _parameters[i].Value = values[i] ?? DBNull.Value;
    }

    /// <summary>Sets the values of the columns from position <paramref name="start"/> on.</summary>
    public void SetFrom(int start, object?[] values)
    {
        for (var i = 0; i < values.Length; i++) _parameters[start + i].Value = values[i] ?? DBNull.Value;
    }

    /// <summary>Sets one value by column position (for columns a dialect adds after the shared ones).</summary>
    public void SetAt(int index, object? value) => _parameters[index].Value = value ?? DBNull.Value;

    public async Task<long?> InsertReturningIdAsync(CancellationToken cancellationToken)
    {
        var id = await _command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return id is null or DBNull ? null : Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<int> InsertAsync(CancellationToken cancellationToken) => _command.ExecuteNonQueryAsync(cancellationToken);

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
