using System.Collections.Frozen;

namespace Sitrep.Incidents;

/// <summary>
/// Which sub-event types may be reports of one real event (<c>data/incidents/families.tsv</c>): outlets name the
/// same strike differently ("Air/drone strike" here, "Attack" on civilians there), but a protest and an air strike
/// are never one. Two types may be one when they share a family; a type always may be one with itself.
/// Built once; thread-safe.
/// </summary>
public sealed class FamilyTable
{
    private const string ResourceName = "incidents/families.tsv";

    private readonly FrozenSet<(string, string)> _pairs;

    private FamilyTable(FrozenSet<(string, string)> pairs)
    {
        _pairs = pairs;
    }

    public static FamilyTable Default { get; } = Load();

    public bool MayBeOne(string subEventType, string otherSubEventType) =>
        string.Equals(subEventType, otherSubEventType, StringComparison.Ordinal) || _pairs.Contains((subEventType, otherSubEventType));

    /// <summary>Reads the table from lines of "family, tab, types..."; <paramref name="origin"/> names it in errors.</summary>
    public static FamilyTable Parse(IEnumerable<string> lines, string origin)
    {
        var pairs = new HashSet<(string, string)>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            if (fields.Length < 3 || fields.Any(f => f.Trim().Length == 0))
                throw new InvalidDataException($"{origin}:{number}: expected a family name and at least two sub-event types separated by tabs");
            foreach (var a in fields.Skip(1))
            {
                foreach (var b in fields.Skip(1)) pairs.Add((a.Trim(), b.Trim()));
            }
        }
        return new FamilyTable(pairs.ToFrozenSet());
    }

    private static FamilyTable Load()
    {
        using var stream = typeof(FamilyTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"missing embedded resource {ResourceName}");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return Parse(lines, ResourceName);
    }
}
