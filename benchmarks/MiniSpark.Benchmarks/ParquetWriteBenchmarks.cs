using BenchmarkDotNet.Attributes;

namespace MiniSpark.Benchmarks;

/// <summary>10M rows of a 7-column record written to Parquet (snappy): by the writer on one core, and by
/// <c>SaveAsParquet</c> at all slots (8 part files). DuckDB (2 threads) copying the same rows into a new file is printed
/// at cleanup. Rows/s = 10M / mean.</summary>
[MemoryDiagnoser]
public class ParquetWriteBenchmarks
{
    private ParquetBenchmarkData _data = null!;
    private SparkContext _sc = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = new ParquetBenchmarkData();
        _sc = new SparkContext("local[*]", "parquet-write-benchmark");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sc.Stop();
        Console.WriteLine($"// DuckDB copy of the same rows into a new file, median of 5 runs: {_data.DuckDbMedianMilliseconds("write"):F1} ms");
        _data.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Parquet write, 10M rows: MiniSpark writer, 1 core")]
    public long WriteFile()
    {
        string path = Path.Combine(_data.DirectoryPath, "written.parquet");
        ParquetBenchmarkData.WriteFile(path);
        return new FileInfo(path).Length;
    }

    [Benchmark(Description = "Parquet write, 10M rows: MiniSpark SaveAsParquet, all slots")]
    public long SaveAll()
    {
        string path = Path.Combine(_data.DirectoryPath, "saved");
        _sc.Range(0, ParquetBenchmarkData.Rows, 1, 8).Map(i => ParquetBenchmarkData.Row((int)i)).SaveAsParquet(path, SaveMode.Overwrite);
        return Directory.GetFiles(path).Length;
    }
}
