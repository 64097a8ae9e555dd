namespace Sitrep.Places;

/// <summary>The one shared <see cref="PlaceCues"/>, built on first use.</summary>
internal static class PlaceCuesHolder
{
    private static readonly Lazy<PlaceCues> Loaded = new(() => new PlaceCues(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static PlaceCues Default => Loaded.Value;
}
