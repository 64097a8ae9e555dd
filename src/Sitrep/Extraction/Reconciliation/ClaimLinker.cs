using System.Collections.Immutable;
using Sitrep.Extraction.Attribution;
using Sitrep.Extraction.Frames;
using Sitrep.Output;

namespace Sitrep.Extraction.Reconciliation;

/// <summary>
/// Makes an event's claims (every attributed frame and figure) and links those that contradict each other,
/// both ways: the same proposition from different claimants with an opposite outcome (a claim said to be
/// "the opposite", or two sides each claiming the same change of territory) or with different figures for
/// the same victims.
/// </summary>
internal sealed class ClaimLinker
{
    private const int MaxCompared = 64;

    private readonly DocumentScan _scan;
    private int _next;

    public ClaimLinker(DocumentScan scan)
    {
        _scan = scan;
    }

    public ImmutableArray<Claim> Link(IReadOnlyList<EventFrame> frames, IReadOnlyList<CasualtyFrame> casualties)
    {
        var drafts = new List<Draft>();
        var seen = new HashSet<(Span, string)>();
        foreach (var frame in frames)
        {
            if (frame.Attribution is not { } a || frame.IsWeak) continue;
            var span = ClauseSpan(frame.AnchorToken);
            if (!seen.Add((span, a.Claimant))) continue;
            drafts.Add(new Draft(span, a, frame.Code, null, frame.AnchorToken));
        }
        foreach (var casualty in casualties)
        {
            if (casualty.Attribution is not { } a || casualty.Count is null) continue;
            drafts.Add(new Draft(casualty.Evidence, a, null, casualty, casualty.AnchorToken));
        }
        drafts.Sort(static (x, y) => x.Token.CompareTo(y.Token));
        var ids = drafts.Select(_ => "c" + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var links = drafts.Select(_ => new List<string>()).ToArray();
        // Contradictions are looked for among the first claims of an event: a story disputes its few main
        // facts, and a pathological text with thousands of claims must not cost a quadratic pass.
        var compared = Math.Min(drafts.Count, MaxCompared);
        for (var i = 0; i < compared; i++)
        {
            for (var j = i + 1; j < compared; j++)
            {
                if (!Contradict(drafts[i], drafts[j])) continue;
                links[i].Add(ids[j]);
                links[j].Add(ids[i]);
            }
        }
        return [.. drafts.Select((d, i) => new Claim(ids[i], _scan.OriginalText(d.Span), d.Attribution.Claimant, d.Attribution.Via, [.. links[i]], d.Span.Start, d.Span.End))];
    }

    private static bool Contradict(Draft earlier, Draft later)
    {
        if (SameClaimant(earlier.Attribution, later.Attribution)) return false;
        if (earlier.Code is not null && later.Code is not null)
        {
            if (later.Attribution.Opposite && earlier.Code == later.Code) return true;
            return earlier.Code is "territory" && later.Code is "territory" && earlier.Attribution.SideKey is not null && later.Attribution.SideKey is not null;
        }
        if (earlier.Casualty is { } a && later.Casualty is { } b)
        {
            return a.Outcome == b.Outcome && a.Victims.Category == b.Victims.Category && a.Victims.Side == b.Victims.Side
                && a.Status == b.Status && a.Count!.Count.Value != b.Count!.Count.Value;
        }
        return false;
    }

    private static bool SameClaimant(AttributionFinding a, AttributionFinding b) =>
        string.Equals(a.Claimant, b.Claimant, StringComparison.Ordinal) || (a.SideKey is not null && string.Equals(a.SideKey, b.SideKey, StringComparison.Ordinal));

    /// <summary>The clause around a word: what is claimed, without the words of the other clauses of its sentence.</summary>
    private Span ClauseSpan(int token)
    {
        var clause = _scan.ClauseOf[token];
        var sentence = _scan.Tokens[token].Sentence;
        var s = _scan.Text.Sentences[sentence];
        var first = token;
        var end = token + 1;
        while (first > s.FirstToken && _scan.ClauseOf[first - 1] == clause) first--;
        while (end < s.EndToken && _scan.ClauseOf[end] == clause) end++;
        while (first < end - 1 && _scan.Tokens[first].Kind == Text.TokenKind.Punctuation) first++;
        while (end > first + 1 && _scan.Tokens[end - 1].Kind == Text.TokenKind.Punctuation) end--;
        return _scan.TokenSpan(first, end);
    }

    private sealed record Draft(Span Span, AttributionFinding Attribution, string? Code, CasualtyFrame? Casualty, int Token);
}
