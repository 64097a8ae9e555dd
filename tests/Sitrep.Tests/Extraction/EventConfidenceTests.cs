using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Extraction;

/// <summary>Which of a text's events is the surest: a toll is evidence of violence besides the event word.</summary>
public sealed class EventConfidenceTests
{
    private static readonly ExtractionPipeline Pipeline = new();

    [Theory]
    // a patrol and a shooting are told with words of equal weight; the shooting's death makes it the surer event
    [InlineData("en", "Soldiers were on patrol near the market in Gao. A gunman was shot dead there.")]
    [InlineData("ro", "Militarii erau in patrula langa piata din Gao. Acolo un barbat inarmat a fost impuscat mortal.")]
    public void A_violent_event_with_a_toll_is_surer_than_a_development_without_one(string language, string text)
    {
        var result = Pipeline.Process(new SourceDocument("confidence", text, PartialDate.TryParse("2021-03-17", out var day) ? day : null, language));
        var current = result.Events.Where(e => e.Status == "current").ToList();
        Assert.True(current.Count >= 2, string.Join("; ", result.Events.Select(e => $"{e.SubEventType} {e.Confidence}")));
        var surest = current.OrderByDescending(e => e.Confidence).First();
        Assert.NotEqual("Strategic developments", surest.EventType);
    }
}
