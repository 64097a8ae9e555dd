using System.Globalization;
using System.Text.Json;
using Sitrep.GazetteerCompiler;
using Sitrep.Places;

// Usage: Sitrep.GazetteerCompiler NODE_MODULES_DIR SOURCES_DIR OUTPUT_FILE [TSV_DUMP]
// See data/gazetteer/README.md for how to install the npm packages this reads.
if (args.Length is not (3 or 4))
{
    Console.Error.WriteLine("usage: Sitrep.GazetteerCompiler NODE_MODULES_DIR data/gazetteer/sources data/gazetteer/gazetteer-v2.bin.gz [dump.tsv.gz]");
    return 2;
}
try
{
    var compiler = new GazetteerCompiler(args[0], args[1]);
    var rows = compiler.Compile();
    using (var output = File.Create(args[2]))
    {
        GazetteerImageWriter.Write(output, GazetteerSourceBuilder.Build(rows));
    }
    // A readable dump of the same rows, for reviewing what a data change did (not read by the engine).
    if (args.Length == 4) GazetteerWriter.Write(args[3], rows, compiler.Warnings);
    foreach (var warning in compiler.Warnings) Console.Error.WriteLine("warning: " + warning);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {args[2]}: {rows.Countries.Count} countries, {rows.Entries.Count} entries"));
    return 0;
}
catch (Exception e) when (e is IOException or InvalidDataException or JsonException or FormatException or UnauthorizedAccessException)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 1;
}
