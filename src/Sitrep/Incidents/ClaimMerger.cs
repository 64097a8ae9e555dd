using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Output;

namespace Sitrep.Incidents;

/// <summary>
/// Gathers the claims of an incident's reports: every casualty figure (attributed or not) and every other claim
/// sitrep/1 lists, each with its document. A claim relayed by several outlets (same claimant, same figure for the
/// same victims; or, for other claims, the same words) becomes one claim with several reports, so it counts once.
/// An unattributed figure is the outlet's own: relays of it are merged only within that outlet. Contradictions
/// sitrep/1 found inside a document are kept, now between the incident's claims.
/// </summary>
internal static class ClaimMerger
{
    public static List<ClaimDraft> Merge(IReadOnlyList<ReportedEvent> reports)
    {
        var drafts = new List<ClaimDraft>();
        var byKey = new Dictionary<DraftKey, ClaimDraft>();
        var byDocumentClaim = new Dictionary<(string Document, string Event, string Claim), ClaimDraft>();
        var links = new List<(ReportedEvent Report, ClaimDraft Draft, string Contradicted)>();
        foreach (var report in reports)
        {
            var record = report.Event;
            var claims = record.Claims.IsDefault ? [] : record.Claims;
            var casualtySpans = new HashSet<(int, int)>();
            foreach (var casualty in record.Casualties.IsDefault ? [] : record.Casualties)
            {
                var claimant = casualty.Attribution?.Claimant;
                var claimantKey = ClaimantKey(claimant);
                var outlet = report.Document.Source ?? report.Document.Id;
                // An unattributed figure is the outlet's own: it merges only with the same outlet's.
                var key = new DraftKey(claimant is null ? null : claimantKey, claimant is null ? outlet : null, casualty.Outcome, casualty.Victims.Category,
                    casualty.Victims.Side, casualty.Status, null, casualty.Count?.Value, casualty.Count?.Min, casualty.Count?.Max, casualty.Count is null);
                // The claim sitrep/1 made of this figure shares its evidence span.
                var listed = Listed(claims, casualty.Evidence);
                var draft = Draft(drafts, byKey, key, () => new ClaimDraft(listed?.Text ?? Describe(casualty), claimant, claimantKey, casualty));
                AddSource(draft, report, listed?.Id, casualty.Evidence.Start, casualty.Evidence.End, casualty.Attribution?.Via ?? [], claimant is null ? null : report.Document.Source);
                casualtySpans.Add((casualty.Evidence.Start, casualty.Evidence.End));
                if (listed is not null) Remember(byDocumentClaim, links, report, listed, draft);
            }
            foreach (var claim in claims)
            {
                if (casualtySpans.Contains((claim.Start, claim.End))) continue;
                var key = new DraftKey(ClaimantKey(claim.Claimant), null, null, null, null, null, claim.Text.Trim().ToLowerInvariant(), null, null, null, false);
                var draft = Draft(drafts, byKey, key, () => new ClaimDraft(claim.Text, claim.Claimant, ClaimantKey(claim.Claimant), null));
                AddSource(draft, report, claim.Id, claim.Start, claim.End, claim.Via, claim.Claimant is null ? null : report.Document.Source);
                Remember(byDocumentClaim, links, report, claim, draft);
            }
        }
        foreach (var (report, draft, contradicted) in links)
        {
            if (!byDocumentClaim.TryGetValue((report.Document.Id, report.Event.Id, contradicted), out var other) || other == draft) continue;
            draft.Contradicts.Add(other);
            other.Contradicts.Add(draft);
        }
        return drafts;
    }

    /// <summary>"the regional governor" and "Regional governor" are one claimant; an unattributed figure has none ("").</summary>
    public static string ClaimantKey(string? claimant)
    {
        if (claimant is null) return "";
        var key = claimant.Trim().ToLowerInvariant();
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }

    private static Claim? Listed(ImmutableArray<Claim> claims, Span evidence)
    {
        foreach (var claim in claims)
        {
            if (claim.Start == evidence.Start && claim.End == evidence.End) return claim;
        }
        return null;
    }

    private static ClaimDraft Draft(List<ClaimDraft> drafts, Dictionary<DraftKey, ClaimDraft> byKey, DraftKey key, Func<ClaimDraft> create)
    {
        if (byKey.TryGetValue(key, out var draft)) return draft;
        draft = create();
        draft.Id = "k" + (drafts.Count + 1).ToString(CultureInfo.InvariantCulture);
        drafts.Add(draft);
        byKey[key] = draft;
        return draft;
    }

    private static void AddSource(ClaimDraft draft, ReportedEvent report, string? claimId, int start, int end, ImmutableArray<string> via, string? outlet)
    {
        draft.Sources.Add((report, claimId, start, end));
        foreach (var relay in via.IsDefault ? [] : via) AddRelay(draft, relay);
        if (outlet is not null) AddRelay(draft, outlet);
    }

    private static void AddRelay(ClaimDraft draft, string relay)
    {
        // Ordinal: List<string>.Contains compares strings by their characters.
        if (!draft.Via.Contains(relay)) draft.Via.Add(relay);
    }

    private static void Remember(Dictionary<(string, string, string), ClaimDraft> byDocumentClaim, List<(ReportedEvent, ClaimDraft, string)> links, ReportedEvent report, Claim claim, ClaimDraft draft)
    {
        byDocumentClaim.TryAdd((report.Document.Id, report.Event.Id, claim.Id), draft);
        foreach (var contradicted in claim.Contradicts.IsDefault ? [] : claim.Contradicts) links.Add((report, draft, contradicted));
    }

    /// <summary>
    /// What makes two claims one: for a figure, the claimant (or, unattributed, the outlet), what it counts and the
    /// figure; for another claim, the claimant and the words (lower-cased).
    /// </summary>
    private readonly record struct DraftKey(string? Claimant, string? Outlet, string? Outcome, string? Category, string? Side, string? Status, string? Text,
        long? Value, long? Min, long? Max, bool NoCount);

    /// <summary>A short text for a figure that names what it counts ("12 civilian killed"); the documents keep the words.</summary>
    private static string Describe(Casualty casualty) =>
        $"{casualty.Count?.Text ?? "no"} {casualty.Victims.Text ?? casualty.Victims.Category} {casualty.Outcome}";
}
