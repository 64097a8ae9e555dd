using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Sitrep.Web.Assets;

/// <summary>
/// The dashboard's files, read once from the assembly's embedded <c>wwwroot/</c> resources, with
/// their content type and a strong ETag. Only these files are ever served: no path reaches the disk.
/// </summary>
internal sealed class EmbeddedAssets
{
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json",
        [".geojson"] = "application/geo+json",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".txt"] = "text/plain; charset=utf-8",
        [".md"] = "text/plain; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, Asset> _assets;

    private EmbeddedAssets(FrozenDictionary<string, Asset> assets)
    {
        _assets = assets;
    }

    public static EmbeddedAssets Load()
    {
        var assembly = typeof(EmbeddedAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith("wwwroot/", StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var bytes = memory.ToArray();
            var path = "/" + name["wwwroot/".Length..].Replace('\\', '/');
            var type = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12)) + "\"";
            assets[path] = new Asset(bytes, type, etag);
        }
        return new EmbeddedAssets(assets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public IEnumerable<string> Paths => _assets.Keys;

    public bool TryGet(string path, out Asset asset) => _assets.TryGetValue(path == "/" ? "/index.html" : path, out asset!);

    /// <summary>One file: its bytes, content type and ETag.</summary>
    internal sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
