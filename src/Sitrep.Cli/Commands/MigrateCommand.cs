using System.CommandLine;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep migrate</c>: brings a database to this program's schema. Ingest does the same on its way;
/// serve and export never write, so a database from an older sitrep is upgraded here first.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        _ = error;
        var store = new StoreOptions();
        var command = new Command("migrate", "Create a database or upgrade its schema to this program's version (serve and export never change it).")
        {
            store.Database, store.Postgres,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var events = await store.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            output.WriteLine($"{events.Description}: schema up to date.");
            return SitrepCommandLine.Success;
        });
        return command;
    }
}
