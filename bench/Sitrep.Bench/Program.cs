using BenchmarkDotNet.Running;

// Every benchmark class of this assembly; pick with --filter, e.g. --filter '*Text*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
