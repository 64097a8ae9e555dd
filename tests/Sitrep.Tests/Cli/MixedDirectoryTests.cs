using System.Diagnostics;
using System.Text.Json;

namespace Sitrep.Tests.Cli;

/// <summary>
/// The foundation's promise: a directory of good, broken and hostile inputs gives every good document,
/// names every bad input with its reason, exits 1, and neither hangs nor crashes.
/// </summary>
public sealed class MixedDirectoryTests(MixedInputDirectory directory) : IClassFixture<MixedInputDirectory>
{
    [Fact]
    public void Every_good_document_is_written_and_every_bad_input_is_named_with_its_reason()
    {
        var outcome = directory.Extracted;

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(MixedInputDirectory.GoodIds.Order(StringComparer.Ordinal), Ids(outcome.Output).Order(StringComparer.Ordinal));
        AssertErrors(outcome.Error);
    }

    [Fact]
    public void Hard_but_readable_inputs_carry_warnings_that_say_what_happened()
    {
        var outcome = directory.Extracted;
        var warnings = Documents(outcome.Output).ToDictionary(
            d => d.GetProperty("document").GetProperty("id").GetString()!,
            d => d.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList(),
            StringComparer.Ordinal);

        Assert.Contains("1 invalid UTF-8 byte sequence replaced with U+FFFD", warnings["broken-utf8.txt"]);
        Assert.Contains(warnings["nested/deep.html"], w => w.Contains("flat text", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings["reports/clash.en.txt"], w => w.Contains("invalid", StringComparison.Ordinal));
    }

    [Fact]
    public void Output_order_is_the_ordinal_order_of_paths()
    {
        var first = Ids(directory.Extracted.Output);
        Assert.Equal("broken-utf8.txt", first[0]);
        Assert.Equal(["TST1", "TST2", "wire-1", "wire-3", "wire-5"], first.TakeLast(5));
    }

    [Fact]
    public async Task The_built_command_line_run_as_a_process_finishes_and_reports_the_same()
    {
        var sitrep = Path.Combine(AppContext.BaseDirectory, "sitrep.dll");
        Assert.True(File.Exists(sitrep), $"{sitrep} not built");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { sitrep, "extract", directory.Root, "--format", "jsonl" }) start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A generous bound only to turn a hang into a failure; the run takes seconds.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("sitrep extract did not finish within 3 minutes");
        }

        Assert.Equal(1, process.ExitCode);
        // Same documents in the same order as the in-process run: the order is stable across runs.
        Assert.Equal(Ids(directory.Extracted.Output), Ids(await output));
        AssertErrors(await error);
    }

    private void AssertErrors(string error)
    {
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(directory.ExpectedErrors.Count + 1, lines.Length);
        Assert.Equal($"sitrep: {directory.ExpectedErrors.Count} problems reported above; {MixedInputDirectory.GoodIds.Count} documents written.", lines[^1]);
        foreach (var expected in directory.ExpectedErrors)
        {
            Assert.Contains(lines, line => line.StartsWith(expected, StringComparison.Ordinal));
        }
    }

    private static List<string> Ids(string output) =>
        [.. Documents(output).Select(d => d.GetProperty("document").GetProperty("id").GetString()!)];

    private static IEnumerable<JsonElement> Documents(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement);
}
