using System.Globalization;

namespace Sitrep.Watch.Tests.Support;

/// <summary>
/// Many small fixture articles for the load-shaped tests (kill -9, several workers): sentences of our own
/// with a varied place and toll, in English and Romanian, served as feeds and pages on a fixture site.
/// </summary>
public static class NewsGenerator
{
    private static readonly string[] Places = ["Kharkiv", "Donetsk", "Kherson", "Mykolaiv", "Sumy", "Zaporizhzhia", "Dnipro", "Odesa"];

    public static string Article(int feed, int item, bool romanian)
    {
        var place = Places[(feed * 3 + item) % Places.Length];
        var killed = 1 + ((feed + item) % 6);
        return romanian
            ? string.Create(CultureInfo.InvariantCulture, $"{killed} militari au fost ucisi duminica in bombardamentele de langa {place}, a anuntat ministerul apararii.\nAlti {killed + 2} soldati au fost raniti, iar echipele de salvare au lucrat toata noaptea in zona, potrivit autoritatilor locale (articolul {feed}-{item}).")
            : string.Create(CultureInfo.InvariantCulture, $"{killed} soldiers were killed in shelling near {place} on Sunday, the defence ministry said.\nAnother {killed + 2} soldiers were wounded, and rescue teams worked through the night in the area, local officials said (report {feed}-{item}).");
    }

    /// <summary>Serves feeds /feed{f}.xml with their articles; returns the sources file's JSON.</summary>
    public static string Publish(FixtureSite site, int feeds, int itemsPerFeed, TimeSpan? pageDelay = null, TimeSpan? feedDelay = null, string interval = "60s")
    {
        var sources = new List<string>();
        for (var f = 0; f < feeds; f++)
        {
            var romanian = f % 2 == 1;
            var items = new List<Fixtures.Item>();
            for (var i = 0; i < itemsPerFeed; i++)
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"/news/{f}/story-{i}-from-the-front.html");
                var title = string.Create(CultureInfo.InvariantCulture, $"Report {f}-{i}");
                site.ServePage(path, Fixtures.Page(title, Article(f, i, romanian), published: "2026-11-30T08:00:00Z", lang: romanian ? "ro" : "en"), pageDelay);
                items.Add(new Fixtures.Item(title, site.Url(path).AbsoluteUri, Fixtures.Monday));
            }
            var feedPath = string.Create(CultureInfo.InvariantCulture, $"/feed{f}.xml");
            site.Serve(feedPath, "application/rss+xml", Fixtures.Rss($"Feed {f}", [.. items]), feedDelay);
            sources.Add($"{{ \"url\": \"{site.Url(feedPath)}\", \"kind\": \"feed\", \"allowPrivateAddresses\": true, \"interval\": \"{interval}\" }}");
        }
        return $"{{ \"sources\": [\n{string.Join(",\n", sources)}\n] }}";
    }
}
