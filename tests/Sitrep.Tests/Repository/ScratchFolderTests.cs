using System.Text.RegularExpressions;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Repository;

/// <summary>
/// Tests and commands make their scratch folders per run. A fixed folder under the temporary path
/// (such as /tmp/sitrep-tests) belongs to the first user who ran them: a second user's run then fails
/// with "Access to the path is denied" on every test that writes there.
/// </summary>
public sealed partial class ScratchFolderTests
{
    // Path.Combine(Path.GetTempPath(), "fixed-name", ...): a folder whose name does not change per run.
    [GeneratedRegex("""Path\.Combine\(\s*Path\.GetTempPath\(\)\s*,\s*"[^"{]*"\s*[,)]""")]
    private static partial Regex FixedFolderUnderTemp();

    [Fact]
    public void No_source_uses_a_fixed_folder_under_the_temporary_path()
    {
        var offenders = new List<string>();
        foreach (var folder in new[] { "src", "tests", "bench", "tools" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(SharedData.RepositoryRoot, folder), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
                // This file's own examples below are the pattern's test cases.
                if (Path.GetFileName(file) == $"{nameof(ScratchFolderTests)}.cs") continue;
                var text = File.ReadAllText(file);
                foreach (Match match in FixedFolderUnderTemp().Matches(text))
                {
                    offenders.Add($"{Path.GetRelativePath(SharedData.RepositoryRoot, file)}: {match.Value}");
                }
            }
        }
        Assert.Empty(offenders);
    }

    [Theory]
    // The pattern finds what it must, and lets per-run names through.
    [InlineData("""Path.Combine(Path.GetTempPath(), "sitrep-tests", Guid.NewGuid().ToString("N"))""", true)]
    [InlineData("""Path.Combine(Path.GetTempPath(), "sitrep-web-tests")""", true)]
    [InlineData("""Path.Combine(Path.GetTempPath(), $"sitrep-{Guid.NewGuid():N}.txt")""", false)]
    [InlineData("""Directory.CreateTempSubdirectory("sitrep-store-")""", false)]
    public void The_check_tells_fixed_names_from_per_run_names(string code, bool isFixed)
    {
        Assert.Equal(isFixed, FixedFolderUnderTemp().IsMatch(code));
    }
}
