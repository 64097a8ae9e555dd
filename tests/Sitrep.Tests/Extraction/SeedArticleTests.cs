using System.Collections.Concurrent;
using Sitrep.Documents;
using Sitrep.Output;
using Sitrep.Pipeline;
using Sitrep.Readers;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Extraction;

/// <summary>
/// The founding article (../shared/seed), in Romanian and in English, through the real reader and pipeline:
/// each test is one expectation of EXPECTED.md, asserted from its meaning (counts, categories, statuses,
/// claimants, relays, contradictions, types), not from a snapshot of the output.
/// </summary>
public sealed class SeedArticleTests
{
    private static readonly ConcurrentDictionary<string, (SourceDocument Document, DocumentResult Result)> Results = new(StringComparer.Ordinal);

    public static TheoryData<string> Languages => new() { "ro", "en" };

    private static (SourceDocument Document, DocumentResult Result) Seed(string language) => Results.GetOrAdd(language, static l =>
    {
        Assert.True(SharedData.IsPresent, $"../shared is missing: {SharedData.Root}");
        var path = SharedData.PathOf("seed", $"karabakh-2020-09.{l}.txt");
        var item = new InputReader().Read([path]).Single();
        Assert.NotNull(item.Document);
        return (item.Document!, new ExtractionPipeline().Process(item.Document!));
    });

    private static IEnumerable<Casualty> Casualties(DocumentResult result) => result.Events.SelectMany(e => e.Casualties);

    private static EventRecord Clash(DocumentResult result) =>
        Assert.Single(result.Events, e => e.EventType == "Battles" && e.SubEventType == "Armed clash" && e.Status == "current");

    private static Casualty KilledCurrent(DocumentResult result, long count) =>
        Assert.Single(Casualties(result), c => c.Outcome == "killed" && c.Status == "current" && c.Count?.Value == count);

    [Theory, MemberData(nameof(Languages))]
    public void E01_language_and_month_precision_publication(string language)
    {
        var (_, result) = Seed(language);
        Assert.Equal(language, result.Document.Language);
        Assert.Equal("2020-09", result.Document.Published);
    }

    [Theory, MemberData(nameof(Languages))]
    public void E02_thirty_two_soldiers_claimed_by_the_karabakh_defence_ministry_via_AFP(string language)
    {
        var soldiers = KilledCurrent(Seed(language).Result, 32);
        Assert.Equal("military", soldiers.Victims.Category);
        Assert.NotNull(soldiers.Attribution);
        Assert.Contains("Defence", soldiers.Attribution!.Claimant, StringComparison.Ordinal);
        Assert.Contains("Karabakh", soldiers.Attribution.Claimant, StringComparison.Ordinal);
        Assert.Equal(new[] { "AFP" }, soldiers.Attribution.Via.ToArray());
    }

    [Theory, MemberData(nameof(Languages))]
    public void E03_five_azerbaijani_civilians_killed(string language)
    {
        var civilians = KilledCurrent(Seed(language).Result, 5);
        Assert.Equal("civilian", civilians.Victims.Category);
        Assert.Equal("AZE", civilians.Victims.Country);
    }

    [Theory, MemberData(nameof(Languages))]
    public void E04_two_armenian_civilians_killed(string language)
    {
        var civilians = KilledCurrent(Seed(language).Result, 2);
        Assert.Equal("civilian", civilians.Victims.Category);
        Assert.Equal("ARM", civilians.Victims.Country);
    }

    [Theory, MemberData(nameof(Languages))]
    public void E05_the_toll_of_the_1990s_war_is_never_a_current_figure(string language)
    {
        var result = Seed(language).Result;
        Assert.DoesNotContain(Casualties(result), c => c.Count?.Value == 30000 && c.Status == "current");
        Assert.All(result.Events.Where(e => e.Status == "current" && e.Fatalities is not null), e =>
        {
            Assert.True(e.Fatalities!.Low < 30000);
            Assert.True(e.Fatalities.Best < 30000);
        });
    }

    [Theory, MemberData(nameof(Languages))]
    public void E06_the_toll_of_the_1990s_war_is_kept_as_historical(string language)
    {
        var result = Seed(language).Result;
        var war = Assert.Single(Casualties(result), c => c.Count?.Value == 30000);
        Assert.Equal("historical", war.Status);
        Assert.Equal("killed", war.Outcome);
    }

    [Theory, MemberData(nameof(Languages))]
    public void E07_the_clash_reconciles_to_39_without_the_enemy_claims(string language)
    {
        var clash = Clash(Seed(language).Result);
        Assert.NotNull(clash.Fatalities);
        Assert.Equal(39, clash.Fatalities!.Low);
        Assert.Equal(39, clash.Fatalities.Best);
        Assert.True(clash.Fatalities.High is null or > 39);
    }

    [Theory, MemberData(nameof(Languages))]
    public void E08_hundreds_of_enemy_fighters_is_a_vague_current_claim_of_the_belligerents(string language)
    {
        var clash = Clash(Seed(language).Result);
        var hundreds = Assert.Single(clash.Casualties, c => c.Count is { Value: null, Approximate: true });
        Assert.Equal("current", hundreds.Status);
        Assert.True(hundreds.Count!.Min >= 100);
        Assert.NotNull(hundreds.Attribution);
        Assert.Contains("Azerbaijan", hundreds.Attribution!.Claimant, StringComparison.Ordinal);
        Assert.Contains("Armenia", hundreds.Attribution.Claimant, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Languages))]
    public void E09_azerbaijan_announced_no_losses_is_negated_without_a_count(string language)
    {
        var result = Seed(language).Result;
        var none = Assert.Single(Casualties(result), c => c.Status == "negated");
        Assert.Null(none.Count);
        Assert.Equal("military", none.Victims.Category);
        Assert.Equal("Azerbaijan", none.Victims.Side);
        Assert.DoesNotContain(Casualties(result), c => c.Count?.Value == 0);
    }

    [Theory, MemberData(nameof(Languages))]
    public void E10_the_clash_is_in_nagorno_karabakh_dated_to_the_month(string language)
    {
        var clash = Clash(Seed(language).Result);
        Assert.NotNull(clash.Location);
        Assert.Equal("AZE", clash.Location!.Country);
        Assert.InRange(clash.Location.Lat!.Value, 39.0, 40.6);
        Assert.InRange(clash.Location.Lon!.Value, 46.0, 47.5);
        Assert.NotNull(clash.Date);
        Assert.Equal("2020-09-01", clash.Date!.Start);
        Assert.Equal("2020-09-30", clash.Date.End);
        Assert.Equal("month", clash.Date.Precision);
        Assert.NotNull(clash.Date.Text);
    }

    [Theory, MemberData(nameof(Languages))]
    public void E11_azerbaijani_strikes_are_remote_violence_claimed_by_its_defence_ministry(string language)
    {
        var result = Seed(language).Result;
        var strikes = result.Events.Where(e => e.EventType == "Explosions/Remote violence" && e.Status == "current").ToList();
        Assert.NotEmpty(strikes);
        Assert.Contains(strikes, e => e.Claims.Any(c => c.Claimant == "Ministry of Defence of Azerbaijan"));
        Assert.Contains(strikes, e => e.Actors.Any(a => a.Role == "actor1" && a.Country == "AZE"));
    }

    [Theory, MemberData(nameof(Languages))]
    public void E12_ground_taken_around_talysh_is_a_territory_battle(string language)
    {
        var (document, result) = Seed(language);
        var territory = Assert.Single(result.Events, e => e.EventType == "Battles" && e.SubEventType is "Government regains territory" or "Non-state actor overtakes territory");
        Assert.Equal("current", territory.Status);
        Assert.Contains(territory.Claims, c => document.Text[c.Start..c.End].Contains("Talysh", StringComparison.Ordinal));
        Assert.Equal("AZE", territory.Location?.Country);
    }

    [Theory, MemberData(nameof(Languages))]
    public void E13_karabakh_and_azerbaijan_territory_claims_contradict_both_ways(string language)
    {
        var territory = Seed(language).Result.Events.Single(e => e.SubEventType is "Government regains territory" or "Non-state actor overtakes territory");
        var karabakh = Assert.Single(territory.Claims, c => c.Claimant!.Contains("Karabakh", StringComparison.Ordinal));
        var azerbaijan = territory.Claims.Where(c => c.Claimant!.Contains("Azerbaijan", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(azerbaijan);
        Assert.All(azerbaijan, c =>
        {
            Assert.Contains(karabakh.Id, c.Contradicts);
            Assert.Contains(c.Id, karabakh.Contradicts);
        });
    }

    [Theory, MemberData(nameof(Languages))]
    public void E14_un_russia_france_and_the_united_states_appeal_for_an_end_to_hostilities(string language)
    {
        var appeal = Assert.Single(Seed(language).Result.Events, e => e.EventType == "Statements" && e.SubEventType == "Appeal");
        Assert.Contains(appeal.Actors, a => a.Name == "United Nations");
        Assert.Contains(appeal.Actors, a => a.Country == "RUS");
        Assert.Contains(appeal.Actors, a => a.Country == "FRA");
        Assert.Contains(appeal.Actors, a => a.Country == "USA");
        Assert.DoesNotContain(appeal.Actors, a => a.Role is "actor2" or "assoc2");
    }

    [Theory, MemberData(nameof(Languages))]
    public void E15_turkey_supports_azerbaijan(string language)
    {
        var support = Assert.Single(Seed(language).Result.Events, e => e.EventType == "Statements" && e.SubEventType == "Support");
        Assert.Equal("TUR", support.Actors.Single(a => a.Role == "actor1").Country);
        Assert.Equal("AZE", support.Actors.Single(a => a.Role == "actor2").Country);
    }

    [Theory, MemberData(nameof(Languages))]
    public void E16_yerevan_accuses_ankara_governments_for_capitals(string language)
    {
        var accusation = Assert.Single(Seed(language).Result.Events, e => e.EventType == "Statements" && e.SubEventType == "Accusation");
        var accuser = accusation.Actors.Single(a => a.Role == "actor1");
        var accused = accusation.Actors.Single(a => a.Role == "actor2");
        Assert.Equal(("ARM", "government"), (accuser.Country, accuser.Kind));
        Assert.Equal(("TUR", "government"), (accused.Country, accused.Kind));
    }

    [Theory, MemberData(nameof(Languages))]
    public void E17_the_bloodiest_since_2016_makes_no_event_in_2016(string language)
    {
        var result = Seed(language).Result;
        Assert.DoesNotContain(result.Events, e => e.Date is { } d && (d.Start.StartsWith("2016", StringComparison.Ordinal) || d.End.StartsWith("2016", StringComparison.Ordinal)));
        Assert.All(result.Events.Where(e => e.Status == "current"), e => Assert.StartsWith("2020-09", e.Date!.Start, StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Languages))]
    public void E18_every_offset_points_into_the_text_and_counts_are_in_their_evidence(string language)
    {
        var (document, result) = Seed(language);
        var text = document.Text;
        void InText(int start, int end)
        {
            Assert.InRange(start, 0, text.Length);
            Assert.InRange(end, start, text.Length);
        }
        foreach (var e in result.Events)
        {
            foreach (var span in e.Evidence) InText(span.Start, span.End);
            if (e.Location is { Start: { } ls, End: { } le }) InText(ls, le);
            foreach (var actor in e.Actors) InText(actor.Start, actor.End);
            foreach (var claim in e.Claims)
            {
                InText(claim.Start, claim.End);
                Assert.Equal(claim.Text, text[claim.Start..claim.End]);
            }
            foreach (var casualty in e.Casualties)
            {
                InText(casualty.Evidence.Start, casualty.Evidence.End);
                if (casualty.Attribution is { } a) InText(a.Start, a.End);
                if (casualty.Count is { } count) Assert.Contains(count.Text, text[casualty.Evidence.Start..casualty.Evidence.End], StringComparison.Ordinal);
            }
        }
    }
}
