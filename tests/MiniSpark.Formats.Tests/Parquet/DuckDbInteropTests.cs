using System.Globalization;
using System.Text.Json;
using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Tests.Support;
using static MiniSpark.Tests.Parquet.RoundTripTests;

namespace MiniSpark.Tests.Parquet;

/// <summary>Files we write, read by DuckDB; files DuckDB writes, read by us. DuckDB comes from tests/interop (npm).</summary>
public sealed class DuckDbInteropTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("minispark-parquet-interop-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(ParquetCompression.None)]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Gzip)]
    [InlineData(ParquetCompression.Zstd)]
    public void OurFiles_ReadByDuckDb(ParquetCompression compression)
    {
        List<AllTypes> rows = Sample(2500);
        string file = Path.Combine(_directory, $"ours-{compression}.parquet");
        File.WriteAllBytes(file, Write(rows, new ParquetWriteOptions { Compression = compression, RowGroupSize = 64 * 1024, PageSize = 8192 }));
        string codec = compression == ParquetCompression.None ? "UNCOMPRESSED" : compression.ToString().ToUpperInvariant();
        Assert.All(DuckDb.Read(file, "compression", metadata: true), chunk => Assert.Equal(codec, chunk.GetProperty("compression").GetString()));

        List<JsonElement> read = DuckDb.Read(file,
            "Id, Big::VARCHAR AS Big, Ratio::DOUBLE AS Ratio, Score, Flag, Name, hex(Blob) AS Blob, epoch_us(\"At\")::VARCHAR AS \"At\", Day::VARCHAR AS Day, " +
            "Price::VARCHAR AS Price, MaybeId, MaybeScore, epoch_us(MaybeAt)::VARCHAR AS MaybeAt, MaybePrice::VARCHAR AS MaybePrice, MaybeFlag, " +
            "typeof(Price) AS PriceType, typeof(\"At\") AS AtType");

        Assert.Equal(rows.Count, read.Count);
        Assert.Equal("DECIMAL(38,18)", read[0].GetProperty("PriceType").GetString());
        Assert.Equal("TIMESTAMP WITH TIME ZONE", read[0].GetProperty("AtType").GetString());
        for (int i = 0; i < rows.Count; i++)
        {
            AllTypes expected = rows[i];
            JsonElement actual = read[i];
            Assert.Equal(expected.Id, actual.GetProperty("Id").GetInt32());
            Assert.Equal(expected.Big.ToString(CultureInfo.InvariantCulture), actual.GetProperty("Big").GetString());
            Assert.Equal((double)expected.Ratio, actual.GetProperty("Ratio").GetDouble());
            Assert.Equal(expected.Score, actual.GetProperty("Score").GetDouble());
            Assert.Equal(expected.Flag, actual.GetProperty("Flag").GetBoolean());
            Assert.Equal(expected.Name, actual.GetProperty("Name").GetString());
            Assert.Equal(expected.Blob is null ? null : Convert.ToHexString(expected.Blob), actual.GetProperty("Blob").GetString());
            Assert.Equal(Micros(expected.At), actual.GetProperty("At").GetString());
            Assert.Equal(expected.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), actual.GetProperty("Day").GetString());
            Assert.Equal(expected.Price.ToString("F18", CultureInfo.InvariantCulture), actual.GetProperty("Price").GetString());
            Assert.Equal(expected.MaybeId, Nullable(actual.GetProperty("MaybeId"), e => e.GetInt32()));
            Assert.Equal(expected.MaybeScore, Nullable(actual.GetProperty("MaybeScore"), e => e.GetDouble()));
            Assert.Equal(expected.MaybeAt is DateTime at ? Micros(at) : null, actual.GetProperty("MaybeAt").GetString());
            Assert.Equal(expected.MaybePrice?.ToString("F18", CultureInfo.InvariantCulture), actual.GetProperty("MaybePrice").GetString());
            Assert.Equal(expected.MaybeFlag, Nullable(actual.GetProperty("MaybeFlag"), e => e.GetBoolean()));
        }
    }

    [Fact]
    public void EmptyFile_ReadsAsNoRowsEverywhere()
    {
        string file = Path.Combine(_directory, "empty.parquet");
        File.WriteAllBytes(file, Write(new List<AllTypes>()));
        Assert.Empty(DuckDb.Read(file));
        Assert.Empty(Read<AllTypes>(File.ReadAllBytes(file)));
    }

    [Fact]
    public void OurStatistics_LetDuckDbSkipRowGroups()
    {
        List<AllTypes> rows = Sample(3000);
        string file = Path.Combine(_directory, "stats.parquet");
        File.WriteAllBytes(file, Write(rows, new ParquetWriteOptions { RowGroupSize = 32 * 1024 }));

        List<JsonElement> stats = DuckDb.Read(file, "row_group_id::VARCHAR AS row_group_id, path_in_schema, stats_min_value, stats_max_value, stats_null_count", metadata: true);
        JsonElement firstId = stats.First(s => s.GetProperty("path_in_schema").GetString() == "Id" && s.GetProperty("row_group_id").GetString() == "0");
        Assert.Equal("0", firstId.GetProperty("stats_min_value").GetString());
        JsonElement name = stats.First(s => s.GetProperty("path_in_schema").GetString() == "Name");
        Assert.StartsWith("name-", name.GetProperty("stats_min_value").GetString());
    }

    private const string TypesQuery = """
        SELECT i::INTEGER AS id,
               CASE WHEN i % 7 = 0 THEN NULL ELSE i * 3 END::INTEGER AS maybe_int,
               (i * 1000003)::BIGINT AS big,
               (i % 100 - 50)::TINYINT AS tiny, (i % 1000 - 500)::SMALLINT AS small,
               (i % 200)::UTINYINT AS utiny, (i * 7)::UINTEGER AS uint, (i * 11)::UBIGINT AS ubig,
               (i / 4.0)::FLOAT AS f, (i / 8.0)::DOUBLE AS d, i % 2 = 0 AS flag,
               CASE WHEN i % 11 = 0 THEN NULL ELSE i % 3 = 0 END AS maybe_flag,
               'row ' || i AS s,
               CASE WHEN i % 5 = 0 THEN NULL ELSE 'v' || (i % 10) END AS maybe_s,
               ('b' || i)::BLOB AS bin,
               (i * 1.25)::DECIMAL(9,2) AS dec9,
               (i * 12345.6789)::DECIMAL(18,4) AS dec18,
               CASE WHEN i % 6 = 0 THEN NULL ELSE (i * 1234567890.0123456789)::DECIMAL(38,10) END AS dec38,
               TIMESTAMP '2001-02-03 04:05:06.789012' + i * INTERVAL 1 SECOND AS ts,
               CASE WHEN i % 9 = 0 THEN NULL ELSE TIMESTAMPTZ '2001-02-03 04:05:06.789012+00' + i * INTERVAL 1 MINUTE END AS tstz,
               (TIMESTAMP '1960-01-01 00:00:00' + i * INTERVAL 1 HOUR)::TIMESTAMP_MS AS ts_ms,
               (TIMESTAMP '2030-01-01 00:00:00' + i * INTERVAL 1 MILLISECOND)::TIMESTAMP_NS AS ts_ns,
               DATE '1999-12-31' + i::INTEGER AS day,
               CASE WHEN i % 4 = 0 THEN NULL ELSE DATE '1900-01-01' + i::INTEGER END AS maybe_day,
               [i::INTEGER, (i + 1)::INTEGER] AS pair,
               CASE WHEN i % 3 = 0 THEN NULL WHEN i % 3 = 1 THEN []::INTEGER[] ELSE [i::INTEGER, NULL] END AS sparse
        FROM range(2500) t(i)
        """;

    public sealed record DuckRow(
        int Id, int? Maybe_Int, long Big, sbyte Tiny, short Small, byte UTiny, uint UInt, ulong UBig, float F, double D, bool Flag, bool? Maybe_Flag,
        string S, string? Maybe_S, byte[] Bin, decimal Dec9, decimal Dec18, decimal? Dec38, DateTime Ts, DateTime? TsTz, DateTime Ts_Ms, DateTime Ts_Ns,
        DateOnly Day, DateOnly? Maybe_Day, int[] Pair, int?[]? Sparse);

    [Theory]
    [InlineData("uncompressed", null)]
    [InlineData("snappy", null)]
    [InlineData("gzip", null)]
    [InlineData("zstd", null)]
    [InlineData("snappy", "V2")]
    [InlineData("uncompressed", "V2")]
    [InlineData("zstd", "V2")]
    public void DuckDbFiles_ReadByUs(string compression, string? version)
    {
        string file = Path.Combine(_directory, $"duck-{compression}-{version}.parquet");
        DuckDb.Write(file, compression, TypesQuery, rowGroupSize: 1000, parquetVersion: version);

        using ParquetFileReader reader = ParquetFileReader.Open(file);
        Assert.True(reader.RowGroups.Count >= 2);
        CompressionCodec codec = Enum.Parse<CompressionCodec>(compression, ignoreCase: true);
        Assert.All(reader.Metadata.RowGroups.SelectMany(g => g.Columns), chunk => Assert.Equal(codec, chunk.MetaData!.Codec));
        List<DuckRow> rows = [.. new ParquetRecordReader<DuckRow>(reader).ReadAll()];

        Assert.Equal(2500, rows.Count);
        for (int i = 0; i < rows.Count; i++) AssertRow(i, rows[i]);

        // The untyped reader agrees, including list columns.
        List<IReadOnlyDictionary<string, object?>> untyped = [.. new ParquetRowReader(reader).ReadAll()];
        Assert.Equal(2500, untyped.Count);
        Assert.Equal(new[] { 7, 8 }, untyped[7]["pair"]);
        Assert.Null(untyped[3]["sparse"]);
        Assert.Equal(Array.Empty<int?>(), untyped[4]["sparse"]);
        Assert.Equal(new int?[] { 5, null }, untyped[5]["sparse"]);
        Assert.Equal((sbyte)-43, untyped[7]["tiny"]);
        Assert.Equal(DateTimeKind.Unspecified, ((DateTime)untyped[1]["ts"]!).Kind);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)untyped[1]["tstz"]!).Kind);
    }

    private static void AssertRow(int i, DuckRow row)
    {
        Assert.Equal(i, row.Id);
        Assert.Equal(i % 7 == 0 ? null : i * 3, row.Maybe_Int);
        Assert.Equal(i * 1000003L, row.Big);
        Assert.Equal((sbyte)(i % 100 - 50), row.Tiny);
        Assert.Equal((short)(i % 1000 - 500), row.Small);
        Assert.Equal((byte)(i % 200), row.UTiny);
        Assert.Equal((uint)(i * 7), row.UInt);
        Assert.Equal((ulong)(i * 11), row.UBig);
        Assert.Equal(i / 4.0f, row.F);
        Assert.Equal(i / 8.0, row.D);
        Assert.Equal(i % 2 == 0, row.Flag);
        Assert.Equal(i % 11 == 0 ? null : i % 3 == 0, row.Maybe_Flag);
        Assert.Equal("row " + i, row.S);
        Assert.Equal(i % 5 == 0 ? null : "v" + (i % 10), row.Maybe_S);
        Assert.Equal(System.Text.Encoding.ASCII.GetBytes("b" + i), row.Bin);
        Assert.Equal(i * 1.25m, row.Dec9);
        Assert.Equal(i * 12345.6789m, row.Dec18);
        Assert.Equal(i % 6 == 0 ? null : i * 1234567890.0123456789m, row.Dec38);
        Assert.Equal(new DateTime(2001, 2, 3, 4, 5, 6).AddTicks(7_890_120).AddSeconds(i), row.Ts);
        Assert.Equal(i % 9 == 0 ? null : new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc).AddTicks(7_890_120).AddMinutes(i), row.TsTz);
        Assert.Equal(new DateTime(1960, 1, 1).AddHours(i), row.Ts_Ms);
        Assert.Equal(new DateTime(2030, 1, 1).AddMilliseconds(i), row.Ts_Ns);
        Assert.Equal(new DateOnly(1999, 12, 31).AddDays(i), row.Day);
        Assert.Equal(i % 4 == 0 ? null : new DateOnly(1900, 1, 1).AddDays(i), row.Maybe_Day);
        Assert.Equal([i, i + 1], row.Pair);
        Assert.Equal(i % 3 == 0 ? null : i % 3 == 1 ? [] : new int?[] { i, null }, row.Sparse);
    }

    private static string Micros(DateTime value) => ((value.ToUniversalTime().Ticks - DateTime.UnixEpoch.Ticks) / 10).ToString(CultureInfo.InvariantCulture);

    private static T? Nullable<T>(JsonElement element, Func<JsonElement, T> read) where T : struct =>
        element.ValueKind == JsonValueKind.Null ? null : read(element);
}
