using System.Diagnostics;

namespace Sitrep.Store.Tests.Support;

/// <summary>
/// Runs the real <c>sitrep</c> (the CLI assembly beside the tests) as a separate process, to see what a
/// user's terminal sees (logs included). <see cref="AsUnprivileged"/> runs it as a user for whom file
/// modes hold: root ignores them, so a test of a read-only file run by root would prove nothing.
/// </summary>
public static class SitrepProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    private static string Assembly => Path.Combine(AppContext.BaseDirectory, "sitrep.dll");

    public static bool IsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";

    /// <summary>As root: the same command as the user "nobody" through runuser; otherwise the current user is already bound by modes.</summary>
    public static ProcessStartInfo AsUnprivileged(params string[] args)
    {
        var start = IsRoot ? Start("runuser", ["-u", "nobody", "--", DotnetHost(), Assembly, .. args]) : Start(DotnetHost(), [Assembly, .. args]);
        // nobody has no home; the runtime needs none, but keep it from looking.
        start.Environment["HOME"] = Path.GetTempPath();
        return start;
    }

    public static ProcessStartInfo AsCurrentUser(params string[] args) => Start(DotnetHost(), [Assembly, .. args]);

    public static Outcome Run(ProcessStartInfo start, TimeSpan? timeout = null)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sitrep {string.Join(' ', start.ArgumentList)} did not finish");
        }
        return new Outcome(process.ExitCode, output.Result, error.Result);
    }

    private static ProcessStartInfo Start(string file, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }

    /// <summary>The dotnet host running these tests (so a machine with several SDKs uses the same runtime).</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
