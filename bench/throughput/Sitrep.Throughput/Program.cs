using System.Globalization;
using Sitrep.Throughput;

// sitrep end-to-end throughput: generate a corpus, then run read -> extract -> JSON Lines on every core.
//   dotnet run -c Release --project bench/throughput/Sitrep.Throughput -- generate artifacts/bench/corpus.jsonl [MB]
//   dotnet run -c Release --project bench/throughput/Sitrep.Throughput -- run artifacts/bench/corpus.jsonl [--out FILE] [--window N] [--stages N]
//   dotnet run -c Release --project bench/throughput/Sitrep.Throughput -- scaling [--max-mb 8] [--kind repetitive|article] [--repeat 3]
return args switch
{
    ["generate", var path, ..] => ThroughputCommands.Generate(path, args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 24),
    ["run", var path, .. var rest] => ThroughputCommands.Run(path, rest),
    ["scaling", .. var rest] => ScalingCommand.Run(rest),
    _ => ThroughputCommands.Usage(),
};
