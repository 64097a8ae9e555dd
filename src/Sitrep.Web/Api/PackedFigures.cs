namespace Sitrep.Web.Api;

/// <summary>
/// Three fatality figures (low, best, high), each possibly unknown, in 12 bytes instead of the 48 of three
/// <c>long?</c>: the in-memory digest holds one per event and one per killed figure, a million of each at a
/// million events. A figure is an int, with the smallest int standing for "unknown". Counts are never near the
/// int range in practice, but a claimed count is a long in the records, so a triple that does not fit is kept
/// whole in a spill list that this one points into; the answers stay exactly those of the database.
/// </summary>
internal readonly struct PackedFigures
{
    private const int Unknown = int.MinValue;

    /// <summary>In <see cref="_low"/>: the triple is in the spill list, at the index held in <see cref="_best"/>.</summary>
    private const int Spilled = int.MinValue + 1;

    private readonly int _low, _best, _high;

    private PackedFigures(int low, int best, int high)
    {
        _low = low;
        _best = best;
        _high = high;
    }

    /// <summary>Packs three figures, adding them to <paramref name="spill"/> if one does not fit in an int.</summary>
    public static PackedFigures Pack(long? low, long? best, long? high, List<FatalityFigures> spill)
    {
        if (Fits(low) && Fits(best) && Fits(high)) return new PackedFigures(Narrow(low), Narrow(best), Narrow(high));
        spill.Add(new FatalityFigures(low, best, high));
        return new PackedFigures(Spilled, spill.Count - 1, 0);
    }

    /// <summary>The three figures again, given the spill list (or a copy of it) they were packed with.</summary>
    public FatalityFigures Unpack(IReadOnlyList<FatalityFigures> spill) =>
        _low == Spilled ? spill[_best] : new FatalityFigures(Widen(_low), Widen(_best), Widen(_high));

    /// <summary>The two sentinels are the two smallest ints; every other int is a figure.</summary>
    private static bool Fits(long? value) => value is null or (> Spilled and <= int.MaxValue);

    private static int Narrow(long? value) => value is { } v ? (int)v : Unknown;

    private static long? Widen(int value) => value == Unknown ? null : value;
}

/// <summary>Low, best and high fatalities, each possibly unknown, as the database stores them.</summary>
internal readonly record struct FatalityFigures(long? Low, long? Best, long? High);
