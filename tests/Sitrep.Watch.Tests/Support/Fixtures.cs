using System.Globalization;
using System.Net;

namespace Sitrep.Watch.Tests.Support;

/// <summary>Feeds and article pages written for these tests (never taken from any real outlet or data set).</summary>
public static class Fixtures
{
    public sealed record Item(string Title, string Link, DateTimeOffset Published, string Summary = "");

    public static string Rss(string title, params Item[] items)
    {
        var entries = string.Concat(items.Select(i =>
            $"<item><title>{WebUtility.HtmlEncode(i.Title)}</title><link>{WebUtility.HtmlEncode(i.Link)}</link>" +
            $"<pubDate>{i.Published.ToString("r", CultureInfo.InvariantCulture)}</pubDate><guid>{WebUtility.HtmlEncode(i.Link)}</guid>" +
            $"<description>{WebUtility.HtmlEncode(i.Summary.Length > 0 ? i.Summary : i.Title)}</description></item>"));
        return $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{WebUtility.HtmlEncode(title)}</title>{entries}</channel></rss>";
    }

    public static string Page(string title, string body, string? canonical = null, string? published = null, string lang = "en") =>
        $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title>" +
        (canonical is null ? "" : $"<link rel=\"canonical\" href=\"{WebUtility.HtmlEncode(canonical)}\">") +
        (published is null ? "" : $"<meta property=\"article:published_time\" content=\"{published}\">") +
        $"</head><body><nav><a href=\"/\">Home</a></nav><article><h1>{WebUtility.HtmlEncode(title)}</h1>" +
        string.Concat(body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => $"<p>{WebUtility.HtmlEncode(p.Trim())}</p>")) +
        "</article><footer>Fixture news, a test site.</footer></body></html>";

    public static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    // Articles of our own, about invented but plausible events, English and Romanian.
    public const string ShellingEn = """
        Four civilians were killed and seven wounded when artillery shells struck a market in Kharkiv on Sunday morning, regional officials said.
        Emergency crews worked through the afternoon to clear the damaged stalls, and the regional governor said two of the wounded were in a serious condition.
        """;

    public const string ShellingEnUpdated = """
        Nine civilians were killed and seven wounded when artillery shells struck a market in Kharkiv on Sunday morning, regional officials said.
        The toll rose overnight as rescuers found more victims under the collapsed roof, and the regional governor said two of the wounded were in a serious condition.
        """;

    public const string ClashRo = """
        Doi militari au fost ucisi duminica in luptele din apropierea orasului Bahmut, a anuntat ministerul apararii.
        Potrivit aceleiasi surse, alti trei soldati au fost raniti, iar unitatile au respins un atac asupra pozitiilor din zona.
        """;

    public const string QuietEn = """
        The city council approved a new budget for public libraries on Tuesday, adding funds for longer opening hours.
        Librarians said the change would help students who study in the evenings, and the first branches will extend their hours next month.
        """;

    public const string CityEn = """
        Three people were killed when a bomb exploded near a bus station in the city on Sunday, police said.
        Officers cordoned off the area and said they were searching for the people who planted the device.
        """;

    public const string CityRo = """
        Trei oameni au fost ucisi duminica dupa ce o bomba a explodat langa o statie de autobuz din oras, a anuntat politia.
        Politistii au izolat zona si cauta persoanele care au amplasat dispozitivul.
        """;
}
