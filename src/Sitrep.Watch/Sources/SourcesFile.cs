using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sitrep.Watch.Configuration;

namespace Sitrep.Watch.Sources;

/// <summary>
/// Reads a sources file. Two forms (docs/WATCH.md): a plain list of feed or page URLs, one a line, <c>#</c>
/// starting a comment; or a JSON document <c>{"sources": [{"url": ..., "kind": ..., ...}]}</c> for the
/// per-source settings. JSON is recognised by its first character, whatever the file is called. Every
/// mistake names the file and line; a file with a mistake is refused whole (a watcher must not run on half
/// of what the user meant).
/// </summary>
public static class SourcesFile
{
    private const string KnownFields = "url, kind, name, language, country, interval, allowPrivateAddresses, articleLinks";

    /// <param name="supportedLanguages">Languages the engine reads; a source's language must be one of them.</param>
    public static IReadOnlyList<WatchSource> Load(string path, IReadOnlyCollection<string> supportedLanguages)
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
        return Parse(bytes, path, supportedLanguages);
    }

    public static IReadOnlyList<WatchSource> Parse(byte[] bytes, string path, IReadOnlyCollection<string> supportedLanguages)
    {
        var text = new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        var first = text.TrimStart();
        var sources = first.StartsWith('{') || first.StartsWith('[')
            ? ParseJson(Encoding.UTF8.GetBytes(text), path, supportedLanguages)
            : ParsePlain(text, path);
        if (sources.Count == 0) throw new ConfigurationFileException(path, null, "no sources in the file");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (!seen.TryAdd(source.Key, source.Line))
            {
                throw new ConfigurationFileException(path, source.Line, $"{source.Key} is already listed on line {seen[source.Key]}");
            }
        }
        return sources;
    }

    private static List<WatchSource> ParsePlain(string text, string path)
    {
        var sources = new List<WatchSource>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            // A '#' starts a comment only at the start of a line or after a blank: URLs may carry fragments.
            for (var hash = line.IndexOf('#', StringComparison.Ordinal); hash >= 0; hash = line.IndexOf('#', hash + 1))
            {
                if (hash == 0 || char.IsWhiteSpace(line[hash - 1]))
                {
                    line = line[..hash];
                    break;
                }
            }
            line = line.Trim();
            if (line.Length == 0) continue;
            if (line.Contains(' ', StringComparison.Ordinal) || line.Contains('\t', StringComparison.Ordinal))
            {
                throw new ConfigurationFileException(path, i + 1, $"one URL a line expected, found \"{line}\" (per-source settings need the JSON form, see docs/WATCH.md)");
            }
            var url = Address(line, path, i + 1);
            sources.Add(new WatchSource(url, SourceKind.Auto, url.Host, null, null, WatchSource.DefaultInterval, false, null, i + 1));
        }
        return sources;
    }

    private static List<WatchSource> ParseJson(byte[] bytes, string path, IReadOnlyCollection<string> supportedLanguages)
    {
        var tree = JsonTree.Parse(bytes, path);
        JsonTree list;
        if (tree.Kind == JsonValueKind.Array)
        {
            list = tree;
        }
        else
        {
            var root = new ObjectReader(tree, path, "the sources file");
            var sourcesList = root.Member("sources");
            root.RejectUnknown("sources");
            list = sourcesList ?? throw new ConfigurationFileException(path, tree.Line, "the sources file needs a \"sources\" list");
            if (list.Kind != JsonValueKind.Array) throw root.Error(list, $"\"sources\" must be a list, not {list.Describe()}");
        }
        var sources = new List<WatchSource>();
        foreach (var item in list.Items)
        {
            if (item.Kind == JsonValueKind.String)
            {
                var bare = Address(item.String!, path, item.Line);
                sources.Add(new WatchSource(bare, SourceKind.Auto, bare.Host, null, null, WatchSource.DefaultInterval, false, null, item.Line));
                continue;
            }
            sources.Add(Source(new ObjectReader(item, path, "a source"), supportedLanguages));
        }
        return sources;
    }

    private static WatchSource Source(ObjectReader source, IReadOnlyCollection<string> supportedLanguages)
    {
        var path = source.Path;
        var urlValue = source.Member("url") ?? throw new ConfigurationFileException(path, source.Line, "a source needs \"url\"");
        if (urlValue.Kind != JsonValueKind.String) throw source.Error(urlValue, $"\"url\" must be text, not {urlValue.Describe()}");
        var url = Address(urlValue.String!, path, urlValue.Line);

        var kind = SourceKind.Auto;
        if (source.Member("kind") is { } kindValue)
        {
            kind = kindValue.String switch
            {
                "feed" or "rss" or "atom" => SourceKind.Feed,
                "page" => SourceKind.Page,
                "auto" => SourceKind.Auto,
                _ => throw source.Error(kindValue, $"\"kind\" must be \"feed\" (RSS or Atom), \"page\" (a front page whose article links are followed) or \"auto\", not {kindValue.Describe()}"),
            };
        }

        var language = source.String("language");
        if (language is not null && !supportedLanguages.Contains(language))
        {
            throw source.Error(source.Member("language")!, $"language \"{language}\" is not one Sitrep reads (supported: {string.Join(", ", supportedLanguages)})");
        }

        var country = source.String("country");
        if (country is not null)
        {
            country = country.ToUpperInvariant();
            if (Places.Gazetteer.Country(country) is null)
            {
                throw source.Error(source.Member("country")!, $"country \"{source.String("country")}\" is not an ISO 3166-1 alpha-3 code Sitrep knows (e.g. ROU, BGD, UKR)");
            }
        }

        var interval = WatchSource.DefaultInterval;
        if (source.Member("interval") is { } intervalValue)
        {
            var written = intervalValue.Kind == JsonValueKind.Number ? intervalValue.NumberText : intervalValue.String;
            if (written is null || !DurationText.TryParse(written, out interval))
            {
                throw source.Error(intervalValue, $"\"interval\" must be a duration such as \"90s\", \"15m\" or \"1h\", not {intervalValue.Describe()}");
            }
            if (interval < WatchSource.MinimumInterval)
            {
                throw source.Error(intervalValue, $"\"interval\" {written} is shorter than {WatchSource.MinimumInterval.TotalSeconds} s: polling that often is impolite to the outlet");
            }
        }

        Regex? links = null;
        if (source.String("articleLinks") is { } pattern)
        {
            try
            {
                links = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException e)
            {
                throw source.Error(source.Member("articleLinks")!, $"\"articleLinks\" is not a valid regular expression ({e.Message})");
            }
        }

        var name = source.String("name") ?? url.Host;
        var allowPrivate = source.Boolean("allowPrivateAddresses") ?? false;
        source.RejectUnknown(KnownFields);
        return new WatchSource(url, kind, name, language, country, interval, allowPrivate, links, urlValue.Line);
    }

    /// <summary>http and https only: a sources file must not make the watcher read local files or other schemes.</summary>
    private static Uri Address(string text, string path, int line)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || url.Host.Length == 0 && url.Scheme is "http" or "https")
        {
            throw new ConfigurationFileException(path, line, $"\"{text.Trim()}\" is not an absolute URL");
        }
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw new ConfigurationFileException(path, line, $"\"{text.Trim()}\": only http and https sources can be watched, not {url.Scheme}:");
        }
        return url;
    }
}
