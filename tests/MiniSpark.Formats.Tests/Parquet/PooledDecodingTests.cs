using MiniSpark.Formats.Parquet.Mapping.Converters;
using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Formats.Parquet.Writing;

namespace MiniSpark.Tests.Parquet;

/// <summary>Decoded column buffers are rented and returned per row group: readers that interleave, stop early or fail
/// must never see another row group's values. Also the converters' fast paths at their edges.</summary>
public class PooledDecodingTests
{
    [Fact]
    public void InterleavedAndAbandonedReads_EachSeeTheirOwnRows()
    {
        List<RoundTripTests.AllTypes> rows = RoundTripTests.Sample(6000, seed: 11);
        byte[] file = RoundTripTests.Write(rows, new ParquetWriteOptions { RowGroupSize = 24 * 1024 });
        using ParquetFileReader first = ParquetFileReader.Open(new MemoryStream(file), "first.parquet");
        using ParquetFileReader second = ParquetFileReader.Open(new MemoryStream(file), "second.parquet");
        Assert.True(first.RowGroups.Count > 4);

        // A reader abandoned mid-group returns its buffers; the readers after it rent them again.
        foreach (RoundTripTests.AllTypes _ in new ParquetRecordReader<RoundTripTests.AllTypes>(first).ReadAll().Take(1500)) { }

        using IEnumerator<RoundTripTests.AllTypes> forward = new ParquetRecordReader<RoundTripTests.AllTypes>(first).ReadAll().GetEnumerator();
        int[] backwardGroups = [.. Enumerable.Range(0, second.RowGroups.Count).Reverse()];
        using IEnumerator<RoundTripTests.AllTypes> backward = new ParquetRecordReader<RoundTripTests.AllTypes>(second).ReadRowGroups(backwardGroups).GetEnumerator();
        List<RoundTripTests.AllTypes> expectedBackward = [.. backwardGroups.SelectMany(g => rows.Skip(Start(second, g)).Take((int)second.RowGroups[g].RowCount))];
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.True(forward.MoveNext());
            RoundTripTests.AssertSame(rows[i], forward.Current);
            Assert.True(backward.MoveNext());
            RoundTripTests.AssertSame(expectedBackward[i], backward.Current);
        }
        Assert.False(forward.MoveNext());
        Assert.False(backward.MoveNext());
    }

    [Fact]
    public void UntypedReader_AfterTypedReads_GetsTheSameValues()
    {
        List<RoundTripTests.AllTypes> rows = RoundTripTests.Sample(3000, seed: 5);
        byte[] file = RoundTripTests.Write(rows, new ParquetWriteOptions { RowGroupSize = 16 * 1024 });
        using ParquetFileReader reader = ParquetFileReader.Open(new MemoryStream(file), "mixed.parquet");
        Assert.Equal(rows.Count, new ParquetRecordReader<RoundTripTests.AllTypes>(reader).ReadAll().Count());
        List<IReadOnlyDictionary<string, object?>> untyped = [.. new ParquetRowReader(reader).ReadAll()];
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Id, untyped[i]["Id"]);
            Assert.Equal(rows[i].Name, untyped[i]["Name"]);
            Assert.Equal(rows[i].MaybeScore, (double?)untyped[i]["MaybeScore"]);
        }
    }

    public sealed record MaybeIdOnly(int? MaybeId);

    public sealed record RequiredMaybeId(int MaybeId);

    [Fact]
    public void OptionalColumn_RowGroupsWithoutNulls_ReadIntoNonNullableMembers_ARowGroupWithANullFails()
    {
        // Nulls only in the last rows: the first row groups of the optional column hold none (their levels are dropped).
        List<MaybeIdOnly> rows = [.. Enumerable.Range(0, 5000).Select(i => new MaybeIdOnly(i >= 4990 ? null : i))];
        byte[] file = RoundTripTests.Write(rows, new ParquetWriteOptions { RowGroupSize = 4 * 1024 });
        using ParquetFileReader reader = ParquetFileReader.Open(new MemoryStream(file), "nulls-at-end.parquet");
        int last = reader.RowGroups.Count - 1;
        Assert.True(last > 1);

        Assert.Equal(rows, new ParquetRecordReader<MaybeIdOnly>(reader).ReadAll().ToList());
        var required = new ParquetRecordReader<RequiredMaybeId>(reader);
        Assert.Equal(rows.Take((int)reader.RowGroups[0].RowCount).Select(r => r.MaybeId!.Value), required.ReadRowGroup(0).Select(r => r.MaybeId));
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => required.ReadRowGroup(last).ToList());
        Assert.Contains("MaybeId", error.Message);
        Assert.Contains($"row group {last}", error.Message);
    }

    [Fact]
    public void TimestampConverter_AcceptsExactlyDateTimesRange()
    {
        const long epochTicks = 621_355_968_000_000_000L;
        long maxMicros = (DateTime.MaxValue.Ticks - epochTicks) / 10;
        long minMicros = -epochTicks / 10;
        TimestampConverter micros = TimestampConverter.Micros(DateTimeKind.Utc);
        Assert.Equal(DateTime.MaxValue.Ticks / 10 * 10, Converted(micros, maxMicros).Ticks);
        Assert.Equal(DateTime.MinValue, Converted(micros, minMicros));
        Assert.False(micros.TryConvert(maxMicros + 1, out _));
        Assert.False(micros.TryConvert(minMicros - 1, out _));
        Assert.False(micros.TryConvert(long.MaxValue, out _));
        Assert.False(TimestampConverter.Millis(DateTimeKind.Utc).TryConvert(long.MinValue, out _));
        Assert.Equal("Timestamp 9223372036854775807 is outside DateTime's range.", micros.Failure(long.MaxValue));

        TimestampConverter nanos = TimestampConverter.Nanos(DateTimeKind.Unspecified);
        Assert.Equal(new DateTime(1969, 12, 31, 23, 59, 59, 999).AddTicks(9999), Converted(nanos, -1)); // floored to the tick before
        Assert.Equal(new DateTime(1970, 1, 1).AddTicks(1), Converted(nanos, 199));
        Assert.Equal(DateTimeKind.Unspecified, Converted(nanos, 0).Kind);
    }

    [Fact]
    public void IntegerDecimalConverter_HandlesTheWholeLongRange()
    {
        Assert.Equal(-92233720368547758.08m, Converted(new IntegerDecimalConverter<long>(2), long.MinValue));
        Assert.Equal(9223372036854775807m, Converted(new IntegerDecimalConverter<long>(0), long.MaxValue));
        Assert.Equal(-21474836.48m, Converted(new IntegerDecimalConverter<int>(2), int.MinValue));
        Assert.Equal(0.0000000000000000000000000001m, Converted(new IntegerDecimalConverter<long>(28), 1));
        // Beyond decimal's scale the general path rounds off digits.
        Assert.Equal(0.0000000000000000000000000001m, Converted(new IntegerDecimalConverter<long>(29), 10));
    }

    [Fact]
    public void TimeConverter_RejectsTimesBeyondTimeSpan()
    {
        var micros = new TimeConverter<long>(TimeSpan.TicksPerMicrosecond, 1);
        Assert.Equal(TimeSpan.FromHours(25), Converted(micros, 25L * 3600 * 1_000_000));
        Assert.False(micros.TryConvert(long.MaxValue / 5, out _));
        Assert.Equal(new TimeSpan(-1), Converted(new TimeConverter<long>(1, 100), -100));
    }

    private static TOut Converted<TIn, TOut>(IValueConverter<TIn, TOut> converter, TIn value)
    {
        Assert.True(converter.TryConvert(value, out TOut result), converter.Failure(value));
        return result;
    }

    private static int Start(ParquetFileReader reader, int group) => (int)reader.RowGroups.Take(group).Sum(g => g.RowCount);
}
