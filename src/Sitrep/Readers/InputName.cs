namespace Sitrep.Readers;

/// <summary>How an input is named: <see cref="Path"/> in messages, <see cref="Name"/> in derived document ids.</summary>
/// <param name="Path">As the user gave it (or found under a directory they gave), "-" for standard input.</param>
/// <param name="Name">The file name, or its path relative to the directory given, with '/' separators; "stdin" for standard input.</param>
public sealed record InputName(string Path, string Name)
{
    /// <summary>The id of the document on a line (JSON Lines, CSV) when the input gives none.</summary>
    public string IdAtLine(int line) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Name}:{line}");

    /// <summary>The id of the n-th item of a feed when the feed gives none.</summary>
    public string IdOfItem(int number) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Name}#{number}");

    public string OriginAtLine(int line) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Path}:{line}");
}
