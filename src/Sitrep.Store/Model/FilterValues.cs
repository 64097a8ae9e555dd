using System.Collections.Frozen;
using Sitrep.Documents;
using Sitrep.Evaluation.Gold;
using Sitrep.Places;

namespace Sitrep.Store.Model;

/// <summary>A filter value that makes no sense, named as the caller wrote it (<c>country</c> in the API, <c>--country</c> on the command line).</summary>
public sealed record FilterProblem(string Parameter, string Value, string Reason)
{
    public override string ToString() => $"{Parameter} '{Value}': {Reason}";
}

/// <summary>
/// Checks the filters a user types (API query string, <c>sitrep export</c> options) and puts them in the
/// form the store compares: a misspelt value would otherwise match nothing and look like an empty result.
/// Dates must be real days (YYYY, YYYY-MM or YYYY-MM-DD); a country is an ISO 3166-1 alpha-3 or alpha-2
/// code or any of its names the gazetteer knows (English, Romanian, usual aliases); a type and a status come from the contract's
/// closed lists, in any case.
/// </summary>
public static class FilterValues
{
    private static readonly FrozenDictionary<string, string> Types = GoldVocabulary.SubEventTypes.Keys
        .Concat(GoldVocabulary.SubEventTypes.Values.SelectMany(s => s))
        .Distinct(StringComparer.Ordinal)
        .ToFrozenDictionary(t => t, t => t, StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<FrozenDictionary<string, string>> CountriesByName = new(() =>
        Gazetteer.Default.Countries.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.First().Iso3, StringComparer.OrdinalIgnoreCase));

    /// <summary>The filter with every given value in canonical form, or the problems found (then the filter is not usable).</summary>
    /// <param name="prefix">Put before each parameter name in problems: "" for the API, "--" for the command line.</param>
    public static EventFilter Check(EventFilter filter, string prefix, out IReadOnlyList<FilterProblem> problems)
    {
        var found = new List<FilterProblem>();
        var from = Day(filter.From, prefix + "from", found);
        var to = Day(filter.To, prefix + "to", found);
        if (from is not null && to is not null && from.Value.First > to.Value.Last)
        {
            found.Add(new FilterProblem(prefix + "from", filter.From!, $"is after {prefix}to '{filter.To}', so nothing could match"));
        }
        var country = Country(filter.Country, prefix + "country", found);
        var type = Closed(filter.Type, prefix + "type", Types, "an event type or sub-event type of the taxonomy (e.g. Battles, \"Air/drone strike\")", found);
        var status = Closed(filter.Status, prefix + "status", Statuses, $"one of {string.Join(", ", GoldVocabulary.Statuses.Order(StringComparer.Ordinal))}", found);
        if (filter.MinFatalities is < 0)
        {
            found.Add(new FilterProblem(prefix + "minFatalities", filter.MinFatalities.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be 0 or more"));
        }
        if (filter.MinRelevance is { } relevance && !(relevance is >= 0 and <= 1))
        {
            found.Add(new FilterProblem(prefix + "minRelevance", relevance.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be from 0 to 1"));
        }
        problems = found;
        return filter with
        {
            From = from?.ToString(),
            To = to?.ToString(),
            Country = country,
            Type = type,
            Status = status,
            Text = string.IsNullOrWhiteSpace(filter.Text) ? null : filter.Text,
            Actor = string.IsNullOrWhiteSpace(filter.Actor) ? null : filter.Actor.Trim(),
            MinFatalities = filter.MinFatalities is null or 0 ? null : filter.MinFatalities,
            // 0 asks for nothing: it would only drop the events whose relevance is unknown.
            MinRelevance = filter.MinRelevance is null or 0 ? null : filter.MinRelevance,
        };
    }

    private static readonly FrozenDictionary<string, string> Statuses =
        GoldVocabulary.Statuses.ToFrozenDictionary(s => s, s => s, StringComparer.OrdinalIgnoreCase);

    private static PartialDate? Day(string? value, string parameter, List<FilterProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (PartialDate.TryParse(value, out var date)) return date;
        problems.Add(new FilterProblem(parameter, value, "not a date: expected YYYY-MM-DD, YYYY-MM or YYYY with a real month and day"));
        return null;
    }

    private static string? Country(string? value, string parameter, List<FilterProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        var code = text.ToUpperInvariant();
        var country = text.Length switch
        {
            3 => Gazetteer.Country(code)?.Iso3,
            2 => Gazetteer.Default.CountryOfIso2(code)?.Iso3,
            _ => null,
        };
        country ??= CountriesByName.Value.GetValueOrDefault(text);
        // The gazetteer's other names of states: Romanian ("Germania", "Statele Unite") and usual aliases.
        country ??= Gazetteer.Default.Lookup(text).FirstOrDefault(e => e.Kind == GazetteerEntryKind.Country)?.Country;
        if (country is null)
        {
            problems.Add(new FilterProblem(parameter, value, "not a known country: give its ISO 3166-1 alpha-3 code (e.g. UKR) or its name in English or Romanian (e.g. Ukraine, Ucraina)"));
        }
        return country;
    }

    private static string? Closed(string? value, string parameter, FrozenDictionary<string, string> known, string expected, List<FilterProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (known.TryGetValue(value.Trim(), out var canonical)) return canonical;
        problems.Add(new FilterProblem(parameter, value, $"unknown value: expected {expected}"));
        return null;
    }
}
