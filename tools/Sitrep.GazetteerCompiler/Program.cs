using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Sitrep.GazetteerCompiler;

// Usage: Sitrep.GazetteerCompiler NODE_MODULES_DIR SOURCES_DIR OUTPUT_FILE
// See data/gazetteer/README.md for how to install the npm packages this reads.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Sitrep.GazetteerCompiler NODE_MODULES_DIR data/gazetteer/sources data/gazetteer/gazetteer-v1.tsv.gz");
    return 2;
}
try
{
    var compiler = new GazetteerCompiler(args[0], args[1]);
    var rows = compiler.Compile();
    GazetteerWriter.Write(args[2], rows, compiler.Warnings);
    foreach (var warning in compiler.Warnings) Console.Error.WriteLine("warning: " + warning);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {args[2]}: {rows.Countries.Count} countries, {rows.Entries.Count} entries"));
    return 0;
}
catch (Exception e) when (e is IOException or InvalidDataException or JsonException or FormatException or UnauthorizedAccessException)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 1;
}
