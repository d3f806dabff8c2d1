using MiniSpark.Serialization;

namespace MiniSpark.Tests.Serialization;

public sealed record Money(long Cents, string Currency);

public sealed record Invoice(string Id, Money Total, List<Money> Lines);

public sealed record Later(int Value);

public readonly struct Maybe<T>
{
    private readonly T _value;

    private Maybe(T value) { _value = value; HasValue = true; }

    public bool HasValue { get; }

    public T Value => HasValue ? _value : throw new InvalidOperationException();

    public static Maybe<T> Some(T value) => new(value);
}

public readonly struct Opaque<T>
{
    private readonly T _value;

    public Opaque(T value) => _value = value;

    public bool IsSet => _value is not null;
}

/// <summary>Counts its calls: proves the registered codec is the one used, also when nested.</summary>
public sealed class CountingMoneyCodec : RecordCodec<Money>
{
    public int Writes;
    public int Reads;

    public override void Write(ref RecordWriter writer, Money value)
    {
        Interlocked.Increment(ref Writes);
        writer.WriteVarInt64(value.Cents);
        writer.WriteString(value.Currency);
    }

    public override Money Read(ref RecordReader reader)
    {
        Interlocked.Increment(ref Reads);
        return new Money(reader.ReadVarInt64(), reader.ReadString()!);
    }
}

public sealed class LaterCodec(int offset) : RecordCodec<Later>
{
    public override void Write(ref RecordWriter writer, Later value) => writer.WriteInt32(value.Value + offset);

    public override Later Read(ref RecordReader reader) => new(reader.ReadInt32() - offset);
}

public sealed class MaybeCodec<T> : RecordCodec<Maybe<T>>
{
    public static int Uses;

    public override void Write(ref RecordWriter writer, Maybe<T> value)
    {
        Interlocked.Increment(ref Uses);
        writer.WriteBoolean(value.HasValue);
        if (value.HasValue) writer.WriteValue(value.Value);
    }

    public override Maybe<T> Read(ref RecordReader reader) =>
        reader.ReadBoolean() ? Maybe<T>.Some(reader.ReadValue<T>()) : default;
}

public class RecordCodecsTests
{
    [Fact]
    public void Register_CustomCodec_IsUsedAtTopLevelAndNested()
    {
        var codec = new CountingMoneyCodec();
        RecordCodecs.Register(codec);
        var invoice = new Invoice("i1", new Money(100, "EUR"), [new Money(60, "EUR"), new Money(40, "EUR")]);

        Invoice back = Serializer.Deserialize<Invoice>(Serializer.Serialize(invoice));

        Assert.Equal(invoice.Total, back.Total);
        Assert.Equal(invoice.Lines, back.Lines);
        Assert.Equal(3, codec.Writes);
        Assert.Equal(3, codec.Reads);
        Assert.Null(RoundTrip.Value<Money?>(null)); // the engine writes the null marker, the codec never sees null
    }

    [Fact]
    public void Register_AfterFirstUse_ReplacesCodecForLaterUse()
    {
        byte[] before = Serializer.Serialize(new List<Later> { new(1) });
        RecordCodecs.Register(new LaterCodec(1000));
        byte[] after = Serializer.Serialize(new List<Later> { new(1) });

        Assert.NotEqual(before, after); // the nested List<Later> codec picked the registration up
        Assert.Equal(1001, System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(after.AsSpan(after.Length - 4)));
        Assert.Equal(new Later(1), Assert.Single(Serializer.Deserialize<List<Later>>(after)));
    }

    [Fact]
    public void Register_IntrinsicType_Throws()
    {
        Assert.Throws<ArgumentException>(() => RecordCodecs.Register(new ScalarCodecs.Int32Codec()));
        Assert.Throws<ArgumentNullException>(() => RecordCodecs.Register<Later>(null!));
    }

    [Fact]
    public void StructWithPrivateState_WithoutCodec_IsRejected()
    {
        var error = Assert.Throws<NotSupportedException>(() => Serializer.Serialize(new Opaque<long>(1)));
        Assert.Contains("Opaque<Int64>", error.Message);
        Assert.Contains("_value", error.Message);
        Assert.Contains("RecordCodecs.Register", error.Message);
    }

    [Fact]
    public void RegisterGeneric_CoversEveryClosedType()
    {
        RecordCodecs.RegisterGeneric(typeof(Maybe<>), typeof(MaybeCodec<>));
        int uses = MaybeCodec<string>.Uses;

        var back = RoundTrip.Value((Maybe<string>.Some("x"), default(Maybe<string>)));

        Assert.Equal("x", back.Item1.Value);
        Assert.False(back.Item2.HasValue);
        Assert.True(MaybeCodec<string>.Uses > uses);
        Assert.Equal(5, Serializer.Deserialize<Maybe<int>>(Serializer.Serialize(Maybe<int>.Some(5))).Value);
    }

    [Fact]
    public void RegisterGeneric_ValidatesArguments()
    {
        Assert.Throws<ArgumentException>(() => RecordCodecs.RegisterGeneric(typeof(Maybe<int>), typeof(MaybeCodec<>)));
        Assert.Throws<ArgumentException>(() => RecordCodecs.RegisterGeneric(typeof(Maybe<>), typeof(LaterCodec)));
        Assert.Throws<ArgumentException>(() => RecordCodecs.RegisterGeneric(typeof(List<>), typeof(MaybeCodec<>)));
    }
}
