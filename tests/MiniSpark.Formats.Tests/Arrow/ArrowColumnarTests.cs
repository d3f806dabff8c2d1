using System.Buffers.Binary;
using MiniSpark.Formats.Arrow.Columns;
using MiniSpark.Formats.Arrow.Ipc;
using MiniSpark.Formats.Arrow.Mapping;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Tests.Arrow;

public class ArrowColumnarTests
{
    private static readonly ArrowSchema Schema = new(
    [
        new ArrowField("i8", ArrowType.Int8, false),
        new ArrowField("u64", ArrowType.UInt64, false),
        new ArrowField("f16", ArrowType.Float16, true),
        new ArrowField("large", ArrowType.LargeUtf8, true),
        new ArrowField("largeBlob", ArrowType.LargeBinary, true),
        new ArrowField("day64", ArrowType.Date64, false),
        new ArrowField("seconds", ArrowType.Timestamp(ArrowTimeUnit.Second, null), false),
        new ArrowField("nanos", ArrowType.Timestamp(ArrowTimeUnit.Nanosecond, "+01:00"), false),
        new ArrowField("wide", new ArrowType(ArrowTypeId.Decimal, 256, true, 50, 3), true),
    ]);

    private static ArrowColumn[] Batch(int offset) =>
    [
        new ArrowColumn<sbyte>([-128, 127], null, 2),
        new ArrowColumn<ulong>([ulong.MaxValue, (ulong)offset], null, 2),
        new ArrowColumn<Half>([(Half)1.5, Half.NaN], [0b01], 2),
        new ArrowColumn<string>([$"big {offset}", null!], null, 2),
        new ArrowColumn<byte[]>([null!, [9, 8]], null, 2),
        new ArrowColumn<DateOnly>([new DateOnly(1900, 3, 1), new DateOnly(2100, 12, 31)], null, 2),
        new ArrowColumn<DateTime>([new DateTime(1950, 1, 1, 0, 0, 1), new DateTime(2050, 1, 1)], null, 2),
        new ArrowColumn<DateTime>([DateTime.UnixEpoch.AddTicks(-3), DateTime.UnixEpoch.AddTicks(offset)], null, 2),
        new ArrowColumn<decimal>([-12345678901234567890.123m, 0m], [0b01], 2),
    ];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ColumnarWriter_RoundTripsEveryReadableType(bool fileFormat)
    {
        var output = new MemoryStream();
        using (var writer = new ArrowIpcWriter(output, Schema, fileFormat ? ArrowIpcFormat.File : ArrowIpcFormat.Stream, leaveOpen: true))
        {
            writer.WriteBatch(Batch(1));
            writer.WriteBatch(Batch(2));
            Assert.Equal(2, writer.RecordBatchCount);
        }

        output.Position = 0;
        using ArrowReader reader = ArrowReader.Create(output, "columnar");
        Assert.Equal(Schema.Fields, reader.Schema.Fields);
        List<IReadOnlyDictionary<string, object?>> rows = [.. ArrowRows.Read(reader)];

        Assert.Equal(4, rows.Count);
        Assert.Equal([(sbyte)-128, (sbyte)127, (sbyte)-128, (sbyte)127], rows.Select(r => r["i8"]));
        Assert.Equal([ulong.MaxValue, 1UL, ulong.MaxValue, 2UL], rows.Select(r => r["u64"]));
        Assert.Equal([(Half)1.5, null, (Half)1.5, null], rows.Select(r => r["f16"]));
        Assert.Equal(["big 1", null, "big 2", null], rows.Select(r => r["large"]));
        Assert.Equal([null, new byte[] { 9, 8 }, null, new byte[] { 9, 8 }], rows.Select(r => r["largeBlob"]));
        Assert.Equal(new DateOnly(1900, 3, 1), rows[0]["day64"]);
        Assert.Equal(new DateTime(1950, 1, 1, 0, 0, 1, DateTimeKind.Unspecified), rows[0]["seconds"]); // naive: no zone
        Assert.Equal(DateTimeKind.Unspecified, ((DateTime)rows[0]["seconds"]!).Kind);
        Assert.Equal(DateTime.UnixEpoch.AddTicks(-3), rows[0]["nanos"]);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)rows[0]["nanos"]!).Kind); // zoned: an instant
        Assert.Equal([-12345678901234567890.123m, null, -12345678901234567890.123m, null], rows.Select(r => r["wide"]));
    }

    [Fact]
    public void WriteBatch_RejectsColumnsThatDoNotMatchTheSchema()
    {
        using var writer = new ArrowIpcWriter(new MemoryStream(), Schema, ArrowIpcFormat.File);
        ArrowColumn[] wrongType = Batch(1);
        wrongType[0] = new ArrowColumn<int>([1, 2], null, 2);
        ArrowColumn[] wrongLength = Batch(1);
        wrongLength[1] = new ArrowColumn<ulong>([1], null, 1);
        ArrowColumn[] nullInRequired = Batch(1);
        nullInRequired[0] = new ArrowColumn<sbyte>([1, 2], [0b10], 2);

        Assert.Contains("i8", Assert.Throws<ArgumentException>(() => writer.WriteBatch(wrongType)).Message);
        Assert.Contains("u64", Assert.Throws<ArgumentException>(() => writer.WriteBatch(wrongLength)).Message);
        Assert.Contains("not nullable", Assert.Throws<ArgumentException>(() => writer.WriteBatch(nullInRequired)).Message);
        Assert.Throws<ArgumentException>(() => writer.WriteBatch(Batch(1)[..3]));
    }

    [Fact]
    public void LegacyStreamFraming_WithoutContinuationMarker_IsRead()
    {
        var modern = new MemoryStream();
        var schema = new ArrowSchema([new ArrowField("n", ArrowType.Int32, false)]);
        using (var writer = new ArrowIpcWriter(modern, schema, ArrowIpcFormat.Stream, leaveOpen: true))
        {
            writer.WriteBatch([new ArrowColumn<int>([1, 2, 3], null, 3)]);
        }
        // Pre-0.15 framing is the same without the 0xFFFFFFFF words: drop every continuation marker.
        byte[] bytes = modern.ToArray();
        var legacy = new MemoryStream();
        for (int i = 0; i < bytes.Length;)
        {
            if (BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i)) == -1) i += 4;
            int length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i));
            legacy.Write(bytes.AsSpan(i, 4));
            i += 4;
            if (length == 0) break;
            int messageEnd = FindNextMessage(bytes, i + length);
            legacy.Write(bytes.AsSpan(i, messageEnd - i));
            i = messageEnd;
        }
        legacy.Position = 0;

        using var reader = new ArrowStreamReader(legacy, "legacy");
        Assert.Equal([1, 2, 3], ArrowRows.Read(reader).Select(r => r["n"]));
    }

    // The next continuation marker at or after an 8-aligned position (message bodies here hold no 0xFFFFFFFF word).
    private static int FindNextMessage(byte[] bytes, int from)
    {
        for (int i = from; i + 4 <= bytes.Length; i += 8)
        {
            if (BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i)) == -1) return i;
        }
        return bytes.Length;
    }
}
