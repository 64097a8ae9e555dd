using Sitrep.Cli;

namespace Sitrep.Tests.Support;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static Outcome Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SitrepCommandLine.Run(args, output, error);
        return new Outcome(code, output.ToString(), error.ToString());
    }
}
