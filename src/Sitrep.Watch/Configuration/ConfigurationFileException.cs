namespace Sitrep.Watch.Configuration;

/// <summary>A sources or alerts file that cannot be used: names the file, the line (when one is to blame) and why.</summary>
public sealed class ConfigurationFileException(string path, int? line, string reason)
    : Exception(line is null ? $"{path}: {reason}" : $"{path}:{line}: {reason}")
{
    public string Path { get; } = path;

    public int? Line { get; } = line;

    public string Reason { get; } = reason;
}
