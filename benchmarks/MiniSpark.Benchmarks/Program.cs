using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/MiniSpark.Benchmarks -- --filter '*'
// Each benchmark class measures MiniSpark beside LINQ and PLINQ on the same data with the same user code.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
