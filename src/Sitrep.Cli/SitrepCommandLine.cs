using System.CommandLine;
using Sitrep.Cli.Commands;

namespace Sitrep.Cli;

/// <summary>The command tree, and the one place that turns failures into exit codes and plain messages.</summary>
public static class SitrepCommandLine
{
    public const int Success = 0;
    public const int SomeInputsFailed = 1;
    public const int UsageError = 2;

    /// <param name="standardInput">Opens what "-" reads; the console's standard input when null (tests pass their own).</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<Stream>? standardInput = null)
    {
        var root = new RootCommand("Sitrep turns news articles into structured, source-attributed conflict events.\nStart with 'sitrep extract --help'.")
        {
            ExtractCommand.Create(output, error, standardInput),
            IncidentsCommand.Create(output, error, standardInput),
            EvalCommand.Create(output, error),
            IngestCommand.Create(output, error, standardInput),
            ServeCommand.Create(output, error),
            ExportCommand.Create(output, error),
            MigrateCommand.Create(output, error),
            DemoCommand.Create(output, error),
            WatchCommand.Create(output, error),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors) error.WriteLine($"sitrep: {problem.Message}");
            error.WriteLine("Run 'sitrep --help' or 'sitrep COMMAND --help' for usage.");
            return UsageError;
        }

        try
        {
            // On SIGTERM or Ctrl+C the command's token is cancelled; a command then has this long to finish what it has
            // under way (watch: the polls in progress) before the process ends anyway.
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(60) });
        }
        catch (UsageException e)
        {
            error.WriteLine($"sitrep: {e.Message}");
            return UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Users get the reason, never a stack trace.
            error.WriteLine($"sitrep: {e.Message}");
            return SomeInputsFailed;
        }
        catch (Exception e)
        {
            // A bug of ours: say so plainly; the details are for a developer who sets SITREP_DEBUG.
            error.WriteLine($"sitrep: internal error: {e.Message}");
            if (Environment.GetEnvironmentVariable("SITREP_DEBUG") is not null) error.WriteLine(e);
            return SomeInputsFailed;
        }
    }
}

/// <summary>A command-line value that parsed but makes no sense (a bad date, an unknown language).</summary>
public sealed class UsageException(string message) : Exception(message);
