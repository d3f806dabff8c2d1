using System.Diagnostics;
using MiniSpark.Formats.Parquet.Writing;

namespace MiniSpark.Benchmarks;

/// <summary>The rows both Parquet benchmarks use (10M of a 7-column record), their file in a scratch directory, and
/// DuckDB (2 threads) timed on the same file from inside node, so its process start is not counted.</summary>
internal sealed class ParquetBenchmarkData : IDisposable
{
    public sealed record Sale(int Id, long Customer, double Amount, string? Region, DateTime At, bool Flag, decimal Price);

    public const int Rows = 10_000_000;

    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public ParquetBenchmarkData()
    {
        Directory.CreateDirectory(DirectoryPath);
        WriteFile(File);
    }

    public string DirectoryPath { get; } = Path.Combine(Path.GetTempPath(), "minispark-parquet-bench-" + Guid.NewGuid().ToString("N"));

    /// <summary>The rows, snappy, 16 MB row groups, written by one core.</summary>
    public string File => Path.Combine(DirectoryPath, "sales.parquet");

    public static Sale Row(int i) =>
        new(i, i % 100_003, i * 0.25, i % 11 == 0 ? null : $"region-{i % 50}", Start.AddSeconds(i), i % 3 == 0, (i % 10_000) / 100m);

    public static void WriteFile(string path)
    {
        using var stream = System.IO.File.Create(path);
        using var writer = new ParquetRecordWriter<Sale>(stream, new ParquetWriteOptions { RowGroupSize = 16L << 20 });
        for (int i = 0; i < Rows; i++) writer.Write(Row(i));
    }

    /// <summary>DuckDB's median of 5 runs over <see cref="File"/>: <c>read</c> scans every column, <c>write</c> copies the
    /// rows into a new snappy file (the scan included).</summary>
    public double DuckDbMedianMilliseconds(string mode)
    {
        string root = RepositoryRoot();
        string interop = Path.Combine(root, "tests", "interop");
        if (!Directory.Exists(Path.Combine(interop, "node_modules", "@duckdb")))
            Run("bash", $"\"{Path.Combine(root, "scripts", "install-parquet-test-deps.sh")}\"", root);
        string output = Run("node", $"bench-parquet.mjs \"{File}\" 5 {mode}", interop);
        double[] times = [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(double.Parse).Order()];
        return times[times.Length / 2];
    }

    public void Dispose() => Directory.Delete(DirectoryPath, recursive: true);

    private static string Run(string program, string arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{program} {arguments} exited with {process.ExitCode}");
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "MiniSpark.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("MiniSpark.sln not found above " + AppContext.BaseDirectory);
    }
}
