namespace Sitrep.Readers;

/// <summary>
/// Lists the files under a directory in a stable order (ordinal, by path relative to the directory), without
/// hidden files and folders (".git", ".DS_Store"), without files that are not news input (see
/// <see cref="IsNotNewsInput"/>) and without following links to folders, which could loop. Only paths are
/// held, never contents. A file named on the command line is always read: these rules are for folders.
/// </summary>
internal static class DirectoryWalker
{
    // A corpus folder often carries its own documentation: a README of sample articles read as an article
    // gave a riot in Mississippi. These names (whatever their extension) and these documentation formats are
    // never news input.
    private static readonly HashSet<string> DocumentationNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "CHANGES", "NOTICE", "AUTHORS", "CONTRIBUTING",
    };

    private static readonly HashSet<string> DocumentationExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".md", ".markdown", ".rst",
    };

    /// <summary>
    /// A file that documents a folder rather than holding news: README, LICENSE (or LICENCE), COPYING, CHANGELOG,
    /// CHANGES, NOTICE, AUTHORS or CONTRIBUTING with any extension or none, and any Markdown or reStructuredText
    /// file (.md, .markdown, .rst).
    /// </summary>
    public static bool IsNotNewsInput(string fileName)
    {
        var dot = fileName.IndexOf('.', StringComparison.Ordinal);
        var stem = dot < 0 ? fileName : fileName[..dot];
        return DocumentationNames.Contains(stem) || DocumentationExtensions.Contains(Path.GetExtension(fileName));
    }

    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.None,
        ReturnSpecialDirectories = false,
    };

    /// <returns>Each file's path (the directory as given, joined with the file), its relative name with '/', and its length.</returns>
    public static IEnumerable<(string Path, string Relative, long Length)> Files(string root)
    {
        var files = new List<(string Path, string Relative, long Length)>();
        var pending = new Stack<(string Directory, string Prefix)>();
        pending.Push((root, string.Empty));
        while (pending.Count > 0)
        {
            var (directory, prefix) = pending.Pop();
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", Options))
            {
                if (entry.Name.StartsWith('.')) continue;
                var relative = prefix + entry.Name;
                if (entry is DirectoryInfo folder)
                {
                    if (folder.LinkTarget is null) pending.Push((Path.Combine(directory, entry.Name), relative + "/"));
                }
                else if (entry is FileInfo file && !IsNotNewsInput(entry.Name))
                {
                    files.Add((Path.Combine(directory, entry.Name), relative, file.Length));
                }
            }
        }
        files.Sort(static (a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return files;
    }
}
