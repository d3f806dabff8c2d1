using MiniSpark.Formats.Arrow.Ipc;
using MiniSpark.Formats.Arrow.Mapping;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Tests.Arrow;

public sealed class ArrowRoundTripTests : IDisposable
{
    private readonly ArrowTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TypedRecords_RoundTrip(bool fileFormat)
    {
        ArrowIpcFormat format = fileFormat ? ArrowIpcFormat.File : ArrowIpcFormat.Stream;
        List<ArrowSample> rows = ArrowSample.Create(1000);
        var options = new ArrowWriteOptions { BatchSize = 128, Format = format };
        string path = _files.PathFor("samples.arrow");
        ArrowRecordWriter<ArrowSample>.WriteFile(path, rows, options);

        List<ArrowSample> read = [.. ArrowRecordReader<ArrowSample>.ReadFile(path)];

        ArrowSchema schema = ArrowRecordWriter<ArrowSample>.SchemaFor(options);
        Assert.Equal(ArrowCanonical.Rows(rows, schema), ArrowCanonical.Rows(read, schema));
        Assert.Equal(rows[5], read[5] with { Blob = rows[5].Blob }); // records compare equal apart from the array reference
    }

    [Fact]
    public void FileFormat_ReadsOneBatchAtATime()
    {
        List<ArrowSample> rows = ArrowSample.Create(1000);
        string path = _files.PathFor("batches.arrow");
        ArrowRecordWriter<ArrowSample>.WriteFile(path, rows, new ArrowWriteOptions { BatchSize = 128 });

        using ArrowRecordReader<ArrowSample> reader = ArrowRecordReader<ArrowSample>.Open(path);
        Assert.Equal(8, reader.RecordBatchCount);
        ArrowSchema schema = reader.Schema;
        Assert.Equal(ArrowCanonical.Rows(rows.Skip(3 * 128).Take(128), schema), ArrowCanonical.Rows(reader.ReadBatch(3), schema));
        Assert.Equal(ArrowCanonical.Rows(rows.Skip(7 * 128), schema), ArrowCanonical.Rows(reader.ReadBatch(7), schema));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadBatch(8));
    }

    [Fact]
    public void Schema_MapsClrTypesToArrowTypes()
    {
        ArrowSchema schema = ArrowRecordWriter<ArrowSample>.SchemaFor(new ArrowWriteOptions { DecimalPrecision = 20, DecimalScale = 4 });
        string[] expected =
        [
            "Id: int32", "Big: int64", "Ratio: float32", "Score: float64", "Flag: bool", "Name: utf8?", "Blob: binary?",
            "At: timestamp[us,UTC]", "Day: date32", "Price: decimal128(20,4)", "MaybeInt: int32?", "MaybeLong: int64?",
            "MaybeRatio: float32?", "MaybeScore: float64?", "MaybeFlag: bool?", "MaybeAt: timestamp[us,UTC]?", "MaybeDay: date32?",
            "MaybePrice: decimal128(20,4)?",
        ];
        Assert.Equal(expected, schema.Fields.Select(f => $"{f.Name}: {ArrowCanonical.TypeName(f)}{(f.Nullable ? "?" : "")}"));
    }

    [Fact]
    public void UntypedRows_HoldStorageTypes()
    {
        string path = _files.PathFor("untyped.arrow");
        ArrowRecordWriter<ArrowSample>.WriteFile(path, ArrowSample.Create(3));

        List<IReadOnlyDictionary<string, object?>> rows = [.. ArrowRows.ReadFile(path)];

        Assert.Equal(3, rows.Count);
        IReadOnlyDictionary<string, object?> row = rows[1];
        Assert.Equal(int.MaxValue, row["Id"]);
        Assert.Equal("héllo wörld 𝄞 ✓", row["Name"]);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, row["Blob"]);
        Assert.Equal(new DateOnly(1969, 12, 31), row["Day"]);
        Assert.Equal(12345678901234567890.123456789m, row["Price"]);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)row["At"]!).Kind);
        Assert.Null(row["MaybeInt"]);
        Assert.True(row.ContainsKey("MaybeInt"));
        Assert.Equal(18, row.Count);
        Assert.Equal(ArrowRecordWriter<ArrowSample>.SchemaFor().Fields.Select(f => f.Name), row.Keys);
    }

    public sealed class Wide
    {
        public int Count { get; set; }
        public string? name { get; set; }
        public float Ratio { get; set; }
        public short Small { get; init; }
        public string Ignored => "computed";
    }

    public sealed record Narrow(long count, string? Name, double ratio)
    {
        public int Small { get; init; }
    }

    [Fact]
    public void PositionalRecord_MatchesCaseInsensitively_AndWidensNumbers()
    {
        string path = _files.PathFor("wide.arrow");
        ArrowRecordWriter<Wide>.WriteFile(path, [new Wide { Count = 7, name = "a", Ratio = 0.5f, Small = -3 }, new Wide { Count = -1 }]);

        List<Narrow> read = [.. ArrowRecordReader<Narrow>.ReadFile(path)];

        Assert.Equal([new Narrow(7, "a", 0.5) { Small = -3 }, new Narrow(-1, null, 0)], read);
    }

    public sealed class Settable
    {
        public int Id { get; set; }
        public DateTime? When { get; init; }
    }

    [Fact]
    public void ClassWithSetters_RoundTrips()
    {
        string path = _files.PathFor("settable.arrow");
        var when = new DateTime(2024, 2, 29, 12, 0, 0, DateTimeKind.Utc);
        ArrowRecordWriter<Settable>.WriteFile(path, [new Settable { Id = 1, When = when }, new Settable { Id = 2 }]);

        List<Settable> read = [.. ArrowRecordReader<Settable>.ReadFile(path)];

        Assert.Equal([1, 2], read.Select(r => r.Id));
        Assert.Equal([when, null], read.Select(r => r.When));
    }

    [Fact]
    public void LocalDateTime_IsWrittenAsUtcInstant()
    {
        string path = _files.PathFor("local.arrow");
        var local = new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Local);
        ArrowRecordWriter<Settable>.WriteFile(path, [new Settable { Id = 1, When = local }]);

        Settable read = Assert.Single(ArrowRecordReader<Settable>.ReadFile(path));

        Assert.Equal(local.ToUniversalTime(), read.When);
        Assert.Equal(DateTimeKind.Utc, read.When!.Value.Kind);
    }

    [Fact]
    public void NoRows_WritesAReadableFileWithoutBatches()
    {
        string path = _files.PathFor("empty.arrow");
        ArrowRecordWriter<ArrowSample>.WriteFile(path, []);

        using ArrowRecordReader<ArrowSample> reader = ArrowRecordReader<ArrowSample>.Open(path);
        Assert.Equal(0, reader.RecordBatchCount);
        Assert.Empty(reader.ReadAll());
    }

    public sealed record Money(decimal Amount);

    [Fact]
    public void Decimal_UsesConfiguredPrecisionAndScale()
    {
        string path = _files.PathFor("money.arrow");
        var options = new ArrowWriteOptions { DecimalPrecision = 10, DecimalScale = 2 };
        ArrowRecordWriter<Money>.WriteFile(path, [new Money(12345678.91m), new Money(-0.005m), new Money(1.004m)], options);

        Assert.Equal([12345678.91m, -0.01m, 1.00m], ArrowRecordReader<Money>.ReadFile(path).Select(m => m.Amount));
        var error = Assert.Throws<OverflowException>(() =>
            ArrowRecordWriter<Money>.WriteFile(_files.PathFor("overflow.arrow"), [new Money(123456789.1m)], options));
        Assert.Contains("Amount", error.Message);
    }

    [Fact]
    public void WriteOptions_AreValidated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArrowWriteOptions { BatchSize = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArrowWriteOptions { DecimalPrecision = 39 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArrowWriteOptions { DecimalPrecision = 5, DecimalScale = 6 }.Validate());
    }

    public sealed record Unsupported(Guid Id);

    [Fact]
    public void UnsupportedPropertyType_IsRejectedNamingTheProperty()
    {
        var error = Assert.Throws<NotSupportedException>(() => ArrowRecordWriter<Unsupported>.SchemaFor());
        Assert.Contains("Unsupported.Id", error.Message);
    }
}
