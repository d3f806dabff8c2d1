using MiniSpark.Formats.Parquet.Compression;

namespace MiniSpark.Tests.Parquet;

/// <summary>The in-house Snappy decoder against IronSnappy's encoder, and against corrupt blocks.</summary>
public class SnappyBlockDecoderTests
{
    public static TheoryData<string, int> Inputs() => new()
    {
        { "empty", 0 }, { "random", 1 }, { "random", 15 }, { "random", 100_000 }, { "runs", 1 }, { "runs", 70_000 },
        { "text", 300_000 }, { "doubles", 1 << 20 }, { "zeros", 5 }, { "zeros", 1 << 20 },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void TryDecode_DecodesWhatIronSnappyEncodes(string kind, int length)
    {
        byte[] data = Make(kind, length, seed: length);
        byte[] block = IronSnappy.Snappy.Encode(data);

        var output = new byte[data.Length];
        Assert.True(SnappyBlockDecoder.TryDecode(block, output));
        Assert.Equal(data, output);
    }

    [Fact]
    public void TryDecode_OverlappingCopiesOfEveryShortOffset_RepeatThePattern()
    {
        // Hand-made block: literal "abcdefghij", then copies with offsets 1..10 and lengths 1..64 (2-byte-offset tags).
        var expected = new List<byte>("abcdefghij"u8.ToArray());
        var elements = new List<byte> { (10 - 1) << 2 };
        elements.AddRange("abcdefghij"u8.ToArray());
        for (int offset = 1; offset <= 10; offset++)
        {
            for (int length = 1; length <= 64; length += 9)
            {
                elements.AddRange([(byte)(((length - 1) << 2) | 2), (byte)offset, 0]);
                for (int i = 0; i < length; i++) expected.Add(expected[^offset]);
            }
        }
        int total = expected.Count;
        Assert.InRange(total, 1 << 7, (1 << 14) - 1); // a two-byte varint
        byte[] withHeader = [(byte)(total & 0x7F | 0x80), (byte)(total >> 7), .. elements];

        var output = new byte[total];
        Assert.True(SnappyBlockDecoder.TryDecode(withHeader, output));
        Assert.Equal(expected, output);
    }

    [Fact]
    public void TryDecode_RejectsBlocksThatLieOrEndEarly()
    {
        byte[] data = Make("text", 10_000, seed: 3);
        byte[] block = IronSnappy.Snappy.Encode(data);

        Assert.False(SnappyBlockDecoder.TryDecode(block, new byte[data.Length + 1])); // declared length differs
        Assert.False(SnappyBlockDecoder.TryDecode(block.AsSpan(0, block.Length - 1), new byte[data.Length])); // truncated
        Assert.False(SnappyBlockDecoder.TryDecode([0x05, 0x01, 0x00], new byte[5])); // copy before any output
        Assert.False(SnappyBlockDecoder.TryDecode([0x02, 0x00, (byte)'a', 0x06, 0x05], new byte[2])); // offset beyond output
        Assert.False(SnappyBlockDecoder.TryDecode([0x80, 0x80, 0x80, 0x80, 0x80], new byte[1])); // varint never ends
        Assert.False(SnappyBlockDecoder.TryDecode([0xFF, 0xFF, 0xFF, 0xFF, 0x7F], [])); // length beyond 2^31 - 1
        Assert.False(SnappyBlockDecoder.TryDecode([0x04, 0xFC, 0xFF, 0xFF, 0xFF, 0xFF], new byte[4])); // 4-byte literal length overflows
    }

    [Fact]
    public void TryDecode_MutatedBlocks_NeverThrowOrLeaveTheBuffers()
    {
        var random = new Random(42);
        byte[] data = Make("text", 4_000, seed: 7);
        byte[] block = IronSnappy.Snappy.Encode(data);
        int rejected = 0;
        for (int round = 0; round < 3_000; round++)
        {
            byte[] mutated = (byte[])block.Clone();
            for (int flips = random.Next(1, 4); flips > 0; flips--) mutated[random.Next(mutated.Length)] ^= (byte)(1 << random.Next(8));
            int cut = random.Next(4) == 0 ? random.Next(mutated.Length) : mutated.Length;
            // A margin after the output span catches any write past it.
            var buffer = new byte[data.Length + 64];
            bool ok = SnappyBlockDecoder.TryDecode(mutated.AsSpan(0, cut), buffer.AsSpan(0, data.Length));
            Assert.All(buffer[data.Length..], b => Assert.Equal(0, b));
            if (!ok) rejected++;
        }
        Assert.True(rejected > 0);
    }

    private static byte[] Make(string kind, int length, int seed)
    {
        var random = new Random(seed);
        var data = new byte[length];
        switch (kind)
        {
            case "random":
                random.NextBytes(data);
                break;
            case "runs":
                for (int i = 0; i < length;)
                {
                    byte value = (byte)random.Next(4);
                    for (int n = random.Next(1, 300); n > 0 && i < length; n--) data[i++] = value;
                }
                break;
            case "text":
                string[] words = ["spark", "rdd", "partition", "shuffle", "stage", "task", "a", "of", "the"];
                for (int i = 0; i < length;)
                {
                    foreach (char c in words[random.Next(words.Length)] + " ")
                    {
                        if (i < length) data[i++] = (byte)c;
                    }
                }
                break;
            case "doubles":
                for (int i = 0; i + 8 <= length; i += 8) BitConverter.TryWriteBytes(data.AsSpan(i), (i / 8) * 0.25);
                break;
        }
        return data;
    }
}
