using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Formats.Parquet.Writing;

namespace MiniSpark.Tests.Parquet;

public class RoundTripTests
{
    public sealed class AllTypes
    {
        public int Id { get; set; }
        public long Big { get; set; }
        public float Ratio { get; set; }
        public double Score { get; set; }
        public bool Flag { get; set; }
        public string? Name { get; set; }
        public byte[]? Blob { get; set; }
        public DateTime At { get; set; }
        public DateOnly Day { get; set; }
        public decimal Price { get; set; }
        public int? MaybeId { get; set; }
        public double? MaybeScore { get; set; }
        public DateTime? MaybeAt { get; set; }
        public decimal? MaybePrice { get; set; }
        public bool? MaybeFlag { get; set; }
    }

    public sealed record Positional(int Id, string? Name, decimal? Price, DateOnly Day);

    internal static List<AllTypes> Sample(int count, int seed = 7)
    {
        var random = new Random(seed);
        var rows = new List<AllTypes>(count);
        for (int i = 0; i < count; i++)
        {
            bool gap = i % 5 == 3;
            rows.Add(new AllTypes
            {
                Id = i,
                Big = (long)random.Next() * random.Next(-5, 5),
                Ratio = (float)random.NextDouble(),
                Score = random.NextDouble() * 1000 - 500,
                Flag = random.Next(2) == 0,
                Name = gap ? null : "name-" + (i % 17) + (i % 3 == 0 ? " ünï €" : ""),
                Blob = gap ? null : [(byte)i, (byte)(i >> 8), 0xFF],
                At = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks((long)random.Next() * 10 * 1234),
                Day = new DateOnly(1960, 1, 1).AddDays(random.Next(30000)),
                Price = Math.Round((decimal)(random.NextDouble() * 100000 - 50000), 4),
                MaybeId = gap ? null : -i,
                MaybeScore = gap ? null : i / 3.0,
                MaybeAt = gap ? null : new DateTime(1969, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddMilliseconds(i),
                MaybePrice = gap ? null : i * 1.5m - 7,
                MaybeFlag = gap ? null : i % 2 == 0,
            });
        }
        return rows;
    }

    internal static byte[] Write<T>(IEnumerable<T> rows, ParquetWriteOptions? options = null)
    {
        var stream = new MemoryStream();
        using (var writer = new ParquetRecordWriter<T>(stream, options, leaveOpen: true)) writer.WriteAll(rows);
        return stream.ToArray();
    }

    internal static List<T> Read<T>(byte[] file, ParquetPredicate? filter = null)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(new MemoryStream(file), "memory.parquet");
        return [.. new ParquetRecordReader<T>(reader).ReadAll(filter)];
    }

    internal static void AssertSame(AllTypes expected, AllTypes actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Big, actual.Big);
        Assert.Equal(expected.Ratio, actual.Ratio);
        Assert.Equal(expected.Score, actual.Score);
        Assert.Equal(expected.Flag, actual.Flag);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Blob, actual.Blob);
        Assert.Equal(expected.At.Ticks / 10, actual.At.Ticks / 10);
        Assert.Equal(DateTimeKind.Utc, actual.At.Kind);
        Assert.Equal(expected.Day, actual.Day);
        Assert.Equal(expected.Price, actual.Price);
        Assert.Equal(expected.MaybeId, actual.MaybeId);
        Assert.Equal(expected.MaybeScore, actual.MaybeScore);
        Assert.Equal(expected.MaybeAt, actual.MaybeAt);
        Assert.Equal(expected.MaybePrice, actual.MaybePrice);
        Assert.Equal(expected.MaybeFlag, actual.MaybeFlag);
    }

    [Theory]
    [InlineData(ParquetCompression.None)]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Gzip)]
    [InlineData(ParquetCompression.Zstd)]
    public void AllTypes_RoundTrip(ParquetCompression compression)
    {
        List<AllTypes> rows = Sample(3000);
        byte[] file = Write(rows, new ParquetWriteOptions { Compression = compression, PageSize = 4096 });
        AssertCodec(file, compression);

        List<AllTypes> read = Read<AllTypes>(file);

        Assert.Equal(rows.Count, read.Count);
        for (int i = 0; i < rows.Count; i++) AssertSame(rows[i], read[i]);
    }

    /// <summary>The column types AllTypes leaves out: widened integers, enums, instants with an offset, more nullables.</summary>
    public sealed record Widened(
        sbyte Tiny, byte UTiny, short Small, ushort USmall, uint UInt, Fakes.Color Color, DateTimeOffset When, decimal Amount,
        float? MaybeRatio, long? MaybeBig, DateOnly? MaybeDay, string? MaybeName, Fakes.Color? MaybeColor, decimal? MaybeAmount);

    private static List<Widened> WidenedSample(int count, int scale) => [.. Enumerable.Range(0, count).Select(i => new Widened(
        (sbyte)(i % 256 - 128), (byte)(i % 256), (short)(i * 13 - 30000), (ushort)(i * 17), uint.MaxValue - (uint)i, (Fakes.Color)(i % 3),
        new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(i % 5 - 2)).AddTicks(i * 10), Math.Round(i * 1.37m - 400, scale),
        i % 4 == 0 ? null : i / 7f, i % 5 == 0 ? null : -i * 1_000_000_007L, i % 6 == 0 ? null : DateOnly.FromDayNumber(700_000 + i),
        i % 7 == 0 ? null : (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture), i % 8 == 0 ? null : (Fakes.Color)(i % 3),
        i % 9 == 0 ? null : Math.Round(-i / 3m, scale)))];

    public static TheoryData<ParquetCompression, int, int> EveryCodecAndDecimalLayout()
    {
        var data = new TheoryData<ParquetCompression, int, int>();
        foreach (ParquetCompression compression in Enum.GetValues<ParquetCompression>())
        {
            // Precision 9 is stored as INT32, 18 as INT64, 38 as FIXED_LEN_BYTE_ARRAY.
            foreach ((int precision, int scale) in new[] { (9, 2), (18, 4), (38, 10) }) data.Add(compression, precision, scale);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCodecAndDecimalLayout))]
    public void EveryColumnType_RoundTrips(ParquetCompression compression, int precision, int scale)
    {
        var options = new ParquetWriteOptions { Compression = compression, PageSize = 2048, DecimalPrecision = precision, DecimalScale = scale };
        List<Widened> rows = WidenedSample(1500, scale);
        byte[] file = Write(rows, options);
        AssertCodec(file, compression);
        List<Widened> read = Read<Widened>(file);
        // DateTimeOffset equality compares instants: the offset itself is not stored.
        Assert.Equal(rows, read);

        // The other types, and decimals of every layout next to them.
        List<AllTypes> all = Sample(500);
        foreach (AllTypes row in all) row.Price = Math.Round(row.Price, scale, MidpointRounding.AwayFromZero); // |Price| < 10^5 fits
        List<AllTypes> allRead = Read<AllTypes>(Write(all, options));
        Assert.Equal(all.Count, allRead.Count);
        for (int i = 0; i < all.Count; i++) AssertSame(all[i], allRead[i]);
    }

    [Fact]
    public void ZstdLevel_IsApplied_AndValidated()
    {
        List<AllTypes> rows = Sample(3000);
        byte[] fast = Write(rows, new ParquetWriteOptions { Compression = ParquetCompression.Zstd, ZstdLevel = 1 });
        byte[] small = Write(rows, new ParquetWriteOptions { Compression = ParquetCompression.Zstd, ZstdLevel = 19 });
        Assert.True(small.Length < fast.Length, $"level 19 wrote {small.Length} bytes, level 1 {fast.Length}");
        List<AllTypes> read = Read<AllTypes>(small);
        for (int i = 0; i < rows.Count; i++) AssertSame(rows[i], read[i]);

        foreach (int level in (int[])[0, 23, -1])
        {
            var error = Assert.Throws<ArgumentException>(() => Write(rows, new ParquetWriteOptions { Compression = ParquetCompression.Zstd, ZstdLevel = level }));
            Assert.Equal("ZstdLevel", error.ParamName);
        }
    }

    private static void AssertCodec(byte[] file, ParquetCompression compression)
    {
        var expected = compression == ParquetCompression.None ? CompressionCodec.Uncompressed : Enum.Parse<CompressionCodec>(compression.ToString());
        using ParquetFileReader reader = ParquetFileReader.Open(new MemoryStream(file), "m");
        Assert.All(reader.Metadata.RowGroups.SelectMany(g => g.Columns), chunk => Assert.Equal(expected, chunk.MetaData!.Codec));
    }

    [Fact]
    public void WithoutDictionary_RoundTrips()
    {
        List<AllTypes> rows = Sample(500);
        byte[] file = Write(rows, new ParquetWriteOptions { EnableDictionary = false, WritePageChecksums = false });
        List<AllTypes> read = Read<AllTypes>(file);
        for (int i = 0; i < rows.Count; i++) AssertSame(rows[i], read[i]);
    }

    [Fact]
    public void DictionaryOverLimit_FallsBackToPlain()
    {
        var rows = Enumerable.Range(0, 2000).Select(i => new Positional(i, $"value {i % 1000} {new string('x', 50)}", null, default)).ToList();
        byte[] file = Write(rows, new ParquetWriteOptions { DictionaryPageSizeLimit = 10_000 });

        using ParquetFileReader reader = ParquetFileReader.Open(new MemoryStream(file), "m");
        var encodings = reader.Metadata.RowGroups[0].Columns[1].MetaData!.Encodings;
        Assert.Contains(MiniSpark.Formats.Parquet.Metadata.ParquetEncoding.Plain, encodings);
        Assert.Equal(rows, Read<Positional>(file));
    }

    [Fact]
    public void PositionalRecords_RoundTrip()
    {
        var rows = new List<Positional> { new(1, "a", 1.25m, new DateOnly(2024, 2, 29)), new(2, null, null, new DateOnly(1, 1, 1)), new(3, "", -0.000001m, new DateOnly(9999, 12, 31)) };
        Assert.Equal(rows, Read<Positional>(Write(rows)));
    }

    [Fact]
    public void UntypedReader_ReturnsNaturalValues()
    {
        List<AllTypes> rows = Sample(50);
        byte[] file = Write(rows);
        using ParquetFileReader reader = ParquetFileReader.Open(new MemoryStream(file), "m");
        List<IReadOnlyDictionary<string, object?>> read = [.. new ParquetRowReader(reader).ReadAll()];

        Assert.Equal(50, read.Count);
        Assert.Equal(3, read[3]["id"]);
        Assert.Null(read[3]["Name"]);
        Assert.Null(read[3]["MaybeId"]);
        Assert.Equal(rows[4].Price, read[4]["Price"]);
        Assert.Equal(rows[4].Day, read[4]["Day"]);
        Assert.IsType<DateTime>(read[4]["At"]);
        Assert.Equal(15, read[0].Count);
    }

    [Fact]
    public void Projection_DecodesOnlyRequestedColumns()
    {
        byte[] file = Write(Sample(10));
        using ParquetFileReader reader = ParquetFileReader.Open(new MemoryStream(file), "m");
        var row = new ParquetRowReader(reader, ["score", "Name"]).ReadAll().First();
        Assert.Equal(["Score", "Name"], row.Keys);
    }

    [Fact]
    public void SmallRowGroups_SplitAndPruneByStatistics()
    {
        List<AllTypes> rows = Sample(5000);
        byte[] file = Write(rows, new ParquetWriteOptions { RowGroupSize = 32 * 1024 });
        using ParquetFileReader reader = ParquetFileReader.Open(new MemoryStream(file), "m");
        Assert.True(reader.RowGroups.Count > 3, $"expected several row groups, got {reader.RowGroups.Count}");
        Assert.Equal(5000, reader.RowCount);

        RowGroupInfo first = reader.RowGroups[0];
        ColumnStatistics id = first.GetStatistics("ID")!;
        Assert.Equal(0, id.Min);
        Assert.Equal(0L, id.NullCount);
        Assert.True(first.Offset >= 4 && first.Length > 0);
        Assert.Equal(reader.RowGroups[1].Offset, first.Offset + first.Length);

        var filter = ParquetPredicate.Between("id", 4000, 4010);
        List<AllTypes> read = Read<AllTypes>(file, filter);
        Assert.True(read.Count < 2000, "row groups outside the range were skipped");
        Assert.Contains(read, r => r.Id == 4005);
        Assert.Empty(Read<AllTypes>(file, ParquetPredicate.GreaterThan("Id", 5000)));
        Assert.Empty(Read<AllTypes>(file, ParquetPredicate.Equal("name", "zzz")));
        Assert.NotEmpty(Read<AllTypes>(file, ParquetPredicate.Equal("name", "name-3")));
        Assert.NotEmpty(Read<AllTypes>(file, ParquetPredicate.IsNull("MaybeId")));
    }

    [Fact]
    public void Decimal_RoundsHalfAwayFromZero_AndRejectsOverflow()
    {
        var options = new ParquetWriteOptions { DecimalPrecision = 9, DecimalScale = 2 };
        var rows = new List<Positional> { new(1, null, 1.005m, default), new(2, null, -2.675m, default) };
        List<Positional> read = Read<Positional>(Write(rows, options));
        Assert.Equal(1.01m, read[0].Price);
        Assert.Equal(-2.68m, read[1].Price);

        var tooBig = new List<Positional> { new(1, null, 12345678.9m, default) };
        ArgumentException error = Assert.Throws<ArgumentException>(() => Write(tooBig, options));
        Assert.Contains("Price", error.Message);
    }

    [Fact]
    public void ExtremeValues_RoundTrip()
    {
        var rows = new List<AllTypes>
        {
            new() { Id = int.MinValue, Big = long.MinValue, Ratio = float.NaN, Score = double.NegativeInfinity, Price = 99999999999999999999.99999999m, At = DateTime.MinValue.ToUniversalTime(), Day = DateOnly.MinValue, Name = "" },
            new() { Id = int.MaxValue, Big = long.MaxValue, Ratio = -0.0f, Score = double.MaxValue, Price = -0.000000000000000001m, At = new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc), Day = DateOnly.MaxValue, Name = "\U0001F600" },
        };
        List<AllTypes> read = Read<AllTypes>(Write(rows));
        Assert.Equal(int.MinValue, read[0].Id);
        Assert.True(float.IsNaN(read[0].Ratio));
        Assert.True(float.IsNegative(read[1].Ratio));
        Assert.Equal(rows[0].Price, read[0].Price);
        Assert.Equal(rows[1].Price, read[1].Price);
        Assert.Equal(DateOnly.MaxValue, read[1].Day);
        Assert.Equal("\U0001F600", read[1].Name);
    }

    [Fact]
    public void NullInRequiredMember_FailsNamingColumn()
    {
        var rows = new List<AllTypes> { new() { MaybeId = null } };
        byte[] file = Write(rows);
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => Read<RequiredId>(file));
        Assert.Contains("MaybeId", error.Message);
    }

    public sealed record RequiredId(int MaybeId);

    [Fact]
    public void RowGroups_ReadInParallel_FromOneFileReader()
    {
        List<AllTypes> rows = Sample(4000);
        string path = Path.Combine(Path.GetTempPath(), $"minispark-parallel-{Guid.NewGuid():N}.parquet");
        try
        {
            File.WriteAllBytes(path, Write(rows, new ParquetWriteOptions { RowGroupSize = 16 * 1024 }));
            using ParquetFileReader reader = ParquetFileReader.Open(path);
            var recordReader = new ParquetRecordReader<AllTypes>(reader);
            List<AllTypes>[] parts = new List<AllTypes>[reader.RowGroups.Count];
            Parallel.For(0, parts.Length, i => parts[i] = [.. recordReader.ReadRowGroup(i)]);
            List<AllTypes> all = [.. parts.SelectMany(p => p)];
            Assert.True(parts.Length > 2);
            Assert.Equal(rows.Count, all.Count);
            for (int i = 0; i < rows.Count; i++) AssertSame(rows[i], all[i]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ColumnChunkOverTheValueLimit_IsRejected()
    {
        byte[] file = Write(Sample(100));
        using ParquetFileReader reader = ParquetFileReader.Open(new MemoryStream(file), "limited.parquet", options: new ParquetReadOptions { MaxValuesPerColumnChunk = 10 });
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => new ParquetRowReader(reader).ReadAll().ToList());
        Assert.Contains("MaxValuesPerColumnChunk", error.Message);
    }
}
