using System.Globalization;

namespace Sitrep.Store.Schema;

/// <summary>One versioned schema change, read from an embedded <c>schema/{dialect}/NNN_name.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>Every migration of a dialect ("sqlite", "postgres"), in version order.</summary>
    public static IReadOnlyList<Migration> For(string dialect)
    {
        var assembly = typeof(Migration).Assembly;
        var prefix = $"schema/{dialect}/";
        var migrations = new List<Migration>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(".sql", StringComparison.Ordinal)) continue;
            var file = name[prefix.Length..^".sql".Length];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            // A malformed name is our bug, not the user's: the build ships these files.
            var version = int.Parse(file.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(version, file[(underscore + 1)..], reader.ReadToEnd()));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return migrations;
    }
}
