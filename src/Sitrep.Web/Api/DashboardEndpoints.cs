using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sitrep.Places;
using Sitrep.Store;
using Sitrep.Store.Model;

namespace Sitrep.Web.Api;

/// <summary>
/// What the dashboard's map, timeline and country box ask for: clusters per zoom level (no cap on the
/// number of events: a million events are a few hundred cells), the timeline by day, week or month with
/// counts by event type, and the states the filters know.
/// </summary>
internal static class DashboardEndpoints
{
    /// <summary>A cluster is about this many screen pixels wide (the map's tiles are 256 pixels at zoom 0).</summary>
    private const double CellPixels = 64;

    public const int MaxZoom = 18;

    public static readonly string[] Buckets = ["day", "week", "month"];

    /// <summary>The services these routes need: the in-memory digest of a store (see <see cref="EventDigestCache"/>).</summary>
    public static void AddServices(IServiceCollection services, IEventStore store)
    {
        var aggregates = Aggregates(store);
        services.AddSingleton(_ => new EventDigestCache(aggregates));
        // Read the located events while the server starts, so that the first overview finds them in memory.
        services.AddHostedService(provider => new MapWarmUp(provider.GetRequiredService<EventDigestCache>()));
    }

    /// <summary>Fills the map's memory in the background; a failure here only leaves the work to the first request.</summary>
    private sealed class MapWarmUp(EventDigestCache digests) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            try
            {
                // The gazetteer too (country filters and names): it loads once, in about a second.
                await Task.Run(() => Gazetteer.Default.Countries.Length, stoppingToken).ConfigureAwait(false);
                await digests.CatchUpAsync(stoppingToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Any failure (a store closed under it, a cancelled start) is retried by the first request.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api");

        api.MapMethods("/clusters", SitrepWebHost.GetAndHead, async Task<Results<Ok<ClusterAnswer>, ValidationProblem>> (
            IEventStore store, EventDigestCache digests, [AsParameters] EventEndpoints.FilterParameters filter, string? zoom, string? view, string? unit, CancellationToken cancellationToken) =>
            {
                var problems = filter.Check(out var checkedFilter).ToList();
                var level = 2;
                if (zoom is not null && (!int.TryParse(zoom, NumberStyles.None, CultureInfo.InvariantCulture, out level) || level > MaxZoom))
                {
                    problems.Add(new FilterProblem("zoom", zoom, $"not a zoom level: expected a whole number from 0 to {MaxZoom}"));
                }
                var viewBox = ArgumentFilters.Area(view, problems, "view");
                var counted = CountUnit.Read(unit, problems);
                if (problems.Count > 0) return Invalid(problems);
                var area = ArgumentFilters.Intersect(checkedFilter.Area, viewBox);
                var cellDegrees = 360 * CellPixels / (256 * Math.Pow(2, level));
                counted = await CountUnit.AnsweredAsync(counted, Aggregates(store), cancellationToken).ConfigureAwait(false);
                // Incidents from their table; the unfiltered map of events (the overview's first view) from memory; a filtered one from the database's indexes.
                var cells = counted == CountUnit.Incidents
                    ? await Aggregates(store).GetIncidentCellsAsync(checkedFilter with { Area = area }, cellDegrees, cancellationToken).ConfigureAwait(false)
                    : checkedFilter with { Area = null } == EventFilter.All
                    ? await digests.CellsAsync(area, cellDegrees, cancellationToken).ConfigureAwait(false)
                    : await Aggregates(store).GetMapCellsAsync(checkedFilter with { Area = area }, cellDegrees, cancellationToken).ConfigureAwait(false);
                return TypedResults.Ok(new ClusterAnswer(level, cellDegrees, cells.Sum(c => c.Events), cells) { Unit = counted });
            })
            .WithName("GetClusters")
            .WithSummary("Located events (unit=events, the default) or incidents (unit=incidents) matching the filters grouped in cells of about 64 pixels at a zoom level (0-18), optionally inside view=west,south,east,north; each cell with its counts by type, a cell of one incident with its id.");

        api.MapMethods("/timeline", SitrepWebHost.GetAndHead, async Task<Results<Ok<TimelineAnswer>, ValidationProblem>> (
            IEventStore store, EventDigestCache digests, [AsParameters] EventEndpoints.FilterParameters filter, string? bucket, string? unit, CancellationToken cancellationToken) =>
            {
                var problems = filter.Check(out var checkedFilter).ToList();
                bucket ??= "day";
                if (!Buckets.Contains(bucket, StringComparer.Ordinal))
                {
                    problems.Add(new FilterProblem("bucket", bucket, $"unknown value: expected one of {string.Join(", ", Buckets)}"));
                }
                var counted = CountUnit.Read(unit, problems);
                if (problems.Count > 0) return Invalid(problems);
                counted = await CountUnit.AnsweredAsync(counted, Aggregates(store), cancellationToken).ConfigureAwait(false);
                // Incidents from their table; unfiltered events (the overview's first view) from memory; filtered ones from the database's indexes.
                var days = counted == CountUnit.Incidents
                    ? await Aggregates(store).GetIncidentDayTypeCountsAsync(checkedFilter, cancellationToken).ConfigureAwait(false)
                    : checkedFilter == EventFilter.All
                    ? await digests.DayTypeCountsAsync(cancellationToken).ConfigureAwait(false)
                    : await Aggregates(store).GetDayTypeCountsAsync(checkedFilter, cancellationToken).ConfigureAwait(false);
                return TypedResults.Ok(TimelineBuckets.Fold(days, bucket) with { Unit = counted });
            })
            .WithName("GetTimeline")
            .WithSummary("Events (unit=events, the default) or incidents (unit=incidents) matching the filters by day, week (starting Monday) or month, counted by event type, with the fatalities (low, best, high) of the current ones (an incident's reconciled toll).");

        api.MapMethods("/countries", SitrepWebHost.GetAndHead, () =>
                TypedResults.Ok(Gazetteer.Default.Countries.Select(c => new CountryName(c.Iso3, c.Iso2, c.Name)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList()))
            .WithName("ListCountries")
            .WithSummary("The states a country filter accepts: ISO 3166-1 alpha-3 and alpha-2 codes and English name (the dashboard shows names in its own language).");
    }

    private static IEventAggregates Aggregates(IEventStore store) =>
        store as IEventAggregates ?? throw new InvalidOperationException($"{store.Description} cannot aggregate events for the map");

    private static ValidationProblem Invalid(IReadOnlyList<FilterProblem> problems) =>
        TypedResults.ValidationProblem(
            problems.GroupBy(p => p.Parameter, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.ToString()).ToArray(), StringComparer.Ordinal),
            detail: string.Join("; ", problems),
            title: "Invalid query parameter");
}

/// <summary>The map's clusters at one zoom level: the cell width used and how many located events (or incidents: <see cref="Unit"/>) they hold.</summary>
internal sealed record ClusterAnswer(int Zoom, double CellDegrees, long Events, IReadOnlyList<MapCell> Cells)
{
    /// <summary>What the counts count: "events" or "incidents".</summary>
    public string Unit { get; init; } = CountUnit.Events;
}

/// <summary>
/// What the map and the timeline count (<c>unit</c>): raw events, one per document that tells of something, or
/// incidents, each real event once however many documents tell of it (docs/INCIDENTS.md).
/// </summary>
internal static class CountUnit
{
    public const string Events = "events";

    public const string Incidents = "incidents";

    public static readonly string[] All = [Events, Incidents];

    /// <summary>The unit asked for (events when none is), or a problem naming the parameter.</summary>
    public static string Read(string? value, List<FilterProblem> problems)
    {
        if (value is null) return Events;
        if (All.Contains(value, StringComparer.Ordinal)) return value;
        problems.Add(new FilterProblem("unit", value, $"unknown value: expected one of {string.Join(", ", All)}"));
        return Events;
    }

    /// <summary>
    /// The unit that can be answered: a store holding no incident at all (written before incidents existed and not
    /// ingested into since) answers in events rather than with an empty map, and says so in its answer's unit.
    /// </summary>
    public static async Task<string> AnsweredAsync(string asked, IEventAggregates store, CancellationToken cancellationToken) =>
        asked == Incidents && !await store.HasIncidentsAsync(cancellationToken).ConfigureAwait(false) ? Events : asked;
}

/// <summary>A state as the country filter knows it.</summary>
internal sealed record CountryName(string Iso3, string Iso2, string Name);

/// <summary>Reads the filters on an event's arguments that come as text in a query string.</summary>
internal static class ArgumentFilters
{
    public static int? MinFatalities(string? value, List<FilterProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minimum)) return minimum;
        problems.Add(new FilterProblem("minFatalities", value, "not a number of fatalities: expected a whole number, 0 or more"));
        return null;
    }

    /// <summary>A share from 0 to 1 written with a dot ("0.5"); its range is checked with the other filters (<see cref="FilterValues"/>).</summary>
    public static double? MinRelevance(string? value, List<FilterProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (double.TryParse(value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var minimum)) return minimum;
        problems.Add(new FilterProblem("minRelevance", value, "not a relevance: expected a number from 0 to 1 such as 0.5"));
        return null;
    }

    public static GeoBox? Area(string? value, List<FilterProblem> problems, string parameter = "bbox")
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (GeoBox.TryParse(value, out var box, out var reason)) return box;
        problems.Add(new FilterProblem(parameter, value, reason));
        return null;
    }

    /// <summary>Where a selection and the map's view overlap; a box crossing the antimeridian is kept whole (the view only saves work).</summary>
    public static GeoBox? Intersect(GeoBox? selection, GeoBox? view)
    {
        if (selection is null || view is null) return selection ?? view;
        if (selection.CrossesAntimeridian || view.CrossesAntimeridian) return selection;
        var box = new GeoBox(Math.Max(selection.West, view.West), Math.Max(selection.South, view.South), Math.Min(selection.East, view.East), Math.Min(selection.North, view.North));
        // No overlap: an empty box far from any event (nothing in view).
        return box.West > box.East || box.South > box.North ? new GeoBox(0, 90, 0, 90) : box;
    }
}
