using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Formats.Parquet.Writing;

namespace MiniSpark.Benchmarks;

/// <summary>10M rows of a 7-column record written to and read from Parquet (snappy): written by one core and by all slots
/// (<c>SaveAsParquet</c>), read at one slot and all slots beside LINQ and PLINQ over the same reader, and beside the same
/// rows read from CSV. DuckDB (2 threads) scans the same Parquet
/// file, and copies its rows into a new Parquet file, in the same run: its median times are printed at cleanup, from
/// inside DuckDB (process start not counted). Rows/s = 10M / mean.</summary>
[MemoryDiagnoser]
public class ParquetBenchmarks
{
    public sealed record Sale(int Id, long Customer, double Amount, string? Region, DateTime At, bool Flag, decimal Price);

    private const int Rows = 10_000_000;
    private string _directory = "";
    private string _file = "";
    private string _csv = "";
    private SparkContext _sc = null!;
    private SparkContext _one = null!;

    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    internal static IEnumerable<Sale> Generate(int rows)
    {
        for (int i = 0; i < rows; i++) yield return Row(i);
    }

    private static Sale Row(int i) =>
        new(i, i % 100_003, i * 0.25, i % 11 == 0 ? null : $"region-{i % 50}", Start.AddSeconds(i), i % 3 == 0, (i % 10_000) / 100m);

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "minispark-parquet-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _file = Path.Combine(_directory, "sales.parquet");
        Write(_file);
        _sc = new SparkContext("local[*]", "parquet-benchmark");
        _one = new SparkContext("local[1]", "parquet-benchmark-1");
        _csv = Path.Combine(_directory, "sales-csv");
        _sc.Range(0, Rows, 1, 8).Map(i => Row((int)i)).SaveAsCsv(_csv);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sc.Stop();
        _one.Stop();
        Console.WriteLine($"// DuckDB scan of the same file, median of 5 runs: {DuckDbMedianMilliseconds(_file, "read"):F1} ms");
        Console.WriteLine($"// DuckDB copy of the same rows into a new file, median of 5 runs: {DuckDbMedianMilliseconds(_file, "write"):F1} ms");
        Directory.Delete(_directory, recursive: true);
    }

    private static void Write(string path)
    {
        using var stream = File.Create(path);
        using var writer = new ParquetRecordWriter<Sale>(stream, new ParquetWriteOptions { RowGroupSize = 16L << 20 });
        writer.WriteAll(Generate(Rows));
    }

    [Benchmark(Description = "Parquet write, 10M rows (1 core)")]
    public long WriteFile()
    {
        string path = Path.Combine(_directory, "written.parquet");
        Write(path);
        return new FileInfo(path).Length;
    }

    [Benchmark(Description = "Parquet write, 10M rows: MiniSpark SaveAsParquet, all slots")]
    public long SaveAll()
    {
        string path = Path.Combine(_directory, "saved");
        _sc.Range(0, Rows, 1, 8).Map(i => Row((int)i)).SaveAsParquet(path, SaveMode.Overwrite);
        return Directory.GetFiles(path).Length;
    }

    // The baselines read with the same decoder, without the engine: one thread (LINQ over the records), and PLINQ over
    // the row groups, which is what a hand-rolled parallel read would do.
    [Benchmark(Description = "Parquet read, 10M rows: LINQ over the reader (1 thread)")]
    public long ReadLinq()
    {
        using ParquetFileReader file = ParquetFileReader.Open(_file);
        return new ParquetRecordReader<Sale>(file).ReadAll().LongCount();
    }

    [Benchmark(Description = "Parquet read, 10M rows: PLINQ over the row groups")]
    public long ReadPlinq()
    {
        using ParquetFileReader file = ParquetFileReader.Open(_file);
        var reader = new ParquetRecordReader<Sale>(file);
        return Enumerable.Range(0, file.RowGroups.Count).AsParallel().SelectMany(reader.ReadRowGroup).LongCount();
    }

    [Benchmark(Description = "Parquet read, 10M rows: MiniSpark ReadParquet, 1 slot")]
    public long ReadOneSlot() => _one.ReadParquet<Sale>(_file).Count();

    [Benchmark(Description = "Parquet read, 10M rows: MiniSpark ReadParquet, all slots")]
    public long Read() => _sc.ReadParquet<Sale>(_file).Count();

    [Benchmark(Description = "CSV read, 10M rows: MiniSpark ReadCsv, all slots")]
    public long ReadCsv() => _sc.ReadCsv<Sale>(_csv).Count();

    private static double DuckDbMedianMilliseconds(string file, string mode)
    {
        string root = RepositoryRoot();
        string interop = Path.Combine(root, "tests", "interop");
        if (!Directory.Exists(Path.Combine(interop, "node_modules", "@duckdb")))
            Run("bash", $"\"{Path.Combine(root, "scripts", "install-parquet-test-deps.sh")}\"", root);
        string output = Run("node", $"bench-parquet.mjs \"{file}\" 5 {mode}", interop);
        double[] times = [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(double.Parse).Order()];
        return times[times.Length / 2];
    }

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
            if (File.Exists(Path.Combine(dir.FullName, "MiniSpark.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("MiniSpark.sln not found above " + AppContext.BaseDirectory);
    }
}
