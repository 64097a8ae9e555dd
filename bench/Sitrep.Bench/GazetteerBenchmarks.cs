using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Sitrep.Actors;
using Sitrep.Places;
using Sitrep.Text;

namespace Sitrep.Bench;

/// <summary>
/// The gazetteer: loading the embedded compiled file (decompress the binary image, hash its name keys), what the
/// loaded gazetteer keeps in memory, name lookups, and place and actor recognition on short invented
/// news sentences in English and Romanian (analysed once in setup, so only recognition is timed).
/// Run: <c>dotnet run -c Release --project bench/Sitrep.Bench -- --filter '*Gazetteer*'</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GazetteerBenchmarks
{
    // Invented sentences, written for this benchmark.
    private static readonly string[] Sentences =
    [
        "Shelling hit two villages near Horlivka in Donetsk region overnight, local officials said.",
        "Gunmen attacked a police post in the district of Bannu in Khyber Pakhtunkhwa on Monday.",
        "Protesters marched from the main square of Bucharest to the government building.",
        "An air strike on a market in Saada province killed several people, the Houthis said.",
        "Armenian and Azerbaijani forces exchanged fire along the line of contact in Nagorno-Karabakh.",
        "Talks between Ankara and Moscow on Idlib ended without agreement, according to Reuters.",
        "Fortele azere au bombardat localitatea Martuni din regiunea separatista Nagorno-Karabah.",
        "Protestatarii s-au adunat in fata prefecturii din Cluj-Napoca, potrivit Agerpres.",
        "Politia din judetul Iasi a retinut doi suspecti dupa incidentul de sambata.",
        "Ministerul de Externe de la Chisinau a convocat ambasadorul Rusiei dupa declaratiile de la Tiraspol.",
        "Clashes erupted between herders and farmers in the village of Dogo Nahawa in Plateau state.",
        "The UN and the OSCE called for restraint after the explosion in Sloviansk.",
    ];

    private readonly TextAnalyzer _analyzer = new();
    private PlaceRecognizer _places = null!;
    private ActorRecognizer _actors = null!;
    private AnalyzedText[] _texts = [];
    private Gazetteer _gazetteer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _places = new PlaceRecognizer();
        _actors = new ActorRecognizer();
        _texts = [.. Sentences.Select(s => _analyzer.Analyze(s))];
        _gazetteer = Gazetteer.Default;
        _places.Find(_texts[0]);
        Console.WriteLine($"// gazetteer: {_gazetteer.EntryCount} entries, {_gazetteer.NameCount} names, retained {RetainedMegabytes():F1} MB");
        var cpu = Enumerable.Range(0, 5).Select(_ => LoadCpuMilliseconds()).ToList();
        Console.WriteLine($"// load CPU time (ms), 5 runs: {string.Join(", ", cpu.Select(c => c.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    /// <summary>Decompress the embedded gazetteer and hash its keys (what the first call of a process pays; a new instance each time).</summary>
    [Benchmark]
    public int Load()
    {
        using var stream = Gazetteer.OpenEmbedded();
        return Gazetteer.FromStream(stream).NameCount;
    }

    /// <summary>Ten name lookups, ambiguous ones included ("Tripoli", "Georgia").</summary>
    [Benchmark(OperationsPerInvoke = 10)]
    public int Lookup()
    {
        var found = 0;
        foreach (var name in (ReadOnlySpan<string>)["Aleppo", "Tripoli", "Georgia", "Moscova", "Donetsk", "Cluj-Napoca", "Kashmir", "Springfield", "Nagorno-Karabakh", "Bucuresti"])
        {
            found += _gazetteer.Lookup(name).Count();
        }
        return found;
    }

    /// <summary>Ten lookups of prepared keys, as the recognisers do them (no allocation: entries already built are reused).</summary>
    [Benchmark(OperationsPerInvoke = 10)]
    public int LookupKey()
    {
        var found = 0;
        foreach (var key in (ReadOnlySpan<string>)["alepo", "tripoli", "georgia", "moscova", "donetsk", "cluj napoca", "kashmir", "springfield", "nagorno karabakh", "bucuresti"])
        {
            if (!_gazetteer.TryLookup(key, out var hits)) continue;
            foreach (var hit in hits) found += _gazetteer.Entry(hit.Entry).Kind == GazetteerEntryKind.Country ? 2 : 1;
        }
        return found;
    }

    /// <summary>Places found and resolved, per sentence.</summary>
    [Benchmark(OperationsPerInvoke = 12)]
    public int FindPlaces()
    {
        var found = 0;
        foreach (var text in _texts) found += _places.Find(text).Length;
        return found;
    }

    /// <summary>Actors found, per sentence.</summary>
    [Benchmark(OperationsPerInvoke = 12)]
    public int FindActors()
    {
        var found = 0;
        foreach (var text in _texts) found += _actors.Find(text).Length;
        return found;
    }

    /// <summary>Bytes a loaded gazetteer keeps alive (measured by loading a second copy between full collections).</summary>
    public static double RetainedMegabytes()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var stream = Gazetteer.OpenEmbedded();
        var gazetteer = Gazetteer.FromStream(stream);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(gazetteer);
        return (after - before) / 1e6;
    }

    /// <summary>CPU time of one load, for machines where wall time is mostly waiting for a core.</summary>
    public static double LoadCpuMilliseconds()
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        using var stream = Gazetteer.OpenEmbedded();
        GC.KeepAlive(Gazetteer.FromStream(stream));
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds;
    }
}
