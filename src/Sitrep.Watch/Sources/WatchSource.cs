using System.Text.RegularExpressions;

namespace Sitrep.Watch.Sources;

/// <summary>What a source is: a feed (RSS or Atom) whose items are articles, or a front page whose article links are followed.</summary>
public enum SourceKind
{
    /// <summary>Decided from what the address serves (plain sources files do not say).</summary>
    Auto,
    Feed,
    Page,
}

/// <summary>One news source to follow, as the sources file describes it.</summary>
/// <param name="Url">The feed or front page (http or https).</param>
/// <param name="Name">Shown in logs and stored as the documents' source; the host when not given.</param>
/// <param name="Language">The outlet's language (BCP 47), used instead of detection; null to detect.</param>
/// <param name="HomeCountry">The outlet's home country (ISO 3166-1 alpha-3): where a story that names no place happens.</param>
/// <param name="Interval">Time between polls in long-running mode.</param>
/// <param name="AllowPrivateAddresses">Whether loopback, private and link-local addresses may be fetched for this source.</param>
/// <param name="ArticleLinks">For front pages: which links are articles (matched against the absolute URL); null for the built-in guess.</param>
/// <param name="Line">Where the source is written in its file, for messages.</param>
public sealed record WatchSource(
    Uri Url,
    SourceKind Kind,
    string Name,
    string? Language,
    string? HomeCountry,
    TimeSpan Interval,
    bool AllowPrivateAddresses,
    Regex? ArticleLinks,
    int Line)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(15);

    /// <summary>Polls closer than this would be impolite to any outlet.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(30);

    /// <summary>The key of the source's state in the store: its address, as written.</summary>
    public string Key => Url.AbsoluteUri;
}
