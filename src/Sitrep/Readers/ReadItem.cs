using Sitrep.Documents;

namespace Sitrep.Readers;

/// <summary>One thing an input gave: a document, or a problem that names where and why. Exactly one is set.</summary>
public readonly record struct ReadItem
{
    private ReadItem(SourceDocument? document, InputProblem? problem)
    {
        Document = document;
        Problem = problem;
    }

    public SourceDocument? Document { get; }

    public InputProblem? Problem { get; }

    public static ReadItem Of(SourceDocument document) => new(document, null);

    public static ReadItem Failed(InputProblem problem) => new(null, problem);

    public static ReadItem Failed(string path, int? line, string reason) => new(null, new InputProblem(path, line, reason));
}
