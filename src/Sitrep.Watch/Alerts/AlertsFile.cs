using System.Text.Json;
using Sitrep.Watch.Configuration;

namespace Sitrep.Watch.Alerts;

/// <summary>Where alerts go: standard output, a JSON Lines file, or a webhook.</summary>
public sealed record SinkDefinition(string Type, string? Path, Uri? Url, string? Secret, int Line)
{
    /// <summary>The key of the sink's deliveries in the outbox: one per destination, so a second file or URL gets its own copy.</summary>
    public string Id => Type switch
    {
        "jsonl" => "jsonl:" + Path,
        "webhook" => "webhook:" + Url!.AbsoluteUri,
        _ => "stdout",
    };
}

/// <summary>An alerts file: its rules and its sinks.</summary>
public sealed record AlertSettings(IReadOnlyList<AlertRule> Rules, IReadOnlyList<SinkDefinition> Sinks);

/// <summary>
/// Reads an alerts file (JSON, docs/WATCH.md): <c>{"rules": [...], "sinks": [...]}</c>. Every mistake names the
/// file and line. A webhook's secret comes from an environment variable (<c>secretEnv</c>) so that it need not
/// sit in the file; <c>secret</c> is accepted for tests and local use.
/// </summary>
public static class AlertsFile
{
    private static readonly HashSet<string> EventTypes = new(StringComparer.Ordinal)
    {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments", "Statements",
    };

    private static readonly HashSet<string> Statuses = new(StringComparer.Ordinal) { "current", "historical", "future", "hypothetical", "negated" };

    public static AlertSettings Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationFileException(path, null, $"cannot be read ({e.Message})");
        }
        return Parse(bytes, path, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
    }

    public static AlertSettings Parse(byte[] bytes, string path, string folder)
    {
        var root = new ObjectReader(JsonTree.Parse(bytes, path), path, "the alerts file");
        var rulesValue = root.Member("rules") ?? throw new ConfigurationFileException(path, root.Line, "the alerts file needs a \"rules\" list");
        if (rulesValue.Kind != JsonValueKind.Array) throw root.Error(rulesValue, $"\"rules\" must be a list, not {rulesValue.Describe()}");
        var rules = new List<AlertRule>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in rulesValue.Items)
        {
            var rule = Rule(new ObjectReader(item, path, "a rule"));
            if (!names.Add(rule.Name)) throw new ConfigurationFileException(path, item.Line, $"a second rule named \"{rule.Name}\" (names key the alerts, so they must differ)");
            rules.Add(rule);
        }
        var sinks = new List<SinkDefinition>();
        if (root.Member("sinks") is { } sinksValue)
        {
            if (sinksValue.Kind != JsonValueKind.Array) throw root.Error(sinksValue, $"\"sinks\" must be a list, not {sinksValue.Describe()}");
            foreach (var item in sinksValue.Items) sinks.Add(Sink(new ObjectReader(item, path, "a sink"), folder));
        }
        root.RejectUnknown("rules, sinks");
        if (sinks.Count == 0) sinks.Add(new SinkDefinition("stdout", null, null, null, root.Line));
        return new AlertSettings(rules, sinks);
    }

    private static AlertRule Rule(ObjectReader rule)
    {
        var name = rule.RequiredString("name");
        var countries = rule.Strings("countries");
        foreach (var (country, at) in countries)
        {
            if (Places.Gazetteer.Country(country.ToUpperInvariant()) is null) throw rule.Error(at, $"\"{country}\" is not an ISO 3166-1 alpha-3 country code Sitrep knows");
        }
        var types = rule.Strings("eventTypes");
        foreach (var (type, at) in types)
        {
            if (!EventTypes.Contains(type)) throw rule.Error(at, $"\"{type}\" is not an event type (one of: {string.Join(", ", EventTypes)})");
        }
        var statuses = rule.Strings("statuses");
        foreach (var (status, at) in statuses)
        {
            if (!Statuses.Contains(status)) throw rule.Error(at, $"\"{status}\" is not an event status (one of: {string.Join(", ", Statuses)})");
        }
        var subTypes = rule.Strings("subEventTypes");
        var best = rule.Number("minFatalitiesBest", 0, 1_000_000);
        var high = rule.Number("minFatalitiesHigh", 0, 1_000_000);
        var relevance = rule.Number("minRelevance", 0, 1);
        var words = rule.Strings("words");
        rule.RejectUnknown("name, countries, eventTypes, subEventTypes, statuses, minFatalitiesBest, minFatalitiesHigh, minRelevance, words");
        return new AlertRule(
            name,
            [.. countries.Select(c => c.Text.ToUpperInvariant())],
            [.. types.Select(t => t.Text)],
            [.. subTypes.Select(t => t.Text)],
            // Reports of past or hypothetical violence are not news to be alerted on, unless a rule asks.
            statuses.Count == 0 ? ["current"] : [.. statuses.Select(s => s.Text)],
            best is { } b ? (int)b : null,
            high is { } h ? (int)h : null,
            relevance,
            [.. words.Select(w => w.Text)]);
    }

    private static SinkDefinition Sink(ObjectReader sink, string folder)
    {
        var type = sink.RequiredString("type");
        SinkDefinition result;
        switch (type)
        {
            case "stdout":
                result = new SinkDefinition("stdout", null, null, null, sink.Line);
                break;
            case "jsonl":
                // Relative to the alerts file, so the file means the same whatever folder the watcher starts in.
                result = new SinkDefinition("jsonl", System.IO.Path.GetFullPath(sink.RequiredString("path"), folder), null, null, sink.Line);
                break;
            case "webhook":
            {
                var text = sink.RequiredString("url");
                if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                {
                    throw sink.Error(sink.Member("url")!, $"\"{text}\" is not an http or https URL");
                }
                var secret = sink.String("secret");
                if (sink.String("secretEnv") is { } variable)
                {
                    secret = Environment.GetEnvironmentVariable(variable);
                    if (string.IsNullOrEmpty(secret)) throw sink.Error(sink.Member("secretEnv")!, $"the environment variable {variable} (the webhook's secret) is not set");
                }
                result = new SinkDefinition("webhook", null, url, secret, sink.Line);
                break;
            }
            default:
                throw sink.Error(sink.Member("type")!, $"sink type \"{type}\" is not one of stdout, jsonl, webhook");
        }
        sink.RejectUnknown("type, path, url, secret, secretEnv");
        return result;
    }
}
