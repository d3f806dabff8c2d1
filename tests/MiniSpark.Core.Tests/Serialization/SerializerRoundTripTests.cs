using System.Numerics;
using MiniSpark.Serialization;

namespace MiniSpark.Tests.Serialization;

public enum Color : byte { Red = 1, Green = 2, Blue = 200 }

public enum Big : long { Min = long.MinValue, Max = long.MaxValue }

public sealed record Person(string Name, int Age, string? Email);

public record Animal(string Name);

public sealed record Dog(string Name, string Breed) : Animal(Name);

public sealed class Settable
{
    public int Id { get; set; }
    public string? Label { get; set; }
    public List<double>? Scores { get; init; }
    public Color Color { get; set; }
    public int Computed => Id * 2;
}

public sealed class Mixed(int id)
{
    public int Id { get; } = id;
    public string Note { get; set; } = "";
}

public struct MutablePoint
{
    public int X;
    public int Y { get; set; }
}

public readonly record struct ReadOnlyPoint(double X, double Y);

public struct EmptyStruct;

public sealed class EmptyClass;

public sealed record Tree(string Label, List<Tree> Children);

public sealed record WithObject(object? Payload, IReadOnlyList<int>? Items, Animal? Pet);

public sealed record Everything(
    bool Bool, byte Byte, sbyte SByte, short Short, ushort UShort, int Int, uint UInt, long Long, ulong ULong,
    char Char, float Float, double Double, Half Half, decimal Decimal, string? String, DateTime DateTime,
    DateTimeOffset DateTimeOffset, DateOnly DateOnly, TimeOnly TimeOnly, TimeSpan TimeSpan, Guid Guid,
    Color Color, int? NullableInt, Guid? NullableGuid, Int128 Int128, BigInteger BigInteger);

public class SerializerRoundTripTests
{
    [Fact]
    public void Primitives_RoundTrip_ExtremeValues()
    {
        Check(true); Check(false);
        Check(byte.MinValue); Check(byte.MaxValue);
        Check(sbyte.MinValue); Check(sbyte.MaxValue);
        Check(short.MinValue); Check(short.MaxValue); Check((short)-1);
        Check(ushort.MaxValue);
        Check(int.MinValue); Check(int.MaxValue); Check(0); Check(-1); Check(63); Check(64); Check(-64); Check(-65);
        Check(uint.MaxValue); Check(127u); Check(128u);
        Check(long.MinValue); Check(long.MaxValue); Check(-1L);
        Check(ulong.MaxValue); Check(0UL);
        Check('\0'); Check('é'); Check(char.MaxValue); Check('\uD800');
        Check(float.NaN); Check(float.NegativeInfinity); Check(float.Epsilon); Check(-0.0f);
        Check(double.NaN); Check(double.MaxValue); Check(double.Epsilon); Check(-0.0);
        Check(Half.MaxValue); Check(Half.NaN); Check((Half)1.5);
        Check(decimal.MaxValue); Check(decimal.MinValue); Check(0.0000000000000000000000000001m); Check(-12.340m);
        Check(Int128.MinValue); Check(UInt128.MaxValue);
        Check(BigInteger.Parse("-123456789012345678901234567890")); Check(BigInteger.Zero);
    }

    [Fact]
    public void Integers_AreVariableLength()
    {
        Assert.Equal(2, Serializer.Serialize(0).Length);      // version byte + 1
        Assert.Equal(2, Serializer.Serialize(-64).Length);
        Assert.Equal(3, Serializer.Serialize(64).Length);
        Assert.Equal(6, Serializer.Serialize(int.MinValue).Length);
        Assert.Equal(11, Serializer.Serialize(long.MinValue).Length);
    }

    [Fact]
    public void Strings_RoundTrip_IncludingNullEmptyUnicodeAndLoneSurrogates()
    {
        Check<string?>(null);
        Check("");
        Check("hello");
        Check("ünïcödé ✓ 日本語 🎉");
        Check(new string('x', 100_000));
        Check("bad \uD800 surrogate");   // not valid UTF-16: stored as UTF-16 code units
        Check("\uDC00");
        Assert.Equal(1 + 1 + 5, Serializer.Serialize("hello").Length);
        Assert.Equal(1 + 1, Serializer.Serialize<string?>(null).Length);
    }

    [Fact]
    public void Dates_Guid_TimeSpan_RoundTrip_KeepingKindAndOffset()
    {
        Check(new DateTime(2024, 2, 29, 13, 14, 15, DateTimeKind.Utc).AddTicks(7));
        Check(new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Local));
        Check(DateTime.MaxValue); Check(DateTime.MinValue);
        Assert.Equal(DateTimeKind.Local, RoundTrip.Value(new DateTime(5, DateTimeKind.Local)).Kind);
        Check(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5.5)));
        Assert.Equal(TimeSpan.FromHours(14), RoundTrip.Value(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(14))).Offset);
        Check(DateOnly.MaxValue); Check(DateOnly.MinValue); Check(new DateOnly(1970, 1, 1));
        Check(TimeOnly.MaxValue); Check(new TimeOnly(12, 30));
        Check(TimeSpan.MinValue); Check(TimeSpan.FromMilliseconds(-1));
        Check(Guid.NewGuid()); Check(Guid.Empty);
    }

    [Fact]
    public void Enums_And_Nullables_RoundTrip()
    {
        Check(Color.Blue); Check((Color)77); Check(Big.Min); Check(Big.Max);
        Check<int?>(null); Check<int?>(5); Check<Color?>(Color.Green); Check<Color?>(null);
        Check<ReadOnlyPoint?>(new ReadOnlyPoint(1, 2)); Check<ReadOnlyPoint?>(null);
        Assert.Equal(1, Serializer.Serialize(Color.Blue).Length - 1); // byte-backed: one byte
        Assert.Equal(10, Serializer.Serialize(Big.Min).Length - 1);   // long-backed: zig-zag varint
    }

    [Fact]
    public void Tuples_RoundTrip_UpToNestedRest()
    {
        Check(ValueTuple.Create(1));
        Check((1, "a"));
        Check((1, "a", 2.5));
        Check((1, 2, 3, 4, 5, 6, 7));
        Check((1, 2, 3, 4, 5, 6, 7, 8, "nine", 10L, (11, "twelve")));
        Check(((string?)null, (int?)null));
        Check(new KeyValuePair<string, int>("k", 3));
        Check(Tuple.Create(1, "x"));
        Check(new ValueTuple());
    }

    [Fact]
    public void Arrays_RoundTrip_IncludingRawPrimitiveFastPath()
    {
        Check(new[] { 1, -2, int.MaxValue });
        Check(Array.Empty<int>());
        Check<int[]?>(null);
        Check(new byte[] { 0, 255, 7 });
        Check(new[] { 1.5, double.NaN });
        Check(new[] { true, false, true });
        Check(new[] { 'a', '\uD800' });
        Check(new[] { Color.Red, Color.Blue });
        Check(new[] { (Half)1, (Half)2 });
        Check(new[] { "a", null, "" });
        Check(new[] { new[] { 1 }, null, [] });
        Check(new[] { (1, "x"), (2, (string?)null) });
        Check(new[] { new DateTime(1, DateTimeKind.Utc) });
        int[] big = Enumerable.Range(0, 100_000).ToArray();
        Assert.Equal(1 + 3 + 400_000, Serializer.Serialize(big).Length); // raw 4 bytes per int
        Check(big);
    }

    [Fact]
    public void Collections_RoundTrip_IncludingNullsAndEmpties()
    {
        Check(new List<int> { 1, 2, 3 });
        Check(new List<string?> { "a", null });
        Check(new List<int>());
        Check<List<int>?>(null);
        Check(new List<long>(Enumerable.Range(0, 5000).Select(i => (long)i * i)));
        Check(new List<List<int>> { new() { 1 }, new() });
        Check(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 });
        Check(new Dictionary<int, string?> { [1] = null });
        Check(new Dictionary<string, int>());
        Check(new HashSet<int> { 3, 1, 2 });
        Check(new HashSet<string?> { "x", null });
        Check(new Dictionary<Color, List<(int, string?)>> { [Color.Red] = [(1, null)] });
    }

    [Fact]
    public void NestedGenerics_RoundTrip()
    {
        var value = new Dictionary<string, List<(int, string?)>>
        {
            ["one"] = [(1, "a"), (2, null)],
            ["empty"] = [],
            [""] = [(int.MinValue, "")],
        };
        var back = RoundTrip.Value(value);
        Assert.Equal(value.Keys, back.Keys);
        foreach (var (key, list) in value) Assert.Equal(list, back[key]);
    }

    [Fact]
    public void StringComparers_ArePreserved_CustomOnesRejected()
    {
        var ignoreCase = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["Key"] = 1 };
        Assert.Equal(1, RoundTrip.Value(ignoreCase)["KEY"]);
        var set = RoundTrip.Value(new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "A" });
        Assert.Contains("a", set);
        Assert.Same(EqualityComparer<string>.Default, RoundTrip.Value(new Dictionary<string, int>()).Comparer);

        var custom = new Dictionary<object, int>(ReferenceEqualityComparer.Instance) { [new object()] = 1 };
        var error = Assert.Throws<NotSupportedException>(() => Serializer.Serialize(custom));
        Assert.Contains("ReferenceEqualityComparer", error.Message);
        Assert.Contains("RecordCodecs.Register", error.Message);
    }

    [Fact]
    public void Records_And_Classes_RoundTrip_ByPublicMembers()
    {
        Check(new Person("Ada", 36, null));
        Check<Person?>(null);
        var settable = RoundTrip.Value(new Settable { Id = 4, Label = "l", Scores = [1.5], Color = Color.Green });
        Assert.Equal((4, "l", 1.5, Color.Green), (settable.Id, settable.Label, settable.Scores![0], settable.Color));
        var mixed = RoundTrip.Value(new Mixed(9) { Note = "n" });
        Assert.Equal((9, "n"), (mixed.Id, mixed.Note));
        var point = RoundTrip.Value(new MutablePoint { X = 1, Y = -2 });
        Assert.Equal((1, -2), (point.X, point.Y));
        Check(new ReadOnlyPoint(1.5, -2.5));
        Check(new EmptyStruct());
        Assert.IsType<EmptyClass>(RoundTrip.Value(new EmptyClass()));
        var tree = RoundTrip.Value(new Tree("root", [new Tree("a", []), new Tree("b", [new Tree("c", [])])]));
        Assert.Equal("c", tree.Children[1].Children[0].Label);
        Check(new { Name = "anon", Count = 3 });
    }

    [Fact]
    public void AllScalarMembers_RoundTrip_InOneRecord()
    {
        var value = new Everything(true, 1, -1, -300, 60000, -5, 5, long.MinValue, ulong.MaxValue, 'z', 1.25f, Math.PI,
            (Half)0.5, 1.1m, "s", new DateTime(2020, 5, 6, 0, 0, 0, DateTimeKind.Utc),
            new DateTimeOffset(2020, 5, 6, 0, 0, 0, TimeSpan.FromHours(2)), new DateOnly(2020, 5, 6), new TimeOnly(1, 2),
            TimeSpan.FromDays(3), Guid.NewGuid(), Color.Blue, null, Guid.Empty, Int128.MaxValue, new BigInteger(-7));
        Check(value);
    }

    [Fact]
    public void PolymorphicMembers_KeepRuntimeTypes()
    {
        var value = new WithObject(42, new[] { 1, 2 }, new Dog("Rex", "Lab"));
        var back = RoundTrip.Value(value);
        Assert.Equal(42, Assert.IsType<int>(back.Payload));
        Assert.Equal([1, 2], Assert.IsType<int[]>(back.Items));
        Assert.Equal(new Dog("Rex", "Lab"), Assert.IsType<Dog>(back.Pet));

        var list = RoundTrip.Value(new WithObject(new List<object?> { "s", 1L, null, new Person("p", 1, "e") }, new List<int> { 3 }, new Animal("a")));
        Assert.Equal(["s", 1L, null, new Person("p", 1, "e")], Assert.IsType<List<object?>>(list.Payload));
        Assert.IsType<List<int>>(list.Items);
        Assert.IsType<Animal>(list.Pet);

        object[] objects = ["x", 2, 3.0, (4, "four"), new Dictionary<string, object?> { ["k"] = null }];
        object[] objectsBack = RoundTrip.Value(objects);
        Assert.Equal(objects[..4], objectsBack[..4]);
        Assert.Null(Assert.IsType<Dictionary<string, object?>>(objectsBack[4])["k"]);
    }

    [Fact]
    public void PolymorphicTypeNames_AreWrittenOncePerStream()
    {
        var items = Enumerable.Range(0, 1000).Select(i => (object)new Dog("d" + i, "b")).ToList();
        var stream = new MemoryStream();
        Serializer.WriteAll(stream, items);
        long perRecord = stream.Length / items.Count;
        Assert.True(perRecord < 20, $"{perRecord} bytes per record: the type name repeats");
        stream.Position = 0;
        Assert.Equal(items, Serializer.ReadAll<object>(stream).ToList());
    }

    [Fact]
    public void RecordStream_ManyChunks_PreservesOrderAndCount()
    {
        var items = Enumerable.Range(0, 20_000).Select(i => (i, i % 7 == 0 ? null : "v" + i)).ToList();
        Assert.Equal(items, RoundTrip.Stream(items, chunkSize: 1000));
        Assert.Empty(RoundTrip.Stream(Array.Empty<string>()));
        // A single record far larger than a chunk.
        var huge = new string('h', 1_000_000);
        Assert.Equal([huge, "small"], RoundTrip.Stream([huge, "small"], chunkSize: 100));
    }

    [Fact]
    public void RecordStream_StopsAtEndMarker_SoStreamsCanBeConcatenated()
    {
        var stream = new MemoryStream();
        Serializer.WriteAll(stream, [1, 2, 3]);
        Serializer.WriteAll(stream, ["a", "b"]);
        stream.Position = 0;
        Assert.Equal([1, 2, 3], Serializer.ReadAll<int>(stream).ToList());
        Assert.Equal(["a", "b"], Serializer.ReadAll<string>(stream).ToList());
    }

    [Fact]
    public void RecordStream_ReadsFromNonSeekableStream()
    {
        var stream = new MemoryStream();
        var items = Enumerable.Range(0, 5000).Select(i => new Person("n" + i, i, null)).ToList();
        Serializer.WriteAll(stream, items);
        var forwardOnly = new ForwardOnlyStream(stream.ToArray());
        Assert.Equal(items, Serializer.ReadAll<Person>(forwardOnly).ToList());
    }

    [Fact]
    public void BufferWriterApi_AppendsValues()
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        Serializer.Serialize(output, new Person("x", 1, "y"));
        Assert.Equal(new Person("x", 1, "y"), Serializer.Deserialize<Person>(output.WrittenSpan));
    }

    [Fact]
    public void Deserialize_RejectsTrailingBytesAndWrongVersion()
    {
        byte[] bytes = [.. Serializer.Serialize(5), 0];
        Assert.Contains("offset 2", Assert.Throws<InvalidDataException>(() => Serializer.Deserialize<int>(bytes)).Message);
        Assert.Throws<InvalidDataException>(() => Serializer.Deserialize<int>([9, 0]));
        Assert.Throws<InvalidDataException>(() => Serializer.Deserialize<int>([]));
    }

    private static void Check<T>(T value) => Assert.Equal(value, RoundTrip.Value(value));
}

/// <summary>A stream that can only be read forward, in small pieces.</summary>
internal sealed class ForwardOnlyStream(byte[] data) : Stream
{
    private int _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(Math.Min(count, 777), data.Length - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
