using BenchmarkDotNet.Attributes;
using MiniSpark.Formats.Parquet.Reading;
using Sale = MiniSpark.Benchmarks.ParquetBenchmarkData.Sale;

namespace MiniSpark.Benchmarks;

/// <summary>10M rows of a 7-column record read from Parquet (snappy, 16 MB row groups) as typed records: MiniSpark at one
/// slot and all slots, beside LINQ and PLINQ over the same reader without the engine, and beside the same rows read from
/// CSV. DuckDB (2 threads) scanning every column of the same file is printed at cleanup. Rows/s = 10M / mean.</summary>
[MemoryDiagnoser]
public class ParquetReadBenchmarks
{
    private ParquetBenchmarkData _data = null!;
    private string _csv = "";
    private SparkContext _sc = null!;
    private SparkContext _one = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = new ParquetBenchmarkData();
        _sc = new SparkContext("local[*]", "parquet-read-benchmark");
        _one = new SparkContext("local[1]", "parquet-read-benchmark-1");
        _csv = Path.Combine(_data.DirectoryPath, "sales-csv");
        _sc.Range(0, ParquetBenchmarkData.Rows, 1, 8).Map(i => ParquetBenchmarkData.Row((int)i)).SaveAsCsv(_csv);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sc.Stop();
        _one.Stop();
        Console.WriteLine($"// DuckDB scan of the same file, median of 5 runs: {_data.DuckDbMedianMilliseconds("read"):F1} ms");
        _data.Dispose();
    }

    // The baselines read with the same decoder, without the engine: one thread (LINQ over the records), and PLINQ over
    // the row groups, which is what a hand-rolled parallel read would do.
    [Benchmark(Baseline = true, Description = "Parquet read, 10M rows: LINQ over the reader (1 thread)")]
    public long ReadLinq()
    {
        using ParquetFileReader file = ParquetFileReader.Open(_data.File);
        return new ParquetRecordReader<Sale>(file).ReadAll().LongCount();
    }

    [Benchmark(Description = "Parquet read, 10M rows: PLINQ over the row groups")]
    public long ReadPlinq()
    {
        using ParquetFileReader file = ParquetFileReader.Open(_data.File);
        var reader = new ParquetRecordReader<Sale>(file);
        return Enumerable.Range(0, file.RowGroups.Count).AsParallel().SelectMany(reader.ReadRowGroup).LongCount();
    }

    [Benchmark(Description = "Parquet read, 10M rows: MiniSpark ReadParquet, 1 slot")]
    public long ReadOneSlot() => _one.ReadParquet<Sale>(_data.File).Count();

    [Benchmark(Description = "Parquet read, 10M rows: MiniSpark ReadParquet, all slots")]
    public long Read() => _sc.ReadParquet<Sale>(_data.File).Count();

    [Benchmark(Description = "CSV read, 10M rows: MiniSpark ReadCsv, all slots")]
    public long ReadCsv() => _sc.ReadCsv<Sale>(_csv).Count();
}
