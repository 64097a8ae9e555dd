using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Store;
using Sitrep.Store.Ingest;
using Sitrep.Store.Model;
using Sitrep.Watch.Alerts;
using Sitrep.Watch.Articles;
using Sitrep.Watch.Fetching;
using Sitrep.Watch.Sources;
using Sitrep.Watch.State;

namespace Sitrep.Watch;

/// <summary>
/// One poll of one source: the feed or front page fetched (conditionally), each article it lists that is new
/// or whose feed entry changed fetched (conditionally), read, extracted with the source's language and home
/// country as priors, stored through <see cref="IEventStore"/>, and then recorded in the watch tables with the
/// alerts it raised. The order (store, then record) makes a kill at any point safe: an article stored but not
/// recorded is read again next time, found stored by its hash, and only recorded.
/// </summary>
public sealed class SourcePoller(
    IEventStore store,
    WatchState state,
    ExtractionPipeline pipeline,
    PoliteFetcher fetcher,
    AlertMaker? alerts,
    IReadOnlyList<string> sinkIds,
    WatchReport report,
    ILogger logger,
    TimeProvider clock)
{
    /// <summary>Articles extracted and stored together (one store transaction).</summary>
    public const int BatchSize = 16;

    /// <summary>The outcome for the source's own row: success with the validators to keep, or the error.</summary>
    public sealed record Outcome(bool Success, Validators? Validators, string? Error);

    public async Task<Outcome> PollAsync(WatchSource source, CancellationToken cancellationToken)
    {
        var row = await state.GetSourceAsync(source.Key, cancellationToken).ConfigureAwait(false);
        var known = row is { ETag: null, LastModified: null } or null ? null : new Validators(row.ETag, row.LastModified);
        var fetched = await fetcher.FetchAsync(source.Url, known, source.AllowPrivateAddresses, cancellationToken).ConfigureAwait(false);
        switch (fetched.Status)
        {
            case FetchStatus.NotModified:
                report.PageFetched(notModified: true);
                logger.LogInformation("{Source}: not modified", source.Name);
                return new Outcome(true, fetched.Validators ?? known, null);
            case FetchStatus.Failed or FetchStatus.Refused:
                logger.LogWarning("{Source}: {Url} failed: {Error}", source.Name, source.Url, fetched.Error);
                return new Outcome(false, null, fetched.Error);
        }
        report.PageFetched(notModified: false);
        var candidates = Candidates(source, fetched);
        var pending = new List<Ready>();
        foreach (var candidate in candidates)
        {
            if (await PrepareAsync(source, candidate, cancellationToken).ConfigureAwait(false) is { } ready) pending.Add(ready);
            if (pending.Count >= BatchSize)
            {
                await StoreAsync(source, pending, cancellationToken).ConfigureAwait(false);
                pending.Clear();
            }
        }
        await StoreAsync(source, pending, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("{Source}: {Count} entries looked at", source.Name, candidates.Count);
        return new Outcome(true, fetched.Validators, null);
    }

    /// <summary>An article the source lists: its link (null for a feed item without one), the feed's copy, and what the feed said of it.</summary>
    private sealed record Candidate(Uri? Link, SourceDocument? FeedItem, string? Signature);

    /// <summary>An article ready to extract and store under its canonical URL.</summary>
    private sealed record Ready(string Key, SourceDocument Document, string Hash, string? Signature, Validators? Validators, IReadOnlyList<string> Aliases);

    private List<Candidate> Candidates(WatchSource source, FetchResult fetched)
    {
        var body = fetched.Body!;
        var isFeed = source.Kind switch
        {
            SourceKind.Feed => true,
            SourceKind.Page => false,
            _ => FetchedContent.LooksLikeFeed(body, fetched.ContentType),
        };
        var candidates = new List<Candidate>();
        if (isFeed)
        {
            var (items, problems) = FetchedContent.ReadFeed(body, fetched.FinalUrl);
            foreach (var problem in problems) logger.LogWarning("{Source}: {Problem}", source.Name, problem.ToString());
            foreach (var item in items)
            {
                Uri? link = null;
                if (item.Url is { } href && Uri.TryCreate(fetched.FinalUrl, href, out var absolute) && absolute.Scheme is "http" or "https") link = absolute;
                candidates.Add(new Candidate(link, item, Signature(item)));
            }
            return candidates;
        }
        var html = Encoding.UTF8.GetString(body);
        foreach (var link in FrontPageLinks.Find(html, fetched.FinalUrl, source.ArticleLinks)) candidates.Add(new Candidate(link, null, null));
        return candidates;
    }

    /// <summary>What a feed says of an item; when it changes, the article is looked at again.</summary>
    private static string Signature(SourceDocument item) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{item.Title}\u001f{item.Published}\u001f{item.Text}"))).Substring(0, 32);

    private async Task<Ready?> PrepareAsync(WatchSource source, Candidate candidate, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = candidate.Link is { } link
            ? UrlCanonicalizer.Canonicalize(link).AbsoluteUri
            : $"{source.Key}#item:{candidate.FeedItem!.Id}";
        var row = await state.GetUrlAsync(key, cancellationToken).ConfigureAwait(false);
        // Seen, stored, and the feed says nothing new of it: no request at all.
        if (row?.ContentHash is not null && (candidate.Signature is null || candidate.Signature == row.ItemSignature)) return null;

        SourceDocument? document = null;
        Validators? validators = null;
        var aliases = new List<string>();
        if (candidate.Link is not null)
        {
            var conditional = row?.ContentHash is not null && (row.ETag is not null || row.LastModified is not null) ? new Validators(row.ETag, row.LastModified) : null;
            var page = await fetcher.FetchAsync(new Uri(key), conditional, source.AllowPrivateAddresses, cancellationToken).ConfigureAwait(false);
            switch (page.Status)
            {
                case FetchStatus.NotModified:
                    report.PageFetched(notModified: true);
                    await state.TouchUrlAsync(key, source.Key, candidate.Signature, page.Validators, now, cancellationToken).ConfigureAwait(false);
                    return null;
                case FetchStatus.Ok:
                {
                    report.PageFetched(notModified: false);
                    var (article, problem) = FetchedContent.ReadPage(page.Body!, page.FinalUrl);
                    if (article is null)
                    {
                        logger.LogWarning("{Source}: {Url}: {Problem}", source.Name, key, problem);
                        break;
                    }
                    validators = page.Validators;
                    // The page's own rel=canonical (or og:url) names the article when it differs from the link.
                    if (article.Url is { } named && Uri.TryCreate(page.FinalUrl, named, out var declared) && declared.Scheme is "http" or "https")
                    {
                        var canonical = UrlCanonicalizer.Canonicalize(declared).AbsoluteUri;
                        if (canonical != key)
                        {
                            aliases.Add(key);
                            key = canonical;
                            row = await state.GetUrlAsync(key, cancellationToken).ConfigureAwait(false);
                        }
                    }
                    document = article with
                    {
                        Published = article.Published ?? candidate.FeedItem?.Published,
                        Title = article.Title ?? candidate.FeedItem?.Title,
                    };
                    break;
                }
                case FetchStatus.Failed when page.Transient:
                    // The server may be back next time: nothing recorded, so the article is tried again.
                    report.Problem();
                    logger.LogWarning("{Source}: {Url} failed, will be tried again: {Error}", source.Name, key, page.Error);
                    return null;
                default:
                    report.Problem();
                    logger.LogWarning("{Source}: {Url} not fetched: {Error}", source.Name, key, page.Error);
                    break;
            }
        }
        if (document is null)
        {
            if (candidate.FeedItem is null)
            {
                // A front-page link that gave nothing readable: remembered, so it is not fetched on every poll.
                await state.TouchUrlAsync(key, source.Key, candidate.Signature, null, now, cancellationToken, contentHash: "-").ConfigureAwait(false);
                return null;
            }
            // The page is gone or refused to us: the feed's own copy (often a summary) is what we have.
            document = candidate.FeedItem;
        }

        // A date is needed to read "on Monday"; with none in the feed or page, the day the URL was first seen stands in.
        var published = document.Published ?? PartialDate.FromDate(DateOnly.FromDateTime((row is null ? now : DateTimeOffset.FromUnixTimeMilliseconds(row.FirstSeenAt)).UtcDateTime));
        document = document with
        {
            Id = key,
            Url = key,
            Source = source.Name,
            Language = source.Language ?? document.Language,
            Published = published,
            Origin = key,
        };
        var hash = ContentHasher.Hash(document);
        if (row?.ContentHash == hash)
        {
            await state.TouchUrlAsync(key, source.Key, candidate.Signature, validators, now, cancellationToken).ConfigureAwait(false);
            foreach (var alias in aliases) await state.TouchUrlAsync(alias, source.Key, candidate.Signature, null, now, cancellationToken, hash).ConfigureAwait(false);
            return null;
        }
        return new Ready(key, document, hash, candidate.Signature, validators, aliases);
    }

    private async Task StoreAsync(WatchSource source, List<Ready> ready, CancellationToken cancellationToken)
    {
        // Two links of one poll can lead to one article (its canonical URL): it is stored once.
        var unique = ready.GroupBy(r => r.Key, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        if (unique.Count == 0) return;
        var options = new ExtractionOptions(Language: source.Language, HomeCountry: source.HomeCountry);
        var extracted = new ExtractedDocument?[unique.Count];
        Parallel.For(0, unique.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            try
            {
                extracted[i] = new ExtractedDocument(unique[i].Document, pipeline.Process(unique[i].Document, options), unique[i].Hash);
            }
            catch (DocumentTooComplexException e)
            {
                logger.LogWarning("{Source}: {Url}: {Reason}", source.Name, unique[i].Key, e.Message);
            }
        });
        var batch = extracted.OfType<ExtractedDocument>().ToList();
        var outcome = await store.StoreBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        // The new events join their incidents now, as ingest's do, so that the dashboard counts them as incidents
        // at once. A poll stores a few articles, minutes apart: re-fusing what they touch after each is affordable.
        if (outcome.EventsAdded > 0) await store.AssignIncidentsAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        int revisions = 0, events = 0, raised = 0;
        for (var i = 0; i < unique.Count; i++)
        {
            if (extracted[i] is not { } done)
            {
                report.Problem();
                continue;
            }
            var item = unique[i];
            var previous = await state.GetUrlAsync(item.Key, CancellationToken.None).ConfigureAwait(false);
            var revision = (previous?.Revision ?? 0) + 1;
            var made = alerts?.Make(done.Result, $"{item.Document.Title}\n{item.Document.Text}", item.Key, revision) ?? [];
            var recorded = await state.RecordRevisionAsync(item.Key, source.Key, item.Signature, item.Validators, item.Hash, made, sinkIds, now, CancellationToken.None).ConfigureAwait(false);
            foreach (var alias in item.Aliases) await state.TouchUrlAsync(alias, source.Key, item.Signature, null, now, CancellationToken.None, item.Hash).ConfigureAwait(false);
            if (recorded > 1) revisions++;
            events += done.Result.Events.Length;
            raised += made.Count;
            logger.LogInformation("{Source}: stored {Url} (revision {Revision}, {Events} events, {Alerts} alerts)", source.Name, item.Key, recorded, done.Result.Events.Length, made.Count);
        }
        report.Stored(outcome.DocumentsAdded, revisions, events, raised);
    }
}
