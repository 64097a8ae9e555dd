using Sitrep.Store.Model;
using Sitrep.Store.Tests.Support;

namespace Sitrep.Store.Tests.Store;

/// <summary>
/// What every store must do, run once per database (SQLite and PostgreSQL must give the same answers).
/// Each test gets a fresh, empty store holding the three sample documents.
/// </summary>
public abstract class EventStoreContractTests : IAsyncLifetime
{
    private IEventStore? _store;

    protected IEventStore Store => _store ?? throw new InvalidOperationException("The store is not open.");

    protected abstract Task<IEventStore> OpenEmptyStoreAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _store = await OpenEmptyStoreAsync();
        await Store.StoreBatchAsync(SampleResults.All());
    }

    public async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        await CleanUpAsync();
    }

    [Fact]
    public async Task Storing_a_batch_fills_every_table()
    {
        // Five casualty figures, four of them current killed; two mentions, only the first document has them.
        Assert.Equal(new StoreCounts(Documents: 3, Events: 5, KilledFigures: 4, MentionSpans: 2), await Store.CountAsync());
    }

    [Fact]
    public async Task Storing_the_same_documents_again_adds_nothing()
    {
        var before = await Store.CountAsync();
        var outcome = await Store.StoreBatchAsync(SampleResults.All());
        Assert.Equal(new BatchOutcome(0, 3, 0), outcome);
        Assert.Equal(before, await Store.CountAsync());
    }

    [Fact]
    public async Task A_document_repeated_within_a_batch_is_stored_once()
    {
        var outcome = await Store.StoreBatchAsync([SampleResults.Numbered(1), SampleResults.Numbered(1)]);
        Assert.Equal(new BatchOutcome(1, 1, 1), outcome);
    }

    [Fact]
    public async Task Documents_prepared_ahead_of_the_write_read_back_as_they_were_extracted()
    {
        // Ingest prepares each document (body, rows, search text) on the thread that extracted it, then stores the batch.
        ExtractedDocument[] documents = [SampleResults.Numbered(1), SampleResults.Numbered(2), SampleResults.Numbered(1)];
        var prepared = documents.Select(Store.Prepare).ToArray();
        var outcome = await Store.StorePreparedBatchAsync(prepared);
        Assert.Equal(new BatchOutcome(2, 1, 2), outcome);
        var exported = new List<ExportedDocument>();
        await foreach (var document in Store.ExportAsync(EventFilter.All)) exported.Add(document);
        foreach (var original in documents.Take(2))
        {
            var stored = Assert.Single(exported, d => d.Result.Document.Id == original.Result.Document.Id);
            Assert.Equal(original.Source.Text, stored.Text);
            Assert.Equal(Json.Of(original.Result.Events), Json.Of(stored.Result.Events));
            Assert.Equal(Json.Of(original.Result.Warnings), Json.Of(stored.Result.Warnings));
        }
        Assert.Equal(new StoreCounts(Documents: 5, Events: 7, KilledFigures: 4, MentionSpans: 2), await Store.CountAsync());
    }

    [Fact]
    public async Task Stored_hashes_are_found_and_unknown_ones_are_not()
    {
        var known = SampleResults.First().ContentHash;
        var found = await Store.FindStoredHashesAsync([known, new string('0', 64)]);
        Assert.Equal([known], found);
    }

    public static TheoryData<string, EventFilter, string[]> Filters => new()
    {
        // No filter: every event, newest first (a June month before May days, the 1995 event last; same day: later stored first).
        { "all", EventFilter.All, ["second.txt#e1", "hostile.txt#e1", "first.txt#e2", "first.txt#e1", "second.txt#e2"] },
        // A country code in any case.
        { "country", new EventFilter(Country: "aze"), ["second.txt#e1", "second.txt#e2"] },
        // A top-level event type.
        { "type", new EventFilter(Type: "Battles"), ["first.txt#e1", "second.txt#e2"] },
        // A sub-event type.
        { "sub-type", new EventFilter(Type: "Denial"), ["first.txt#e2"] },
        { "status", new EventFilter(Status: "historical"), ["second.txt#e2"] },
        // Date ranges overlap: a June event (month precision) overlaps a filter that starts mid-June.
        { "from", new EventFilter(From: "2024-06-15"), ["second.txt#e1"] },
        // A month as the upper bound means through its end.
        { "to month", new EventFilter(To: "2024-05"), ["hostile.txt#e1", "first.txt#e2", "first.txt#e1", "second.txt#e2"] },
        { "range", new EventFilter(From: "2024-05-07", To: "2024-05-31"), ["hostile.txt#e1"] },
        // A year-precision event (all of 1995) overlaps its last month.
        { "inside a year", new EventFilter(From: "1995-12-01", To: "1995-12-31"), ["second.txt#e2"] },
        // Words of the article, case-insensitive.
        { "text", new EventFilter(Text: "MEDICS"), ["first.txt#e2", "first.txt#e1"] },
        // Romanian diacritics are folded: "ucisi" finds "uciși".
        { "folded text", new EventFilter(Text: "ucisi"), ["second.txt#e1", "second.txt#e2"] },
        // Query syntax in user words is only text.
        { "syntax", new EventFilter(Text: "\"killed\" OR NEAR("), [] },
        // Punctuation alone matches nothing rather than everything.
        { "punctuation", new EventFilter(Text: "*** ()"), [] },
        // Filters combine.
        { "combined", new EventFilter(Country: "ARM", Type: "Battles", Text: "Oldtown"), ["first.txt#e1"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filters_select_the_right_events(string name, EventFilter filter, string[] expected)
    {
        _ = name;
        var page = await Store.QueryEventsAsync(new EventQuery(filter));
        Assert.Equal(expected.Length, page.Total);
        Assert.Equal(expected, page.Items.Select(e => e.DocumentKey.Replace(".html", ".txt", StringComparison.Ordinal) + "#" + e.LocalId));
    }

    [Fact]
    public async Task Pages_carry_the_total_and_move_with_the_offset()
    {
        var first = await Store.QueryEventsAsync(new EventQuery(EventFilter.All, 0, 2));
        var second = await Store.QueryEventsAsync(new EventQuery(EventFilter.All, 2, 2));
        var last = await Store.QueryEventsAsync(new EventQuery(EventFilter.All, 4, 2));
        Assert.Equal([5L, 5L, 5L], new[] { first.Total, second.Total, last.Total });
        Assert.Equal([2, 2, 1], new[] { first.Items.Count, second.Items.Count, last.Items.Count });
        Assert.Empty(first.Items.Select(e => e.Id).Intersect(second.Items.Select(e => e.Id)));
    }

    [Fact]
    public async Task An_event_comes_back_with_its_claims_casualties_and_contradictions_paired()
    {
        var id = (await Store.QueryEventsAsync(new EventQuery(new EventFilter(Type: "Armed clash", Country: "ARM")))).Items.Single().Id;
        var detail = await Store.GetEventAsync(id);
        Assert.NotNull(detail);
        var expected = SampleResults.First().Result.Events[0];
        Assert.Equal(Json.Of(expected), Json.Of(detail.Record));
        var pair = Assert.Single(detail.Contradictions);
        Assert.Equal(("c1", "c2"), (pair.First.Id, pair.Second.Id));
        Assert.Equal("Fighting near Oldtown", detail.Document.Title);
        Assert.Equal((9, 14, 23), (detail.Summary.FatalitiesLow, detail.Summary.FatalitiesBest, detail.Summary.FatalitiesHigh));
    }

    [Fact]
    public async Task An_unknown_event_or_document_is_null()
    {
        Assert.Null(await Store.GetEventAsync(987654));
        Assert.Null(await Store.GetDocumentAsync(987654));
    }

    [Fact]
    public async Task A_document_comes_back_with_its_text_and_spans_that_point_into_it()
    {
        var eventId = (await Store.QueryEventsAsync(new EventQuery(new EventFilter(Text: "Medics", Type: "Battles")))).Items.Single();
        var document = await Store.GetDocumentAsync(eventId.DocumentId);
        Assert.NotNull(document);
        Assert.Equal(SampleResults.FirstText, document.Text);
        Assert.Equal(2, document.Events.Count);
        Assert.All(document.Spans, s => Assert.InRange(s.End, s.Start + 1, document.Text.Length));
        Assert.Contains(document.Spans, s => s.Kind == "casualty" && document.Text[s.Start..s.End] == "killed 14 soldiers");
        Assert.Contains(document.Spans, s => s.Kind == "place" && document.Text[s.Start..s.End] == "Oldtown");
        Assert.Contains(document.Spans, s => s.Kind == "number" && s.EventId is null && document.Text[s.Start..s.End] == "14");
        Assert.Contains(document.Spans, s => s.Kind == "claim" && s.EventId == eventId.Id);
    }

    [Fact]
    public async Task Statistics_sum_current_fatalities_by_day_country_and_side()
    {
        var stats = await Store.GetStatsAsync(EventFilter.All);
        Assert.Equal(5, stats.Events);
        Assert.Equal(3, stats.Documents);
        // The 1995 event is historical: not counted.
        Assert.Equal(new FatalityBucket("all", 4, 14, 19, 28), stats.Total);
        Assert.Equal(["2024-05-06", "2024-05-07", "2024-06-01"], stats.ByDay.Select(d => d.Key));
        // The denial has no place: it counts under "unknown".
        Assert.Equal(new FatalityBucket("ARM", 2, 12, 17, 26), stats.ByCountry.Single(c => c.Key == "ARM"));
        Assert.Equal(new FatalityBucket("unknown", 1, 0, 0, 0), stats.ByCountry.Single(c => c.Key == "unknown"));
        Assert.Equal(new FatalityBucket("Army of Xa", 1, 14, 14, 14), stats.BySide.Single(s => s.Key == "Army of Xa"));
        Assert.Contains(stats.BySide, s => s.Key == "Civilians (Xb)" && s.Best == 2);
    }

    [Fact]
    public async Task Counts_and_statistics_follow_every_stored_batch()
    {
        // Both are remembered per store version: a batch stored after a first answer must show in the next one.
        var filter = new EventFilter(Country: "XCC");
        var page = await Store.QueryEventsAsync(new EventQuery(filter));
        var stats = await Store.GetStatsAsync(filter);
        Assert.Equal(0, page.Total);
        Assert.Equal(0, stats.Events);
        await Store.StoreBatchAsync([SampleResults.Numbered(3), SampleResults.Numbered(4)]);
        var pageAfter = await Store.QueryEventsAsync(new EventQuery(filter));
        var statsAfter = await Store.GetStatsAsync(filter);
        Assert.Equal(2, pageAfter.Total);
        Assert.Equal(2, pageAfter.Items.Count);
        Assert.Equal(2, statsAfter.Events);
        Assert.Equal(2, statsAfter.Documents);
        Assert.Equal(3 + 4, statsAfter.Total.Best);
        // Asked again without a change, the same answers.
        Assert.Equal(2, (await Store.QueryEventsAsync(new EventQuery(filter))).Total);
        Assert.Equal(statsAfter.Total, (await Store.GetStatsAsync(filter)).Total);
    }

    [Fact]
    public async Task Export_gives_each_document_with_its_matching_events_in_order()
    {
        var exported = new List<ExportedDocument>();
        await foreach (var document in Store.ExportAsync(new EventFilter(Status: "current"))) exported.Add(document);
        Assert.Equal(["first.txt", "second.txt", "hostile.html"], exported.Select(d => d.Result.Document.Id));
        Assert.Equal([2, 1, 1], exported.Select(d => d.Result.Events.Length));
        Assert.Equal(Json.Of(SampleResults.First().Result.Events), Json.Of(exported[0].Result.Events));
        Assert.Equal(SampleResults.HostileText, exported[2].Text);
        Assert.Equal(["a warning kept with the document"], [.. exported[1].Result.Warnings]);
    }

    [Fact]
    public async Task Cursor_pages_walk_the_whole_list_in_its_order_undated_events_included()
    {
        await Store.StoreBatchAsync([.. Enumerable.Range(1, 9).Select(SampleResults.Numbered), .. Enumerable.Range(10, 3).Select(SampleResults.Undated)]);
        var all = (await Store.QueryEventsAsync(new EventQuery(EventFilter.All, 0, 500))).Items.Select(e => e.Id).ToList();
        Assert.Equal(17, all.Count);
        var walked = new List<long>();
        EventCursor? after = null;
        while (true)
        {
            var page = await Store.QueryEventsAsync(new EventQuery(EventFilter.All, 0, 3, after));
            Assert.Equal(17, page.Total);
            walked.AddRange(page.Items.Select(e => e.Id));
            if (page.Next is null) break;
            Assert.True(EventCursor.TryParse(page.Next, out after));
        }
        Assert.Equal(all, walked);
    }

    /// <summary>
    /// Past a dated cursor, SQLite reads the older dated events and the undated ones as two ranges: every page size
    /// puts a page boundary somewhere else around the last dated event, with and without a filter (the "XCC" events
    /// are the numbered and undated ones), and in the count-sorted and walked selections alike.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData("XCC")]
    public async Task Cursor_pages_cross_from_dated_to_undated_events_at_any_page_boundary(string? country)
    {
        await Store.StoreBatchAsync([.. Enumerable.Range(1, 9).Select(SampleResults.Numbered), .. Enumerable.Range(10, 3).Select(SampleResults.Undated)]);
        var filter = new EventFilter(Country: country);
        var listed = (await Store.QueryEventsAsync(new EventQuery(filter, 0, 500))).Items;
        Assert.Contains(listed, e => e.DateStart is null);
        var all = listed.Select(e => e.Id).ToList();
        for (var size = 1; size <= 6; size++)
        {
            var walked = new List<long>();
            EventCursor? after = null;
            while (true)
            {
                var page = await Store.QueryEventsAsync(new EventQuery(filter, 0, size, after));
                walked.AddRange(page.Items.Select(e => e.Id));
                if (page.Next is null) break;
                Assert.True(EventCursor.TryParse(page.Next, out after));
            }
            Assert.Equal(all, walked);
        }
    }

    [Fact]
    public async Task Export_pages_through_more_events_than_one_page()
    {
        await Store.StoreBatchAsync([.. Enumerable.Range(1, 2100).Select(SampleResults.Numbered)]);
        var count = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var document in Store.ExportAsync(new EventFilter(Country: "XCC")))
        {
            count += document.Result.Events.Length;
            Assert.True(ids.Add(document.Result.Document.Id), $"{document.Result.Document.Id} exported twice");
        }
        Assert.Equal(2100, count);
    }
}
