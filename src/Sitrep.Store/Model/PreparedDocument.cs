using System.Text.Json;
using Sitrep.Output;
using Sitrep.Store.Sql;

namespace Sitrep.Store.Model;

/// <summary>
/// An extracted document with the CPU work of storing it done: its body serialised and compressed, its warnings
/// serialised, its events' rows and killed figures derived, its stored mentions collected (and, for PostgreSQL, its
/// search text folded). <see cref="IEventStore.Prepare"/> makes one on any thread, so that ingest prepares each
/// document on the core that extracted it while an earlier batch is being written, and the single writer only copies
/// values into the database. It keeps only what is written, not the extraction's records: a batch waiting for the
/// writer then holds its compressed bodies, not every event's claims and spans.
/// </summary>
public sealed class PreparedDocument
{
    private readonly string? _searchText;

    internal PreparedDocument(ExtractedDocument document, bool foldSearchText)
    {
        var source = document.Source;
        var result = document.Result;
        ContentHash = document.ContentHash;
        Info = result.Document;
        Origin = source.Origin;
        Title = source.Title;
        Text = source.Text;
        Body = DocumentBody.Encode(source.Text, result.Events);
        WarningsJson = JsonSerializer.Serialize(result.Warnings, StoreJson.Options);
        Mentions = SpanCollector.Mentions(result, source.Text.Length);
        var events = result.Events;
        EventRows = new object?[events.Length][];
        var kills = new List<KillRow>();
        for (var i = 0; i < events.Length; i++)
        {
            EventRows[i] = SqlEventStore.StoredRows.EventValues(i, events[i], result.Document.Relevance);
            foreach (var (side, low, best, high) in SqlEventStore.StoredRows.Kills(events[i])) kills.Add(new KillRow(i, side, low, best, high));
        }
        Kills = kills;
        _searchText = foldSearchText ? FoldSearchText(Title, Text) : null;
    }

    /// <summary>The hash that makes storing the document idempotent.</summary>
    public string ContentHash { get; }

    private DocumentInfo Info { get; }

    private string? Origin { get; }

    /// <summary>The title and text, for a text index that the database fills itself (SQLite's FTS5).</summary>
    internal string? Title { get; }

    internal string Text { get; }

    internal byte[] Body { get; }

    internal string WarningsJson { get; }

    /// <summary>The mentions stored as spans (none unless extraction was asked for them).</summary>
    internal List<SpanCollector.PendingSpan> Mentions { get; }

    /// <summary>Each event's row without its document id, in the events table's column order from "ordinal".</summary>
    internal object?[][] EventRows { get; }

    internal List<KillRow> Kills { get; }

    /// <summary>The folded title and text PostgreSQL indexes for search: folded when prepared, else now (SQLite's FTS5 folds them itself).</summary>
    internal string SearchText => _searchText ?? FoldSearchText(Title, Text);

    private static string FoldSearchText(string? title, string text) => SearchFolding.Fold($"{title} {text}");

    /// <summary>The values of the document's row, in the documents table's written column order.</summary>
    internal object?[] DocumentValues(string ingestedAt)
    {
        return [ContentHash, Info.Id, Info.Published, Info.Language, Info.Title, Info.Source, Info.Url, Origin, WarningsJson, ingestedAt, Body];
    }

    /// <summary>A current killed figure of the event at <paramref name="Ordinal"/>, as event_kills stores it.</summary>
    internal readonly record struct KillRow(int Ordinal, string Side, long? Low, long? Best, long? High);
}
