using BenchmarkDotNet.Running;
using MiniSpark.Benchmarks;

// dotnet run -c Release --project benchmarks/MiniSpark.Benchmarks -- --filter '*'
//     Each benchmark class measures MiniSpark beside LINQ and PLINQ on the same data with the same user code.
// dotnet run -c Release --project benchmarks/MiniSpark.Benchmarks -- chart [resultsDir] [out.svg]
//     Draws the latest results (BenchmarkDotNet.Artifacts/results/*-report.csv) as an SVG bar chart.
if (args.Length > 0 && args[0] == "chart")
{
    string results = args.Length > 1 ? args[1] : Path.Combine("BenchmarkDotNet.Artifacts", "results");
    string output = args.Length > 2 ? args[2] : Path.Combine("docs", "benchmarks.svg");
    BenchmarkChart.Write(results, output);
    Console.WriteLine($"Wrote {output}");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
