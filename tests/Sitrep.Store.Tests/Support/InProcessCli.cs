using Sitrep.Cli;

namespace Sitrep.Store.Tests.Support;

/// <summary>Runs a <c>sitrep</c> command in this process, as a user would type it, and keeps what it wrote to each stream.</summary>
public static class InProcessCli
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SitrepCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
