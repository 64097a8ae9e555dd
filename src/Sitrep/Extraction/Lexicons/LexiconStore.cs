using System.Collections.Concurrent;

namespace Sitrep.Extraction.Lexicons;

/// <summary>The compiled lexicons of every language, built on first use from the rows compiled into the engine. Thread-safe.</summary>
public static class LexiconStore
{
    private static readonly ConcurrentDictionary<string, CompiledLexicon> Cache = new(StringComparer.Ordinal);

    /// <summary>Languages that have extraction lexicons.</summary>
    public static IReadOnlyList<string> Languages { get; } = CompiledLexiconRows.All.Select(r => r.Language).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    public static CompiledLexicon For(string language) =>
        Cache.GetOrAdd(language, static l => CompiledLexicon.From(l, CompiledLexiconRows.All));
}
