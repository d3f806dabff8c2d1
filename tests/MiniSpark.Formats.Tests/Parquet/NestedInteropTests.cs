using System.Text.Json;
using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Tests.Support;

namespace MiniSpark.Tests.Parquet;

/// <summary>Nested columns DuckDB writes (structs, lists of structs and lists, maps, all nested in each other) with
/// pseudo-random data holding nulls at every level and empty lists and maps: read back equal to DuckDB's own reading.</summary>
public sealed class NestedInteropTests : IDisposable
{
    private const int Rows = 3000;

    // hash(i, salt) picks the shape of every value: deterministic, and varied enough to cover each case many times.
    private const string Query = """
        SELECT i::INTEGER AS id,
          CASE WHEN hash(i, 1) % 5 = 0 THEN NULL
               ELSE {'x': CASE WHEN hash(i, 2) % 4 = 0 THEN NULL ELSE (hash(i, 3) % 1000)::INTEGER - 500 END,
                     'y': CASE WHEN hash(i, 4) % 4 = 0 THEN NULL ELSE (hash(i, 5) % 100000) / 64.0 END::DOUBLE} END AS point,
          CASE WHEN hash(i, 6) % 6 = 0 THEN NULL
               ELSE list_transform(range((hash(i, 7) % 4)::BIGINT), lambda j: CASE WHEN hash(i, j, 8) % 5 = 0 THEN NULL ELSE (hash(i, j, 9) % 50)::INTEGER END) END AS numbers,
          CASE WHEN hash(i, 10) % 7 = 0 THEN NULL
               ELSE list_transform(range((hash(i, 11) % 4)::BIGINT), lambda j: CASE WHEN hash(i, j, 12) % 6 = 0 THEN NULL
                    ELSE {'name': CASE WHEN hash(i, j, 13) % 5 = 0 THEN NULL ELSE 'n' || (hash(i, j, 14) % 100) END,
                          'tags': CASE WHEN hash(i, j, 15) % 4 = 0 THEN NULL ELSE list_transform(range((hash(i, j, 16) % 3)::BIGINT), lambda k: 't' || k) END} END) END AS items,
          CASE WHEN hash(i, 20) % 7 = 0 THEN NULL
               ELSE list_transform(range((hash(i, 21) % 4)::BIGINT), lambda j: CASE WHEN hash(i, j, 22) % 5 = 0 THEN NULL
                    ELSE list_transform(range((hash(i, j, 23) % 3)::BIGINT), lambda k: CASE WHEN hash(i, j, k, 24) % 4 = 0 THEN NULL ELSE (hash(i, j, k, 25) % 9)::INTEGER END) END) END AS matrix,
          CASE WHEN hash(i, 30) % 6 = 0 THEN NULL
               ELSE map_from_entries(list_transform(range((hash(i, 31) % 4)::BIGINT), lambda j: {
                    'k': CASE hash(i, j, 32) % 5 WHEN 0 THEN '' WHEN 1 THEN 'a, b' WHEN 2 THEN 'null' ELSE 'k' END || j,
                    'v': CASE WHEN hash(i, j, 33) % 4 = 0 THEN NULL ELSE (hash(i, j, 34) % 70)::INTEGER END})) END AS scores,
          CASE WHEN hash(i, 40) % 5 = 0 THEN NULL
               ELSE {'label': CASE hash(i, 41) % 6 WHEN 0 THEN NULL WHEN 1 THEN 'it''s' WHEN 2 THEN ' pad' WHEN 3 THEN '{x}' ELSE 'l' || i END,
                     'attrs': CASE WHEN hash(i, 42) % 4 = 0 THEN NULL
                                   ELSE map_from_entries(list_transform(range((hash(i, 43) % 3)::BIGINT), lambda j: {'k': 'a' || j, 'v': (hash(i, j, 44) % 1000) / 8.0})) END,
                     'inner': CASE WHEN hash(i, 45) % 4 = 0 THEN NULL
                                   ELSE {'z': CASE WHEN hash(i, 46) % 3 = 0 THEN NULL ELSE (hash(i, 47) % 100000)::BIGINT * 1000003 END,
                                         'at': TIMESTAMP '2020-01-01 00:00:00' + (hash(i, 48) % 100000000)::BIGINT * INTERVAL 1 MILLISECOND,
                                         'price': ((hash(i, 49) % 100000) / 100.0)::DECIMAL(9,2)} END,
                     'days': CASE WHEN hash(i, 50) % 4 = 0 THEN NULL
                                  ELSE list_transform(range((hash(i, 51) % 3)::BIGINT), lambda j: DATE '2000-01-01' + (hash(i, j, 52) % 5000)::INTEGER) END} END AS profile,
          CASE WHEN hash(i, 60) % 6 = 0 THEN NULL
               ELSE list_transform(range((hash(i, 61) % 3)::BIGINT), lambda j: CASE WHEN hash(i, j, 62) % 4 = 0 THEN NULL
                    ELSE map_from_entries(list_transform(range((hash(i, j, 63) % 3)::BIGINT), lambda k: {
                         'k': (k * 10 + hash(i, j, 64) % 10)::INTEGER, 'v': CASE WHEN hash(i, j, k, 65) % 3 = 0 THEN NULL ELSE ['x' || k] END})) END) END AS layers
        FROM range(3000) t(i)
        """;

    private static readonly string[] Columns = ["point", "numbers", "items", "matrix", "scores", "profile", "layers"];

    private readonly string _directory = Directory.CreateTempSubdirectory("minispark-parquet-nested-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public sealed record Point(int? X, double? Y);

    public sealed class Item
    {
        public string? Name { get; init; }
        public List<string>? Tags { get; init; }
    }

    public sealed record Inner(long? Z, DateTime At, decimal Price);

    public sealed record Profile(string? Label, Dictionary<string, double>? Attrs, Inner? Inner, DateOnly[]? Days);

    public sealed record NestedRow(
        int Id, Point? Point, List<int?>? Numbers, Item?[]? Items, IReadOnlyList<List<int?>?>? Matrix,
        IReadOnlyDictionary<string, int?>? Scores, Profile? Profile, List<Dictionary<int, string[]?>?>? Layers);

    [Theory]
    [InlineData("uncompressed", null)]
    [InlineData("snappy", null)]
    [InlineData("gzip", "V2")]
    [InlineData("snappy", "V2")]
    public void DuckDbNestedFile_ReadUntyped_EqualsDuckDbsReading(string compression, string? version)
    {
        string file = Write(compression, version);
        List<IReadOnlyDictionary<string, object?>> rows = ReadUntyped(file);
        List<JsonElement> expected = DuckDb.Read(file, "id, " + string.Join(", ", Columns.Select(c => $"{c}::VARCHAR AS {c}")));

        Assert.Equal(Rows, rows.Count);
        Assert.Equal(Rows, expected.Count);
        for (int i = 0; i < Rows; i++)
        {
            Assert.Equal(i, rows[i]["id"]);
            foreach (string column in Columns)
            {
                JsonElement text = expected[i].GetProperty(column);
                string? mismatch = DuckDbText.Mismatch(rows[i][column], text.ValueKind == JsonValueKind.Null ? null : text.GetString());
                Assert.True(mismatch is null, $"row {i}, column {column}: {mismatch}");
            }
        }
        AssertEveryLevelHasNullsAndEmpties(rows);
    }

    [Fact]
    public void DuckDbNestedFile_UntypedValues_HaveTheDocumentedTypes()
    {
        List<IReadOnlyDictionary<string, object?>> rows = ReadUntyped(Write("snappy", null));
        IReadOnlyDictionary<string, object?> row = rows.First(r => r.Values.All(v => v is not null));

        var point = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(row["point"]);
        Assert.Equal(["x", "y"], point.Keys);
        Assert.IsType<int?[]>(row["numbers"]);
        Assert.IsType<IReadOnlyDictionary<string, object?>[]>(row["items"]);
        Assert.IsType<int?[][]>(row["matrix"]);
        Assert.IsType<Dictionary<string, int?>>(row["scores"]);
        var profile = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(row["profile"]);
        Assert.Equal(["label", "attrs", "inner", "days"], profile.Keys);
        Assert.IsType<IReadOnlyDictionary<int, string?[]>[]>(row["layers"]);
    }

    [Theory]
    [InlineData("uncompressed", null)]
    [InlineData("snappy", "V2")]
    public void DuckDbNestedFile_ReadTyped_EqualsTheUntypedRead(string compression, string? version)
    {
        string file = Write(compression, version);
        List<IReadOnlyDictionary<string, object?>> untyped = ReadUntyped(file);
        using ParquetFileReader reader = ParquetFileReader.Open(file);
        List<NestedRow> typed = [.. new ParquetRecordReader<NestedRow>(reader).ReadAll()];

        Assert.Equal(Rows, typed.Count);
        for (int i = 0; i < Rows; i++) NestedValues.AssertSame(untyped[i], typed[i], $"row {i}");
        Assert.Contains(typed, r => r.Point is { X: null });
        Assert.Contains(typed, r => r.Items?.Any(item => item is { Tags.Count: 0 }) == true);
        Assert.Contains(typed, r => r.Profile?.Inner is { Z: long z } && z > int.MaxValue);
    }

    private string Write(string compression, string? version)
    {
        string file = Path.Combine(_directory, $"nested-{compression}-{version}.parquet");
        if (!File.Exists(file)) DuckDb.Write(file, compression, Query, rowGroupSize: 1000, parquetVersion: version);
        return file;
    }

    private static List<IReadOnlyDictionary<string, object?>> ReadUntyped(string file)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(file);
        Assert.True(reader.RowGroups.Count >= 2, "several row groups, so assembly restarts at row group boundaries");
        return [.. new ParquetRowReader(reader).ReadAll()];
    }

    // The data must exercise what the reader distinguishes, or the comparison above proves little.
    private static void AssertEveryLevelHasNullsAndEmpties(List<IReadOnlyDictionary<string, object?>> rows)
    {
        Assert.Contains(rows, r => r["point"] is null);
        Assert.Contains(rows, r => r["point"] is IReadOnlyDictionary<string, object?> p && p["x"] is null);
        Assert.Contains(rows, r => r["items"] is null);
        Assert.Contains(rows, r => r["items"] is object?[] { Length: 0 });
        Assert.Contains(rows, r => r["items"] is object?[] items && items.Contains(null));
        Assert.Contains(rows, r => r["items"] is object?[] items && items.Any(e => e is IReadOnlyDictionary<string, object?> { } item && item["tags"] is null));
        Assert.Contains(rows, r => r["matrix"] is int?[][] m && m.Any(inner => inner is null));
        Assert.Contains(rows, r => r["matrix"] is int?[][] m && m.Any(inner => inner is { Length: 0 }));
        Assert.Contains(rows, r => r["matrix"] is int?[][] m && m.Any(inner => inner?.Contains(null) == true));
        Assert.Contains(rows, r => r["scores"] is null);
        Assert.Contains(rows, r => r["scores"] is IReadOnlyDictionary<string, int?> { Count: 0 });
        Assert.Contains(rows, r => r["scores"] is IReadOnlyDictionary<string, int?> s && s.Values.Contains(null));
        Assert.Contains(rows, r => r["profile"] is IReadOnlyDictionary<string, object?> p && p["inner"] is null);
        Assert.Contains(rows, r => r["layers"] is object?[] layers && layers.Contains(null));
    }
}
