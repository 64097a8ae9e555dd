using Sitrep.Incidents;

namespace Sitrep.Tests.Incidents;

/// <summary>Where the windowed fusion places a document in time, from its dates alone (what a store sorts by).</summary>
public sealed class DocumentTimeTests
{
    [Fact]
    public void A_published_document_sits_at_the_first_day_of_its_publication()
    {
        Assert.Equal(new DateOnly(2020, 9, 1).DayNumber, DocumentTime.Of("2020-09", [("2020-09-27", "2020-09-27")]));
        Assert.Equal(new DateOnly(2025, 3, 2).DayNumber, DocumentTime.Of("2025-03-02", []));
    }

    [Fact]
    public void An_undated_document_sits_at_its_latest_event_and_ranges_that_are_not_days_in_order_are_ignored()
    {
        (string?, string?)[] events = [("2025-03-01", "2025-03-01"), ("2025-03-04", "2025-03-06"), ("2025-03-09", "2025-03-08"), ("2025-03", "2025-03-31"), (null, null)];
        Assert.Equal(new DateOnly(2025, 3, 4).DayNumber, DocumentTime.Of(null, events));
        Assert.Null(DocumentTime.Of(null, [(null, null)]));
        Assert.Null(DocumentTime.Of("not a date", []));
    }
}
