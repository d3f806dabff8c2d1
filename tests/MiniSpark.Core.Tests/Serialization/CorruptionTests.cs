using MiniSpark.Serialization;

namespace MiniSpark.Tests.Serialization;

public class CorruptionTests
{
    private static readonly List<(int Id, string? Name, Person Person, double[] Values, Dictionary<string, List<int>> Map)> s_records =
        Enumerable.Range(0, 300).Select(i => (
            i,
            i % 5 == 0 ? null : "name" + i,
            new Person("p" + i, i, i % 2 == 0 ? "e" : null),
            Enumerable.Range(0, i % 9).Select(j => j * 0.5).ToArray(),
            new Dictionary<string, List<int>> { ["k" + i] = Enumerable.Range(0, i % 4).ToList() }))
        .ToList();

    [Fact]
    public void Truncated_ReportsOffset()
    {
        byte[] bytes = Write(s_records);
        var error = Assert.Throws<InvalidDataException>(() => Read(bytes[..(bytes.Length / 2)]));
        Assert.Matches("offset [0-9]+", error.Message);
        Assert.Throws<InvalidDataException>(() => Read([]));
        Assert.Throws<InvalidDataException>(() => Read([RecordStreamFormat.Version]));
        Assert.Throws<InvalidDataException>(() => Read([7]));
    }

    [Fact]
    public void RandomTruncations_AlwaysThrowInvalidData()
    {
        byte[] bytes = Write(s_records);
        var random = new Random(1234);
        for (int i = 0; i < 300; i++)
        {
            int length = random.Next(bytes.Length);
            Assert.Throws<InvalidDataException>(() => Read(bytes[..length]));
            Assert.Throws<InvalidDataException>(() => ReadForwardOnly(bytes[..length]));
        }
    }

    [Fact]
    public void RandomBitFlips_InRecordStreams_ThrowInvalidData()
    {
        byte[] bytes = Write(s_records);
        var random = new Random(42);
        for (int i = 0; i < 1000; i++)
        {
            byte[] copy = (byte[])bytes.Clone();
            int flips = 1 + random.Next(3);
            for (int f = 0; f < flips; f++) copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
            // Checksums catch every change to a chunk, and the end marker catches lost chunks.
            Assert.Throws<InvalidDataException>(() => Read(copy));
        }
    }

    [Fact]
    public void RandomCorruption_OfSingleValues_ThrowsInvalidDataOrReturns_NeverHangsOrExplodes()
    {
        // Single values have no checksum: decoding itself must stay bounded.
        var random = new Random(7);
        object?[] values =
        [
            s_records[17],
            s_records.Take(20).ToList(),
            new Dictionary<string, List<(int, string?)>> { ["a"] = [(1, "x")], ["b"] = [] },
            new object?[] { "s", 1, new Dog("d", "b"), new List<object?> { 2.0, null } },
            Enumerable.Range(0, 200).ToArray(),
            new HashSet<string> { "a", "b", "c" },
            new Tree("r", [new Tree("a", [new Tree("b", [])])]),
        ];
        int outcomes = 0;
        foreach (object? value in values)
        {
            byte[] bytes = Serializer.Serialize(value);
            for (int i = 0; i < 1500; i++)
            {
                byte[] copy = Mutate(bytes, random);
                try
                {
                    _ = Serializer.Deserialize<object>(copy);
                    outcomes++;
                }
                catch (InvalidDataException)
                {
                    outcomes++;
                }
            }
        }
        Assert.Equal(values.Length * 1500, outcomes);
    }

    [Fact]
    public void HugeLengthsInData_AreBoundedByRemainingBytes()
    {
        // version, then an int[] claiming 2^31 elements with nothing behind it.
        byte[] array = [RecordStreamFormat.Version, 0xFF, 0xFF, 0xFF, 0xFF, 0x07];
        Assert.Contains("exceeds", Assert.Throws<InvalidDataException>(() => Serializer.Deserialize<int[]>(array)).Message);
        byte[] text = [RecordStreamFormat.Version, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F];
        Assert.Throws<InvalidDataException>(() => Serializer.Deserialize<string>(text));
        // A chunk header claiming a 2 GB payload: refused without allocating it (seekable) or after the data ran out.
        byte[] chunk = [RecordStreamFormat.Version, 1, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0, 0, 0, 0, 5];
        Assert.Throws<InvalidDataException>(() => Read(chunk));
        Assert.Throws<InvalidDataException>(() => ReadForwardOnly(chunk));
    }

    [Fact]
    public void ErrorOffsets_PointIntoTheStream()
    {
        byte[] bytes = Write(Enumerable.Range(0, 10).ToList());
        bytes[^10] ^= 0x40; // inside the only chunk's payload
        var error = Assert.Throws<InvalidDataException>(() => Read(bytes));
        Assert.Contains("offset 1", error.Message); // the chunk starts right after the version byte
        Assert.Contains("checksum", error.Message);
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        switch (random.Next(3))
        {
            case 0:
                return bytes[..random.Next(bytes.Length)];
            case 1:
                byte[] flipped = (byte[])bytes.Clone();
                flipped[1 + random.Next(flipped.Length - 1)] ^= (byte)(1 << random.Next(8));
                return flipped;
            default:
                byte[] overwritten = (byte[])bytes.Clone();
                overwritten[1 + random.Next(overwritten.Length - 1)] = (byte)random.Next(256);
                return overwritten;
        }
    }

    private static byte[] Write<T>(IEnumerable<T> items)
    {
        var stream = new MemoryStream();
        using (var writer = new RecordStreamWriter<T>(stream, chunkSize: 2048))
        {
            foreach (T item in items) writer.Write(item);
            writer.Complete();
        }
        return stream.ToArray();
    }

    private static int Read(byte[] bytes) =>
        Serializer.ReadAll<(int, string?, Person, double[], Dictionary<string, List<int>>)>(new MemoryStream(bytes)).Count();

    private static int ReadForwardOnly(byte[] bytes) =>
        Serializer.ReadAll<(int, string?, Person, double[], Dictionary<string, List<int>>)>(new ForwardOnlyStream(bytes)).Count();
}
