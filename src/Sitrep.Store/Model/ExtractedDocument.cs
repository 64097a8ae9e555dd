using Sitrep.Documents;
using Sitrep.Output;

namespace Sitrep.Store.Model;

/// <summary>A document as read, what the pipeline said about it, and the hash that makes storing it idempotent.</summary>
public sealed record ExtractedDocument(SourceDocument Source, DocumentResult Result, string ContentHash);

/// <summary>What one stored batch changed.</summary>
public readonly record struct BatchOutcome(int DocumentsAdded, int DocumentsSkipped, int EventsAdded);

/// <summary>
/// How much the store holds, table by table: documents, events, current killed figures (what statistics
/// by side add up) and the mention spans stored with --mentions.
/// </summary>
public sealed record StoreCounts(long Documents, long Events, long KilledFigures, long MentionSpans);
