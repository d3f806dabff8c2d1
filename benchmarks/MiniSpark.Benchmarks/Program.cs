using BenchmarkDotNet.Running;
using MiniSpark.Benchmarks;

// dotnet run -c Release --project benchmarks/MiniSpark.Benchmarks -- --filter '*'
//     Each benchmark class measures MiniSpark beside LINQ and PLINQ on the same data with the same user code.
// dotnet run -c Release --project benchmarks/MiniSpark.Benchmarks -- chart [resultsDir] [out.svg]
//     Draws the latest results (BenchmarkDotNet.Artifacts/results/*-report.csv) as an SVG bar chart.
// dotnet run -c Release --project benchmarks/MiniSpark.Benchmarks -- --paired-observability [pairs]
//     Measures the web UI's and the event log's cost on the word count in interleaved pairs (see PairedOverhead);
//     "-- --paired-observability 40 control" runs the same with both sides off (an A/A control).
// dotnet run -c Release --project benchmarks/MiniSpark.Benchmarks -- --paired-word-count [pairs]
//     Word count, MiniSpark against the expert's PLINQ, in interleaved pairs (see PairedWordCount).
// dotnet run -c Release --project benchmarks/MiniSpark.Benchmarks -- --large-corpus [megabytes] [runs]
//     Word count over a 200 MB file on every side, with a hand-tuned floor (see LargeCorpusWordCount).
if (args.Length > 0 && args[0] == "chart")
{
    string results = args.Length > 1 ? args[1] : Path.Combine("BenchmarkDotNet.Artifacts", "results");
    string output = args.Length > 2 ? args[2] : Path.Combine("docs", "benchmarks.svg");
    BenchmarkChart.Write(results, output);
    Console.WriteLine($"Wrote {output}");
    return;
}
if (args.Length > 0 && args[0] == "--paired-observability")
{
    PairedOverhead.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30,
        control: args.Length > 2 && args[2] == "control");
    return;
}
if (args.Length > 0 && args[0] == "--paired-word-count")
{
    PairedWordCount.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30);
    return;
}
if (args.Length > 0 && args[0] == "--large-corpus")
{
    LargeCorpusWordCount.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}
// BenchmarkDotNet runs each benchmark in a child process that inherits the environment but not this project's runtime
// settings: pass on the GC mode (server, non-concurrent, DATAS off) that every side is measured with.
Environment.SetEnvironmentVariable("DOTNET_GCDynamicAdaptationMode", "0");
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
