using Sitrep.Documents;
using Sitrep.Output;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Extraction;

/// <summary>
/// Runs one text through the real pipeline and checks a compact list of expectations, so that sentence
/// tables read one phenomenon per row. Expectations are separated by ';':
/// type=/sub=/status= of the primary (first) event; none (no current event); events=N (current events);
/// low=/best=/high= its fatalities ("null" for none); count=/min=/max=/approx=/outcome=/category=/side=/cstatus=
/// of the first casualty in text order; claimant~= (its claimant contains) and via= (its relays contain);
/// claim~= (some claim's claimant contains); contradicts (two claims are linked); date=/end=/precision= of the
/// primary event; noyear=YYYY (no event dated in that year); actor1~=/actor2~= of the primary event.
/// </summary>
internal static class SentenceExpectations
{
    private static readonly ExtractionPipeline Pipeline = new();

    public static void Check(string language, string text, string published, string expectations)
    {
        var date = PartialDate.TryParse(published, out var parsed) ? parsed : null;
        var result = Pipeline.Process(new SourceDocument("sentence", text, date, language));
        var current = result.Events.Where(e => e.Status == "current").ToList();
        var primary = result.Events.FirstOrDefault();
        var casualty = result.Events.SelectMany(e => e.Casualties).OrderBy(c => c.Evidence.Start).FirstOrDefault();
        var describe = Describe(result);
        foreach (var raw in expectations.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var contains = raw.Contains("~=", StringComparison.Ordinal);
            var parts = raw.Split(contains ? "~=" : "=", 2);
            var key = parts[0];
            var expected = parts.Length > 1 ? parts[1] : "";
            var because = $"expectation '{raw}' on: {text}\n{describe}";
            switch (key)
            {
                case "none":
                    Assert.True(current.Count == 0, because);
                    break;
                case "events":
                    Assert.True(current.Count == int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), because);
                    break;
                case "contradicts":
                    Assert.True(result.Events.Any(e => e.Claims.Any(c => c.Contradicts.Length > 0)), because);
                    break;
                case "noyear":
                    Assert.True(!result.Events.Any(e => e.Date is { } d && d.Start.StartsWith(expected, StringComparison.Ordinal)), because);
                    break;
                case "claim":
                    Assert.True(result.Events.Any(e => e.Claims.Any(c => c.Claimant?.Contains(expected, StringComparison.Ordinal) == true)), because);
                    break;
                default:
                    var actual = Value(key, primary, casualty);
                    Assert.True(contains ? actual?.Contains(expected, StringComparison.Ordinal) == true : string.Equals(actual ?? "null", expected, StringComparison.Ordinal), $"{because}\nactual {key}: {actual ?? "null"}");
                    break;
            }
        }
    }

    private static string? Value(string key, EventRecord? primary, Casualty? casualty) => key switch
    {
        "type" => primary?.EventType,
        "sub" => primary?.SubEventType,
        "status" => primary?.Status,
        "low" => Number(primary?.Fatalities?.Low),
        "best" => Number(primary?.Fatalities?.Best),
        "high" => Number(primary?.Fatalities?.High),
        "date" => primary?.Date?.Start,
        "end" => primary?.Date?.End,
        "precision" => primary?.Date?.Precision,
        "actor1" => primary?.Actors.FirstOrDefault(a => a.Role == "actor1")?.Name,
        "actor2" => primary?.Actors.FirstOrDefault(a => a.Role == "actor2")?.Name,
        "count" => Number(casualty?.Count?.Value),
        "min" => Number(casualty?.Count?.Min),
        "max" => Number(casualty?.Count?.Max),
        "approx" => casualty?.Count is { } c ? (c.Approximate ? "true" : "false") : null,
        "outcome" => casualty?.Outcome,
        "category" => casualty?.Victims.Category,
        "side" => casualty?.Victims.Side,
        "cstatus" => casualty?.Status,
        "claimant" => casualty?.Attribution?.Claimant,
        "via" => casualty?.Attribution is { } a ? string.Join(",", a.Via) : null,
        _ => throw new ArgumentException($"unknown expectation key '{key}'", nameof(key)),
    };

    private static string? Number(long? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(DocumentResult result) => string.Join("\n", result.Events.Select(e =>
        $"  {e.Id} {e.EventType}/{e.SubEventType} {e.Status} {e.Date?.Start}..{e.Date?.End} {e.Date?.Precision} fat={e.Fatalities} actors=[{string.Join(", ", e.Actors.Select(a => a.Role + ":" + a.Name))}]"
        + string.Concat(e.Casualties.Select(c => $"\n    {c.Outcome} {c.Count} {c.Victims} {c.Status} by {c.Attribution?.Claimant} via {string.Join(",", c.Attribution?.Via ?? [])}"))
        + string.Concat(e.Claims.Select(c => $"\n    claim {c.Id} {c.Claimant} x[{string.Join(",", c.Contradicts)}] {c.Text}"))));
}
