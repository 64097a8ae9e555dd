using System.Text;
using Sitrep.Documents;
using Sitrep.Readers;

namespace Sitrep.Tests.Readers;

/// <summary>Reads in-memory inputs through the real <see cref="InputReader"/>, as if they were files of the given name.</summary>
internal static class ReaderHarness
{
    public static IReadOnlyList<ReadItem> Read(string content, string fileName) =>
        Read(Encoding.UTF8.GetBytes(content), fileName);

    public static IReadOnlyList<ReadItem> Read(byte[] bytes, string fileName)
    {
        var name = new InputName(fileName, fileName);
        return [.. new InputReader().ReadStream(new MemoryStream(bytes), name, Path.GetExtension(fileName))];
    }

    public static IReadOnlyList<SourceDocument> Documents(IEnumerable<ReadItem> items) =>
        [.. items.Where(i => i.Document is not null).Select(i => i.Document!)];

    public static IReadOnlyList<InputProblem> Problems(IEnumerable<ReadItem> items) =>
        [.. items.Where(i => i.Problem is not null).Select(i => i.Problem!)];

    public static SourceDocument Single(string content, string fileName)
    {
        var items = Read(content, fileName);
        Assert.Empty(Problems(items));
        return Assert.Single(Documents(items));
    }
}
