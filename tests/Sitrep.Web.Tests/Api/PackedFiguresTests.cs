using System.Reflection;
using System.Runtime.CompilerServices;
using Sitrep.Web.Api;

namespace Sitrep.Web.Tests.Api;

/// <summary>The digest's packed fatality figures give back exactly what was packed, and the digest stays small.</summary>
public sealed class PackedFiguresTests
{
    public static TheoryData<long?, long?, long?, int> Figures() => new()
    {
        // low, best, high, how many triples end in the spill list
        { null, null, null, 0 },                          // nothing known
        { 0, 0, 0, 0 },
        { 3, null, 12, 0 },                               // an open bound stays open
        { int.MaxValue, int.MaxValue, int.MaxValue, 0 },  // the largest figure that fits
        { int.MinValue + 2, 0, 0, 0 },                    // the smallest int that is not a sentinel
        { int.MinValue, 1, 2, 1 },                        // the sentinels themselves must not be read as unknown
        { int.MinValue + 1, 1, 2, 1 },
        { 1, (long)int.MaxValue + 1, null, 1 },           // a count parsed from text may be any long
        { null, null, long.MaxValue, 1 },
    };

    [Theory]
    [MemberData(nameof(Figures))]
    public void Unpacking_gives_back_the_packed_figures(long? low, long? best, long? high, int spilled)
    {
        var spill = new List<FatalityFigures> { new(7, 7, 7) };
        var packed = PackedFigures.Pack(low, best, high, spill);
        Assert.Equal(1 + spilled, spill.Count);
        Assert.Equal(new FatalityFigures(low, best, high), packed.Unpack(spill));
    }

    /// <summary>A million events and a million killed figures at these sizes are 68 MB; a field added in the wrong place adds 8 bytes to each.</summary>
    [Theory]
    [InlineData(nameof(PackedFigures), 12)]
    [InlineData("Digest", 48)]
    [InlineData("Kill", 20)]
    public void The_digests_structures_keep_their_size(string name, int bytes)
    {
        var type = name == nameof(PackedFigures) ? typeof(PackedFigures) : typeof(EventDigestCache).GetNestedType(name, BindingFlags.NonPublic)!;
        var size = (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;
        Assert.Equal(bytes, size);
    }
}
