using MiniSpark.Tests.Support;

namespace MiniSpark.Tests.Sources;

/// <summary>Untyped rows (Parquet and Arrow of unknown shape) survive every storage level that serializes them, and
/// shuffles, with nested values intact.</summary>
public sealed class UntypedRowPersistenceTests
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (string file in (string[])["alltypes_plain.parquet", "nested_maps.snappy.parquet", "nulls.snappy.parquet", "nullable.impala.parquet", "list_columns.parquet"])
        {
            foreach (string level in (string[])["MemoryOnlySerialized", "DiskOnly", "MemoryAndDiskSerialized"]) cases.Add(file, level);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PersistedRows_ReadBackEqual(string file, string level)
    {
        using var sc = new SparkContext("local[2]", "untyped-persist");
        string path = Path.Combine(TestPaths.ParquetTesting, "data", file);
        string[] expected = Formatted(sc.ReadParquet(path).Collect());

        Rdd<IReadOnlyDictionary<string, object?>> persisted = sc.ReadParquet(path).Persist(Level(level));
        Assert.Equal(expected.Length, persisted.Count()); // the job that stores the blocks
        Assert.Equal(expected, Formatted(persisted.Collect())); // read back from the stored blocks
        Assert.All(sc.GetRddStorageInfo(), info => Assert.True(info.MemoryBytes + info.DiskBytes > 0));
    }

    [Fact]
    public void RowsCrossAShuffle_AndAKeyLookupStillIgnoresCase()
    {
        using var sc = new SparkContext("local[2]", "untyped-shuffle");
        string path = Path.Combine(TestPaths.ParquetTesting, "data", "alltypes_plain.parquet");
        IReadOnlyDictionary<string, object?>[] rows = sc.ReadParquet(path).Collect();

        var byBool = sc.ReadParquet(path).Map(r => ((bool)r["bool_col"]!, r)).GroupByKey(3).Persist(StorageLevel.DiskOnly).CollectAsMap();
        Assert.Equal(rows.Count(r => (bool)r["bool_col"]!), byBool[true].Count());
        IReadOnlyDictionary<string, object?> first = byBool[true].OrderBy(r => (int)r["id"]!).First();
        Assert.Equal(rows.Where(r => (bool)r["bool_col"]!).Min(r => (int)r["ID"]!), (int)first["ID"]!);
    }

    private static StorageLevel Level(string name) => name switch
    {
        "MemoryOnlySerialized" => StorageLevel.MemoryOnlySerialized,
        "DiskOnly" => StorageLevel.DiskOnly,
        _ => StorageLevel.MemoryAndDiskSerialized,
    };

    private static string[] Formatted(IReadOnlyDictionary<string, object?>[] rows) =>
        [.. rows.Select(r => string.Join(" | ", r.Select(p => $"{p.Key}={DuckDbText.Format(p.Value)}")))];
}
