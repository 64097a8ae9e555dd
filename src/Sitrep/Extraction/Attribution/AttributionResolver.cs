using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Extraction.Lexicons;
using Sitrep.Extraction.Matching;
using Sitrep.Output;
using Sitrep.Text;

namespace Sitrep.Extraction.Attribution;

/// <summary>
/// Finds who claims what. Each attribution cue of a sentence is resolved once: "according to X"/"potrivit X"
/// take the phrase after; a verb of saying takes its subject, or the phrase after it when it follows a quote
/// or a comma (", said the ministry"); a relay ("quoted by AFP", "citat de AFP", "told Reuters") adds to the
/// chain of the cue before it. A word then takes the nearest cue before it in its sentence, else the one
/// after; words inside a quotation take the cue where the quotation closes; a sentence with no cue takes
/// the next sentence's when that one reports nothing of its own ("... 5 were killed. This was said by X").
/// </summary>
internal sealed class AttributionResolver
{
    private const int PhraseReach = 9;

    private readonly DocumentScan _scan;
    private readonly ClaimantNamer _namer;
    private readonly List<(int Token, AttributionFinding Finding)>[] _bySentence;
    private readonly Lazy<Dictionary<int, int>> _quoteEnds;

    public AttributionResolver(DocumentScan scan)
    {
        _scan = scan;
        _namer = new ClaimantNamer(scan);
        _quoteEnds = new Lazy<Dictionary<int, int>>(() =>
        {
            var ends = new Dictionary<int, int>();
            for (var i = 0; i < scan.Tokens.Length; i++)
            {
                if (scan.QuoteOf[i] >= 0) ends[scan.QuoteOf[i]] = i;
            }
            return ends;
        }, LazyThreadSafetyMode.None);
        _bySentence = new List<(int, AttributionFinding)>[scan.SentenceCount];
        for (var s = 0; s < scan.SentenceCount; s++) _bySentence[s] = Resolve(s);
        if (DatelineAgency(scan) is { } agency) RelayAll(agency);
    }

    /// <summary>The agency a wire story's dateline names ("KABUL, May 3 (Reuters) -"): it relays every claim of the story.</summary>
    private static string? DatelineAgency(DocumentScan scan)
    {
        var end = Places.DatelineReader.End(scan.Text);
        return end == 0 ? null : scan.ActorsIn(0, end).FirstOrDefault(a => a.Kind == ActorMentionKind.Media)?.Name;
    }

    /// <summary>Adds the story's relay to every chain, outermost, unless the chain already names it.</summary>
    private void RelayAll(string agency)
    {
        foreach (var found in _bySentence)
        {
            for (var i = 0; i < found.Count; i++)
            {
                var (token, finding) = found[i];
                if (!finding.Via.Contains(agency) && !string.Equals(finding.Claimant, agency, StringComparison.Ordinal)) found[i] = (token, finding with { Via = finding.Via.Add(agency) });
            }
        }
    }

    public ClaimantNamer Namer => _namer;

    /// <summary>All attributions found, for mentions.</summary>
    public IEnumerable<AttributionFinding> All => _bySentence.SelectMany(s => s.Select(f => f.Finding));

    public AttributionFinding? For(int token)
    {
        var sentence = _scan.Tokens[token].Sentence;
        var cues = _bySentence[sentence];
        if (cues.Count > 0)
        {
            AttributionFinding? before = null;
            AttributionFinding? after = null;
            foreach (var (cueToken, finding) in cues)
            {
                if (cueToken <= token) before = finding;
                else after ??= finding;
            }
            return before ?? after;
        }
        var quote = _scan.QuoteOf[token];
        if (quote >= 0 && ClosingAttribution(quote) is { } quoted) return quoted;
        if (sentence + 1 < _scan.SentenceCount && _bySentence[sentence + 1].Count > 0 && _scan.In(LexiconKind.Triggers, sentence + 1).Count == 0
            && _scan.In(LexiconKind.Outcomes, sentence + 1).Count == 0)
        {
            return _bySentence[sentence + 1][0].Finding;
        }
        return null;
    }

    /// <summary>The attribution right after a quotation closes (`..." said X`), in whichever sentence that is.</summary>
    private AttributionFinding? ClosingAttribution(int quote)
    {
        var tokens = _scan.Tokens;
        if (!_quoteEnds.Value.TryGetValue(quote, out var close)) return null;
        foreach (var (cueToken, finding) in _bySentence[tokens[close].Sentence])
        {
            if (cueToken > close && cueToken - close <= 3) return finding;
        }
        // The quotation may close the sentence before the one with the verb (`...retreating." said X` is rare, but `"..." X said.` is not).
        var nextSentence = tokens[close].Sentence + 1;
        if (nextSentence < _scan.SentenceCount && _bySentence[nextSentence].Count > 0 && _bySentence[nextSentence][0].Token - close <= 4) return _bySentence[nextSentence][0].Finding;
        return null;
    }

    private List<(int, AttributionFinding)> Resolve(int sentence)
    {
        var found = new List<(int, AttributionFinding)>();
        var matches = _scan.In(LexiconKind.Attribution, sentence);
        var s = _scan.Text.Sentences[sentence];
        var coveredUntil = -1;
        foreach (var match in matches)
        {
            var cue = match.Entry.Field(0);
            // "according to tolls announced on Sunday": a verb inside the phrase of a source is part of it.
            if (match.FirstToken < coveredUntil && cue is "speech" or "source") continue;
            switch (cue)
            {
                case "source":
                {
                    var end = PhraseEnd(match.EndToken, s.EndToken);
                    // "according to an official quoted by Reuters": the relay is not part of the claimant.
                    var relayAt = matches.FirstOrDefault(m => m.FirstToken > match.FirstToken && m.FirstToken < end && m.Entry.Field(0) is "relay");
                    if (relayAt.Entry is not null) end = relayAt.FirstToken;
                    if (Named(match, match.EndToken, end, allowWords: true) is { } finding)
                    {
                        // "the army said, according to Reuters": an outlet alone after another cue passed that claim on.
                        if (found.Count > 0 && finding.Claimant == ClaimantNamer.UnnamedSource && finding.Via.Length == 1) AddRelay(found, finding.Via[0], match, s);
                        else found.Add((match.FirstToken, finding));
                    }
                    coveredUntil = end;
                    break;
                }
                case "speech":
                {
                    AttributionFinding? finding;
                    if (IsInverted(match.FirstToken))
                    {
                        // After a quote the speaker must be named; ", stating that..." names nobody and speaks for the claimant before it.
                        var end = PhraseEnd(match.EndToken, s.EndToken);
                        finding = Named(match, match.EndToken, end, allowWords: false);
                        coveredUntil = end;
                    }
                    else
                    {
                        var start = SubjectStart(match.FirstToken, s.FirstToken);
                        finding = Named(match, start, match.FirstToken, allowWords: true);
                    }
                    var opposite = matches.Any(m => string.Equals(m.Entry.Field(0), "opposite", StringComparison.Ordinal) && m.FirstToken >= match.EndToken && m.FirstToken - match.EndToken <= 2);
                    // "stating that..." with no subject of its own speaks for the claimant before it.
                    finding ??= found.Count > 0 ? found[^1].Item2 with { CueToken = match.FirstToken } : null;
                    if (finding is not null) found.Add((match.FirstToken, opposite ? finding with { Opposite = true } : finding));
                    break;
                }
                case "relay":
                {
                    var relay = RelayName(match.EndToken, s.EndToken);
                    if (relay is null) break;
                    if (found.Count > 0)
                    {
                        AddRelay(found, relay, match, s);
                    }
                    else
                    {
                        var start = SubjectStart(match.FirstToken, s.FirstToken);
                        var finding = Named(match, start, match.FirstToken, allowWords: true);
                        if (finding is not null) found.Add((match.FirstToken, finding with { Via = finding.Via.Add(relay) }));
                    }
                    break;
                }
            }
        }
        return found;
    }

    /// <summary>Adds a relay to the chain of the cue before it, its evidence stretched over the relay's words.</summary>
    private void AddRelay(List<(int, AttributionFinding)> found, string relay, LexiconMatch match, Sentence s)
    {
        var (token, previous) = found[^1];
        var span = new Span(previous.Evidence.Start, Math.Max(previous.Evidence.End, _scan.TokenSpan(match.FirstToken, Math.Min(match.EndToken + 1, s.EndToken)).End));
        found[^1] = (token, previous with { Via = previous.Via.Contains(relay) ? previous.Via : previous.Via.Add(relay), Evidence = span });
    }

    private AttributionFinding? Named(LexiconMatch cue, int first, int end, bool allowWords)
    {
        if (_namer.Name(first, end, allowWords) is not { } named) return null;
        var evidence = first < cue.FirstToken ? _scan.TokenSpan(first, cue.EndToken) : _scan.TokenSpan(cue.FirstToken, Math.Max(end, cue.EndToken));
        ImmutableArray<string> via = named.Media is { } media ? [media] : [];
        return new AttributionFinding(named.Name, via, evidence, cue.FirstToken, named.SideKey, named.SideName, named.Belligerents, Opposite: false);
    }

    /// <summary>`," said X` and `", a afirmat X`: the speaker comes after the verb.</summary>
    private bool IsInverted(int cue) =>
        _scan.IsPunctuation(cue - 1, ',') || _scan.IsPunctuation(cue - 1, '"') || (_scan.IsPunctuation(cue - 1, ',') && _scan.IsPunctuation(cue - 2, '"'));

    /// <summary>The subject of a verb of saying: back to the start of its clause, at most a few words.</summary>
    private int SubjectStart(int cue, int sentenceStart)
    {
        var start = cue;
        var clause = cue > sentenceStart ? _scan.ClauseOf[cue - 1] : -1;
        while (start > sentenceStart && cue - start < PhraseReach && _scan.ClauseOf[start - 1] == clause) start--;
        return start;
    }

    /// <summary>A phrase after a cue runs to the next comma or stop, at most a few words.</summary>
    private int PhraseEnd(int first, int sentenceEnd)
    {
        var end = first;
        while (end < sentenceEnd && end - first < PhraseReach)
        {
            var token = _scan.Tokens[end];
            if (token.Kind == TokenKind.Punctuation && _scan.Text.Normalized[token.Start] is ',' or '.' or ';' or ':' or '(' or ')' or '"' or '!' or '?') break;
            end++;
        }
        return end;
    }

    private string? RelayName(int first, int sentenceEnd)
    {
        var media = _scan.ActorsIn(first, Math.Min(first + 4, sentenceEnd)).FirstOrDefault(a => a.Kind == Actors.ActorMentionKind.Media);
        if (media is not null) return media.Name;
        // An unknown outlet: a capitalised word right after the relay ("told Kommersant").
        for (var t = first; t < Math.Min(first + 2, sentenceEnd); t++)
        {
            var token = _scan.Tokens[t];
            if (token.Kind == TokenKind.Word && char.IsUpper(_scan.Text.Normalized[token.Start])) return _scan.Text.OriginalText(token.Start, token.End);
        }
        return null;
    }
}
