namespace Sitrep.Documents;

/// <summary>An input, or part of one, that could not be read. Reported to the user; never thrown.</summary>
/// <param name="Path">The file, or "-" for standard input.</param>
/// <param name="Line">1-based line for line-based formats (JSON Lines, CSV), else null.</param>
/// <param name="Reason">Why, in words a user can act on.</param>
public sealed record InputProblem(string Path, int? Line, string Reason)
{
    public override string ToString() => Line is { } line ? $"{Path}:{line}: {Reason}" : $"{Path}: {Reason}";
}
