using Sitrep.Cli;

return SitrepCommandLine.Run(args, Console.Out, Console.Error);
