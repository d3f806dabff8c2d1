using MiniSpark.Formats.Arrow.Mapping;
using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Formats.Parquet.Writing;

namespace MiniSpark.Tests.Sources;

/// <summary>Parquet and Arrow files read as datasets: partitions per row group or batch, column projection, pruning.</summary>
public sealed class ReadDatasetTests : IDisposable
{
    public sealed record Sale(int Id, string? Region, double Amount, DateOnly Day);

    public sealed record SaleRegion(string? Region);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "minispark-read-" + Guid.NewGuid().ToString("N"));

    public ReadDatasetTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Sale[] Sales(int count, int offset = 0) =>
        [.. Enumerable.Range(offset, count).Select(i => new Sale(i, i % 7 == 0 ? null : $"region-{i % 5}", i * 1.5, new DateOnly(2026, 1, 1).AddDays(i % 300)))];

    private string WriteParquet(string name, Sale[] sales, int rowsPerGroup)
    {
        string path = Path.Combine(_dir, name);
        using var stream = File.Create(path);
        using var writer = new ParquetRecordWriter<Sale>(stream, new ParquetWriteOptions { RowGroupSize = rowsPerGroup * 24L, PageRowLimit = 500 });
        writer.WriteAll(sales);
        return path;
    }

    [Fact]
    public void ReadParquet_ManyRowGroups_ReadsInParallel_AndMatches()
    {
        Sale[] sales = Sales(20_000);
        string path = WriteParquet("sales.parquet", sales, rowsPerGroup: 2000);
        using var sc = new SparkContext(new SparkConf().SetMaster("local[2]").Set(ConfigKeys.FilesMaxPartitionBytes, "1k"));
        Rdd<Sale> rdd = sc.ReadParquet<Sale>(path);
        Assert.True(rdd.NumPartitions >= 5, $"{rdd.NumPartitions} partitions");
        Assert.Equal(sales, rdd.Collect());
        Assert.Equal(sales.Sum(s => s.Amount), rdd.Map(s => s.Amount).Sum(), 6);
    }

    [Theory]
    [InlineData("local[2]", "1m")]
    [InlineData("local[3]", "1m")]
    [InlineData("local[2]", "10k")]
    public void ReadParquet_RowGroupsSpreadEvenlyOverASlotMultipleOfPartitions(string master, string maxPartitionBytes)
    {
        Sale[] sales = Sales(34_000);
        string path = WriteParquet("even.parquet", sales, rowsPerGroup: 1000);
        using var sc = new SparkContext(new SparkConf().SetMaster(master).Set(ConfigKeys.FilesMaxPartitionBytes, maxPartitionBytes));
        Rdd<Sale> rdd = sc.ReadParquet<Sale>(path);
        int[] rowsPerPartition = [.. rdd.Glom().Collect().Select(p => p.Length)];

        string shape = $"partitions of {string.Join(", ", rowsPerPartition)} rows";
        using (ParquetFileReader file = ParquetFileReader.Open(path))
        {
            long[] groupRows = [.. file.RowGroups.Select(g => g.RowCount)];
            Assert.True(groupRows.Length > 20);
            // Row groups as small as the limit allows give one partition each; otherwise a multiple of the slots.
            if (rowsPerPartition.Max() > groupRows.Max()) Assert.True(rowsPerPartition.Length % sc.DefaultParallelism == 0, shape);
            else Assert.Equal(groupRows.Length, rowsPerPartition.Length);
            Assert.True(rowsPerPartition.Max() <= 34_000 / rowsPerPartition.Length + groupRows.Max(), shape + ": one exceeds an equal share by more than a row group");
        }
        Assert.Equal(sales, rdd.Collect());
    }

    [Fact]
    public void ReadParquet_Directory_Projection_AndUntypedRows()
    {
        WriteParquet("part-00000.parquet", Sales(300), 100);
        WriteParquet("part-00001.parquet", Sales(200, 300), 100);
        File.WriteAllText(Path.Combine(_dir, "_SUCCESS"), "");
        using var sc = new SparkContext("local[2]", "read-parquet-dir");
        string?[] regions = sc.ReadParquet<SaleRegion>(_dir).Map(r => r.Region).Collect();
        Assert.Equal(Sales(300).Concat(Sales(200, 300)).Select(s => s.Region), regions);

        IReadOnlyDictionary<string, object?>[] rows = sc.ReadParquet(_dir).Collect();
        Assert.Equal(500, rows.Length);
        Assert.Equal(7, rows[7]["Id"]);
        Assert.Null(rows[7]["Region"]);
    }

    [Fact]
    public void ReadParquet_Predicate_SkipsRowGroupsByStatistics()
    {
        Sale[] sales = Sales(10_000);
        string path = WriteParquet("pruned.parquet", sales, rowsPerGroup: 1000);
        using var sc = new SparkContext("local[2]", "read-parquet-pruned");
        Sale[] all = sc.ReadParquet<Sale>(path).Collect();
        Sale[] pruned = sc.ReadParquet<Sale>(path, ParquetPredicate.GreaterThanOrEqual("Id", 9500)).Collect();
        Assert.Equal(sales, all);
        Assert.True(pruned.Length < all.Length, "row groups ruled out by statistics are not read");
        Assert.Contains(pruned, s => s.Id == 9999);
        Assert.Equal(sales.Where(s => s.Id >= 9500), pruned.Where(s => s.Id >= 9500));
    }

    [Fact]
    public void ReadParquet_MissingPath_FailsAtDefinition()
    {
        using var sc = new SparkContext("local[2]", "read-parquet-missing");
        string missing = Path.Combine(_dir, "nope.parquet");
        Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => sc.ReadParquet<Sale>(missing)).Message);
    }

    [Fact]
    public void ReadArrow_FileAndStream_TypedAndUntyped()
    {
        Sale[] sales = Sales(5000);
        string file = Path.Combine(_dir, "sales.arrow");
        ArrowRecordWriter<Sale>.WriteFile(file, sales, new ArrowWriteOptions { BatchSize = 700 });
        string stream = Path.Combine(_dir, "sales.arrows");
        using (var output = File.Create(stream))
        using (var writer = new ArrowRecordWriter<Sale>(output, new ArrowWriteOptions { BatchSize = 700, Format = Formats.Arrow.Ipc.ArrowIpcFormat.Stream }))
        {
            foreach (Sale sale in sales) writer.Write(sale);
            writer.Finish();
        }
        using var sc = new SparkContext("local[2]", "read-arrow");
        Assert.Equal(sales, sc.ReadArrow<Sale>(file).Collect());
        Assert.Equal(sales, sc.ReadArrow<Sale>(stream).Collect());
        Assert.Equal(1, sc.ReadArrow<Sale>(stream).NumPartitions);
        Assert.Equal(5000, sc.ReadArrow(file).Count());
        Assert.Equal("region-1", sc.ReadArrow(file).Filter(r => (int)r["Id"]! == 1).First()["Region"]);
    }
}

public sealed class ColumnarSinkTests : IDisposable
{
    public sealed record Reading(int Sensor, double? Value, string Site, DateTime At, decimal Calibration);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "minispark-sinks-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static Reading[] Readings(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Reading(i % 40, i % 9 == 0 ? null : i * 0.5, $"site-{i % 3}",
            new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i), (i % 1000) / 100m))];

    [Fact]
    public void SaveAsParquet_RoundTrips_ThroughTheCommitProtocol()
    {
        using var sc = new SparkContext("local[2]", "save-parquet");
        Reading[] readings = Readings(3000);
        string path = Path.Combine(_dir, "parquet");
        sc.Parallelize(readings, 3).SaveAsParquet(path);
        Assert.Equal(["_SUCCESS", "part-00000.parquet", "part-00001.parquet", "part-00002.parquet"],
            Directory.GetFiles(path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(readings, sc.ReadParquet<Reading>(path).Collect());
        Assert.Throws<IOException>(() => sc.Parallelize(readings, 1).SaveAsParquet(path));
        sc.Parallelize(readings.Take(10), 1).SaveAsParquet(path, SaveMode.Overwrite, new ParquetWriteOptions { Compression = ParquetCompression.Gzip });
        Assert.Equal(readings.Take(10), sc.ReadParquet<Reading>(path).Collect());
    }

    [Fact]
    public void SaveAsArrow_RoundTrips()
    {
        using var sc = new SparkContext("local[2]", "save-arrow");
        Reading[] readings = Readings(2000);
        string path = Path.Combine(_dir, "arrow");
        sc.Parallelize(readings, 2).SaveAsArrow(path);
        Assert.Equal(readings, sc.ReadArrow<Reading>(path).Collect());
    }

    [Fact]
    public void FailedSave_PublishesNothing()
    {
        using var sc = new SparkContext("local[2]", "save-parquet-failed");
        string path = Path.Combine(_dir, "failed");
        Assert.Throws<SparkJobException>(() => sc.Parallelize(Readings(100), 4)
            .Map(r => r.Sensor == 39 ? throw new InvalidOperationException("boom") : r).SaveAsParquet(path));
        Assert.False(Directory.Exists(path) && Directory.EnumerateFiles(path, "part-*").Any());
    }
}
