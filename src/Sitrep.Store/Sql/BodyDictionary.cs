namespace Sitrep.Store.Sql;

/// <summary>
/// The Zstandard dictionary of format 2 document bodies (<see cref="DocumentBody"/>): trained by
/// <c>tools/Sitrep.BodyDictionary</c> on the bodies Sitrep makes of the project's own golden set, so it holds the
/// records' field names, the taxonomy's values and the usual shapes of claims and figures, none of any corpus it
/// is measured on. Frozen: every stored body of format 2 needs these exact bytes, so a new dictionary is a new format.
/// </summary>
internal static class BodyDictionary
{
    private const string ResourceName = "Sitrep.Store.body-dictionary-2.zdict";

    public static byte[] Bytes { get; } = Load();

    private static byte[] Load()
    {
        using var stream = typeof(BodyDictionary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from this build");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
