using MiniSpark.Formats.Arrow.FlatBuffers;

namespace MiniSpark.Tests.Arrow;

public class FlatBufferTests
{
    private static byte[] BuildSample() => FlatBufferBuilder.Build(new FlatTableBuilder()
        .AddByte(0, 200)
        .AddInt16(1, -12345)
        .AddInt32(2, 123456789)
        .AddInt64(3, long.MinValue)
        .AddBool(4, true)
        .AddString(5, "héllo")
        .AddObject(6, new FlatTableBuilder().AddInt32(0, 42))
        .AddObject(7, new FlatOffsetVector([new FlatString("a"), new FlatString("bc")]))
        .AddObject(8, new FlatStructVector([1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0], 2, 8)));

    [Fact]
    public void Table_RoundTripsEveryFieldKind()
    {
        byte[] bytes = BuildSample();
        FlatTable root = new FlatBuffer(bytes, "sample", 0).Root();

        Assert.Equal(200, root.GetByte(0));
        Assert.Equal(-12345, root.GetInt16(1));
        Assert.Equal(123456789, root.GetInt32(2));
        Assert.Equal(long.MinValue, root.GetInt64(3));
        Assert.True(root.GetBool(4));
        Assert.Equal("héllo", root.GetString(5));
        Assert.Equal(42, root.GetTable(6)!.Value.GetInt32(0));
        FlatVector strings = root.GetVector(7, 4);
        Assert.Equal(["a", "bc"], [strings.GetString(0), strings.GetString(1)]);
        FlatVector structs = root.GetVector(8, 8);
        Assert.Equal([1L, 2L], [structs.GetInt64(0), structs.GetInt64(1)]);
        Assert.Equal(0, structs.ElementPosition(0) % 8); // 8-byte structs land on 8-byte boundaries
        Assert.Equal(0, root.FieldPosition(3, 8) % 8);
    }

    [Fact]
    public void AbsentFields_ReadAsDefaults()
    {
        FlatTable root = new FlatBuffer(BuildSample(), "sample", 0).Root();

        Assert.Equal(-7, root.GetInt32(20, -7));
        Assert.Null(root.GetString(21));
        Assert.Null(root.GetTable(22));
        Assert.Equal(0, root.GetVector(23, 4).Count);
        Assert.False(root.Has(9));
    }

    [Fact]
    public void ReferencePastTheEnd_FailsWithSourceAndOffset()
    {
        byte[] bytes = BuildSample();
        bytes[0] = 0xF0; // root uoffset now points far past the buffer

        var error = Assert.Throws<InvalidDataException>(() => new FlatBuffer(bytes, "broken.arrow", 1000).Root());

        Assert.Contains("broken.arrow", error.Message);
        Assert.Contains("byte offset 1000", error.Message);
    }

    [Fact]
    public void OversizedVectorCount_FailsBeforeAllocating()
    {
        byte[] bytes = BuildSample();
        FlatTable root = new FlatBuffer(bytes, "sample", 0).Root();
        int vector = root.FieldPosition(8, 4);
        int target = vector + BitConverter.ToInt32(bytes, vector);
        BitConverter.GetBytes(int.MaxValue).CopyTo(bytes, target);

        var error = Assert.Throws<InvalidDataException>(() => new FlatBuffer(bytes, "sample", 0).Root().GetVector(8, 8));

        Assert.Contains("does not fit", error.Message);
    }

    [Fact]
    public void VtableOutsideBuffer_Fails()
    {
        byte[] bytes = BuildSample();
        int table = BitConverter.ToInt32(bytes, 0);
        BitConverter.GetBytes(int.MinValue).CopyTo(bytes, table);

        Assert.Throws<InvalidDataException>(() => new FlatBuffer(bytes, "sample", 0).Root());
    }
}
