using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sitrep.Output;
using Sitrep.Watch.State;

namespace Sitrep.Watch.Alerts;

/// <summary>
/// Turns a stored article's events into alerts. One alert per rule and event, keyed so that it is raised once:
/// the key hashes the rule, the article's canonical URL and what identifies the event in it (type, sub-type,
/// country, place, start date). A later revision of the article that reports the same event raises nothing new;
/// one whose toll now passes a rule's threshold raises that rule's alert for the first time. When incidents
/// (events fused across articles) are stored, the key becomes rule + incident id (+ the threshold crossed), so
/// that two outlets reporting one attack alert once: only <see cref="EventKey"/> changes.
/// </summary>
public sealed class AlertMaker(IReadOnlyList<AlertRule> rules)
{
    public IReadOnlyList<NewAlert> Make(DocumentResult result, string text, string canonicalUrl, long revision)
    {
        var alerts = new List<NewAlert>();
        foreach (var record in result.Events)
        {
            foreach (var rule in rules)
            {
                if (!rule.Matches(record, result, text)) continue;
                var key = Key(rule.Name, canonicalUrl, record);
                alerts.Add(new NewAlert(key, rule.Name, Payload(key, rule.Name, result, record, canonicalUrl, revision)));
            }
        }
        return alerts;
    }

    /// <summary>What makes an event the same event across revisions of one article.</summary>
    public static string EventKey(string canonicalUrl, EventRecord record) =>
        string.Join('\u001f', canonicalUrl, record.EventType, record.SubEventType, record.Location?.Country ?? "", record.Location?.Name ?? "", record.Date?.Start ?? "");

    public static string Key(string rule, string canonicalUrl, EventRecord record)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("sitrep-alert/1\u001fevent\u001f" + rule + "\u001f" + EventKey(canonicalUrl, record)));
        return "ev-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>The alert's JSON: no clock time in it, so a re-raised alert is byte for byte the same.</summary>
    private static string Payload(string key, string rule, DocumentResult result, EventRecord record, string canonicalUrl, long revision)
    {
        var payload = new JsonObject
        {
            ["id"] = key,
            ["kind"] = "event",
            ["rule"] = rule,
            ["document"] = new JsonObject
            {
                ["url"] = canonicalUrl,
                ["revision"] = revision,
                ["title"] = result.Document.Title,
                ["source"] = result.Document.Source,
                ["published"] = result.Document.Published,
                ["language"] = result.Document.Language,
                ["relevance"] = result.Document.Relevance,
            },
            ["event"] = JsonSerializer.SerializeToNode(record, ContractJson.Compact),
        };
        return payload.ToJsonString(ContractJson.Compact);
    }
}
