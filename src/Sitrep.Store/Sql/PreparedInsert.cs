using System.Data.Common;

namespace Sitrep.Store.Sql;

/// <summary>
/// One INSERT statement built once per batch and run many times with new values: the write path of a large
/// ingest. Values are set by column position, then the row is inserted; each store makes the kind that binds
/// fastest on its driver (<see cref="SqlEventStore"/>'s <c>CreateInsert</c>).
/// </summary>
internal abstract class PreparedInsert : IAsyncDisposable
{
    private protected PreparedInsert(int columns) => Values = new object?[columns];

    /// <summary>The next row's values, in column order (null for SQL NULL).</summary>
    private protected object?[] Values { get; }

    public void Set(params object?[] values) => Array.Copy(values, Values, values.Length);

    /// <summary>Sets the values of the columns from position <paramref name="start"/> on.</summary>
    public void SetFrom(int start, object?[] values) => Array.Copy(values, 0, Values, start, values.Length);

    /// <summary>Sets one value by column position (for columns a dialect adds after the shared ones).</summary>
    public void SetAt(int index, object? value) => Values[index] = value;

    /// <summary>Inserts the row set; the id it returns (the statement's RETURNING), or null when it inserted nothing.</summary>
    public abstract Task<long?> InsertReturningIdAsync(CancellationToken cancellationToken);

    public abstract Task InsertAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <param name="placeholders">Each column's parameter as the statement names it.</param>
    /// <param name="valueOf">The SQL that computes a column from its parameter, when not the parameter itself.</param>
    private protected static string InsertSql(string table, string[] columns, string[] placeholders, string returning, Func<string, string, string?>? valueOf)
    {
        var values = columns.Select((c, i) => valueOf?.Invoke(c, placeholders[i]) ?? placeholders[i]);
        return $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)}) {returning}";
    }
}

/// <summary>A <see cref="PreparedInsert"/> through the driver's own command and named parameters.</summary>
internal sealed class CommandInsert : PreparedInsert
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public CommandInsert(DbConnection connection, DbTransaction transaction, string table, string[] columns, string returning = "", Func<string, string, string?>? valueOf = null)
        : base(columns.Length)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        var names = columns.Select(c => "@" + c).ToArray();
        _command.CommandText = InsertSql(table, columns, names, returning, valueOf);
        _parameters = new DbParameter[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = names[i];
            _command.Parameters.Add(parameter);
            _parameters[i] = parameter;
        }
    }

    public override async Task<long?> InsertReturningIdAsync(CancellationToken cancellationToken)
    {
        Bind();
        var id = await _command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return id is null or DBNull ? null : Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture);
    }

    public override Task InsertAsync(CancellationToken cancellationToken)
    {
        Bind();
        return _command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void Bind()
    {
        for (var i = 0; i < _parameters.Length; i++) _parameters[i].Value = Values[i] ?? DBNull.Value;
    }

    public override ValueTask DisposeAsync() => _command.DisposeAsync();
}
