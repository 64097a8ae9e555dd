namespace Sitrep.Cli;

/// <summary>
/// Where output goes: standard output, or a file that appears only when everything was written
/// (a temporary file beside it is renamed on commit), so a failed run never leaves half a file.
/// </summary>
internal sealed class OutputSink : IDisposable
{
    private readonly string? _path;
    private readonly string? _temporary;
    private bool _committed;

    private OutputSink(TextWriter writer, string? path, string? temporary)
    {
        Writer = writer;
        _path = path;
        _temporary = temporary;
    }

    public TextWriter Writer { get; }

    public static OutputSink Open(string? path, TextWriter standardOutput)
    {
        if (path is null) return new OutputSink(standardOutput, null, null);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false));
        return new OutputSink(writer, full, temporary);
    }

    public void Commit()
    {
        Writer.Flush();
        if (_path is null || _temporary is null) return;
        Writer.Dispose();
        File.Move(_temporary, _path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_path is null) { Writer.Flush(); return; }
        Writer.Dispose();
        if (!_committed && _temporary is not null && File.Exists(_temporary)) File.Delete(_temporary);
    }
}
