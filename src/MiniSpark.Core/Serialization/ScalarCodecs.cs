using System.Buffers.Binary;
using System.Numerics;
using System.Reflection;

namespace MiniSpark.Serialization;

/// <summary>Intrinsic codecs: primitives, strings, dates, GUIDs and big numbers.</summary>
/// <remarks>
/// Each codec exposes static <c>Put</c>/<c>Get</c> methods that generated object codecs call directly (no virtual
/// call per member). Intrinsic codecs cannot be replaced by registration. Integers are zig-zag variable-length
/// (small values take one byte); floating point and GUIDs are fixed-width.
/// </remarks>
internal static class ScalarCodecs
{
    private static readonly Dictionary<Type, object> s_codecs = new()
    {
        [typeof(bool)] = new BooleanCodec(),
        [typeof(byte)] = new ByteCodec(),
        [typeof(sbyte)] = new SByteCodec(),
        [typeof(short)] = new Int16Codec(),
        [typeof(ushort)] = new UInt16Codec(),
        [typeof(int)] = new Int32Codec(),
        [typeof(uint)] = new UInt32Codec(),
        [typeof(long)] = new Int64Codec(),
        [typeof(ulong)] = new UInt64Codec(),
        [typeof(char)] = new CharCodec(),
        [typeof(float)] = new SingleCodec(),
        [typeof(double)] = new DoubleCodec(),
        [typeof(Half)] = new HalfCodec(),
        [typeof(string)] = new StringCodec(),
        [typeof(decimal)] = new DecimalCodec(),
        [typeof(DateTime)] = new DateTimeCodec(),
        [typeof(DateTimeOffset)] = new DateTimeOffsetCodec(),
        [typeof(DateOnly)] = new DateOnlyCodec(),
        [typeof(TimeOnly)] = new TimeOnlyCodec(),
        [typeof(TimeSpan)] = new TimeSpanCodec(),
        [typeof(Guid)] = new GuidCodec(),
        [typeof(Int128)] = new Int128Codec(),
        [typeof(UInt128)] = new UInt128Codec(),
        [typeof(BigInteger)] = new BigIntegerCodec(),
    };

    public static bool IsIntrinsic(Type type) => s_codecs.ContainsKey(type);

    public static object? TryGet(Type type) => s_codecs.GetValueOrDefault(type);

    /// <summary>The static writer <c>void Put(ref RecordWriter, T)</c> of an intrinsic type.</summary>
    public static MethodInfo? PutMethod(Type type) =>
        s_codecs.TryGetValue(type, out object? codec) ? codec.GetType().GetMethod("Put")! : null;

    /// <summary>The static reader <c>T Get(ref RecordReader)</c> of an intrinsic type.</summary>
    public static MethodInfo? GetMethod(Type type) =>
        s_codecs.TryGetValue(type, out object? codec) ? codec.GetType().GetMethod("Get")! : null;

    internal sealed class BooleanCodec : RecordCodec<bool>
    {
        public static void Put(ref RecordWriter writer, bool value) => writer.WriteBoolean(value);
        public static bool Get(ref RecordReader reader) => reader.ReadBoolean();
        public override void Write(ref RecordWriter writer, bool value) => writer.WriteBoolean(value);
        public override bool Read(ref RecordReader reader) => reader.ReadBoolean();
    }

    internal sealed class ByteCodec : RecordCodec<byte>
    {
        public static void Put(ref RecordWriter writer, byte value) => writer.WriteByte(value);
        public static byte Get(ref RecordReader reader) => reader.ReadByte();
        public override void Write(ref RecordWriter writer, byte value) => writer.WriteByte(value);
        public override byte Read(ref RecordReader reader) => reader.ReadByte();
    }

    internal sealed class SByteCodec : RecordCodec<sbyte>
    {
        public static void Put(ref RecordWriter writer, sbyte value) => writer.WriteSByte(value);
        public static sbyte Get(ref RecordReader reader) => reader.ReadSByte();
        public override void Write(ref RecordWriter writer, sbyte value) => writer.WriteSByte(value);
        public override sbyte Read(ref RecordReader reader) => reader.ReadSByte();
    }

    internal sealed class Int16Codec : RecordCodec<short>
    {
        public static void Put(ref RecordWriter writer, short value) => writer.WriteVarInt32(value);

        public static short Get(ref RecordReader reader)
        {
            int value = reader.ReadVarInt32();
            if (value is < short.MinValue or > short.MaxValue) reader.ThrowInvalid("Int16", 1);
            return (short)value;
        }

        public override void Write(ref RecordWriter writer, short value) => Put(ref writer, value);
        public override short Read(ref RecordReader reader) => Get(ref reader);
    }

    internal sealed class UInt16Codec : RecordCodec<ushort>
    {
        public static void Put(ref RecordWriter writer, ushort value) => writer.WriteVarUInt32(value);

        public static ushort Get(ref RecordReader reader)
        {
            uint value = reader.ReadVarUInt32();
            if (value > ushort.MaxValue) reader.ThrowInvalid("UInt16", 1);
            return (ushort)value;
        }

        public override void Write(ref RecordWriter writer, ushort value) => Put(ref writer, value);
        public override ushort Read(ref RecordReader reader) => Get(ref reader);
    }

    internal sealed class Int32Codec : RecordCodec<int>
    {
        public static void Put(ref RecordWriter writer, int value) => writer.WriteVarInt32(value);
        public static int Get(ref RecordReader reader) => reader.ReadVarInt32();
        public override void Write(ref RecordWriter writer, int value) => writer.WriteVarInt32(value);
        public override int Read(ref RecordReader reader) => reader.ReadVarInt32();
    }

    internal sealed class UInt32Codec : RecordCodec<uint>
    {
        public static void Put(ref RecordWriter writer, uint value) => writer.WriteVarUInt32(value);
        public static uint Get(ref RecordReader reader) => reader.ReadVarUInt32();
        public override void Write(ref RecordWriter writer, uint value) => writer.WriteVarUInt32(value);
        public override uint Read(ref RecordReader reader) => reader.ReadVarUInt32();
    }

    internal sealed class Int64Codec : RecordCodec<long>
    {
        public static void Put(ref RecordWriter writer, long value) => writer.WriteVarInt64(value);
        public static long Get(ref RecordReader reader) => reader.ReadVarInt64();
        public override void Write(ref RecordWriter writer, long value) => writer.WriteVarInt64(value);
        public override long Read(ref RecordReader reader) => reader.ReadVarInt64();
    }

    internal sealed class UInt64Codec : RecordCodec<ulong>
    {
        public static void Put(ref RecordWriter writer, ulong value) => writer.WriteVarUInt64(value);
        public static ulong Get(ref RecordReader reader) => reader.ReadVarUInt64();
        public override void Write(ref RecordWriter writer, ulong value) => writer.WriteVarUInt64(value);
        public override ulong Read(ref RecordReader reader) => reader.ReadVarUInt64();
    }

    internal sealed class CharCodec : RecordCodec<char>
    {
        public static void Put(ref RecordWriter writer, char value) => writer.WriteVarUInt32(value);

        public static char Get(ref RecordReader reader)
        {
            uint value = reader.ReadVarUInt32();
            if (value > char.MaxValue) reader.ThrowInvalid("Char", 1);
            return (char)value;
        }

        public override void Write(ref RecordWriter writer, char value) => Put(ref writer, value);
        public override char Read(ref RecordReader reader) => Get(ref reader);
    }

    internal sealed class SingleCodec : RecordCodec<float>
    {
        public static void Put(ref RecordWriter writer, float value) => writer.WriteSingle(value);
        public static float Get(ref RecordReader reader) => reader.ReadSingle();
        public override void Write(ref RecordWriter writer, float value) => writer.WriteSingle(value);
        public override float Read(ref RecordReader reader) => reader.ReadSingle();
    }

    internal sealed class DoubleCodec : RecordCodec<double>
    {
        public static void Put(ref RecordWriter writer, double value) => writer.WriteDouble(value);
        public static double Get(ref RecordReader reader) => reader.ReadDouble();
        public override void Write(ref RecordWriter writer, double value) => writer.WriteDouble(value);
        public override double Read(ref RecordReader reader) => reader.ReadDouble();
    }

    internal sealed class HalfCodec : RecordCodec<Half>
    {
        public static void Put(ref RecordWriter writer, Half value) => writer.WriteHalf(value);
        public static Half Get(ref RecordReader reader) => reader.ReadHalf();
        public override void Write(ref RecordWriter writer, Half value) => writer.WriteHalf(value);
        public override Half Read(ref RecordReader reader) => reader.ReadHalf();
    }

    internal sealed class StringCodec : RecordCodec<string>
    {
        public static void Put(ref RecordWriter writer, string value) => writer.WriteString(value);
        public static string Get(ref RecordReader reader) => reader.ReadString()!;
        public override void Write(ref RecordWriter writer, string value) => writer.WriteString(value);
        public override string Read(ref RecordReader reader) => reader.ReadString()!;
    }

    internal sealed class DecimalCodec : RecordCodec<decimal>
    {
        public static void Put(ref RecordWriter writer, decimal value) => writer.WriteDecimal(value);
        public static decimal Get(ref RecordReader reader) => reader.ReadDecimal();
        public override void Write(ref RecordWriter writer, decimal value) => writer.WriteDecimal(value);
        public override decimal Read(ref RecordReader reader) => reader.ReadDecimal();
    }

    /// <summary>Ticks and kind packed in 8 bytes, like DateTime itself: kind in the top 2 bits.</summary>
    internal sealed class DateTimeCodec : RecordCodec<DateTime>
    {
        private const ulong TicksMask = (1UL << 62) - 1;

        public static void Put(ref RecordWriter writer, DateTime value) =>
            writer.WriteUInt64((ulong)value.Ticks | ((ulong)value.Kind << 62));

        public static DateTime Get(ref RecordReader reader)
        {
            ulong data = reader.ReadUInt64();
            ulong ticks = data & TicksMask;
            ulong kind = data >> 62;
            if (kind > (ulong)DateTimeKind.Local || ticks > (ulong)DateTime.MaxValue.Ticks)
                reader.ThrowInvalid("DateTime", 8);
            return new DateTime((long)ticks, (DateTimeKind)kind);
        }

        public override void Write(ref RecordWriter writer, DateTime value) => Put(ref writer, value);
        public override DateTime Read(ref RecordReader reader) => Get(ref reader);
    }

    /// <summary>Clock ticks (8 bytes) and the offset in minutes (variable-length).</summary>
    internal sealed class DateTimeOffsetCodec : RecordCodec<DateTimeOffset>
    {
        public static void Put(ref RecordWriter writer, DateTimeOffset value)
        {
            writer.WriteInt64(value.Ticks);
            writer.WriteVarInt32(value.TotalOffsetMinutes);
        }

        public static DateTimeOffset Get(ref RecordReader reader)
        {
            long ticks = reader.ReadInt64();
            int minutes = reader.ReadVarInt32();
            long utcTicks = ticks - minutes * TimeSpan.TicksPerMinute;
            if (minutes is < -14 * 60 or > 14 * 60 || ticks < 0 || ticks > DateTime.MaxValue.Ticks
                || utcTicks < 0 || utcTicks > DateTime.MaxValue.Ticks)
                reader.ThrowInvalid("DateTimeOffset", 9);
            return new DateTimeOffset(ticks, TimeSpan.FromMinutes(minutes));
        }

        public override void Write(ref RecordWriter writer, DateTimeOffset value) => Put(ref writer, value);
        public override DateTimeOffset Read(ref RecordReader reader) => Get(ref reader);
    }

    internal sealed class DateOnlyCodec : RecordCodec<DateOnly>
    {
        public static void Put(ref RecordWriter writer, DateOnly value) => writer.WriteVarInt32(value.DayNumber);

        public static DateOnly Get(ref RecordReader reader)
        {
            int day = reader.ReadVarInt32();
            if (day < DateOnly.MinValue.DayNumber || day > DateOnly.MaxValue.DayNumber) reader.ThrowInvalid("DateOnly", 1);
            return DateOnly.FromDayNumber(day);
        }

        public override void Write(ref RecordWriter writer, DateOnly value) => Put(ref writer, value);
        public override DateOnly Read(ref RecordReader reader) => Get(ref reader);
    }

    internal sealed class TimeOnlyCodec : RecordCodec<TimeOnly>
    {
        public static void Put(ref RecordWriter writer, TimeOnly value) => writer.WriteVarUInt64((ulong)value.Ticks);

        public static TimeOnly Get(ref RecordReader reader)
        {
            ulong ticks = reader.ReadVarUInt64();
            if (ticks >= TimeSpan.TicksPerDay) reader.ThrowInvalid("TimeOnly", 1);
            return new TimeOnly((long)ticks);
        }

        public override void Write(ref RecordWriter writer, TimeOnly value) => Put(ref writer, value);
        public override TimeOnly Read(ref RecordReader reader) => Get(ref reader);
    }

    internal sealed class TimeSpanCodec : RecordCodec<TimeSpan>
    {
        public static void Put(ref RecordWriter writer, TimeSpan value) => writer.WriteVarInt64(value.Ticks);
        public static TimeSpan Get(ref RecordReader reader) => new(reader.ReadVarInt64());
        public override void Write(ref RecordWriter writer, TimeSpan value) => Put(ref writer, value);
        public override TimeSpan Read(ref RecordReader reader) => Get(ref reader);
    }

    internal sealed class GuidCodec : RecordCodec<Guid>
    {
        public static void Put(ref RecordWriter writer, Guid value) => writer.WriteGuid(value);
        public static Guid Get(ref RecordReader reader) => reader.ReadGuid();
        public override void Write(ref RecordWriter writer, Guid value) => writer.WriteGuid(value);
        public override Guid Read(ref RecordReader reader) => reader.ReadGuid();
    }

    internal sealed class Int128Codec : RecordCodec<Int128>
    {
        public static void Put(ref RecordWriter writer, Int128 value)
        {
            Span<byte> bytes = stackalloc byte[16];
            BinaryPrimitives.WriteInt128LittleEndian(bytes, value);
            writer.WriteRaw(bytes);
        }

        public static Int128 Get(ref RecordReader reader) => BinaryPrimitives.ReadInt128LittleEndian(reader.ReadRaw(16));
        public override void Write(ref RecordWriter writer, Int128 value) => Put(ref writer, value);
        public override Int128 Read(ref RecordReader reader) => Get(ref reader);
    }

    internal sealed class UInt128Codec : RecordCodec<UInt128>
    {
        public static void Put(ref RecordWriter writer, UInt128 value)
        {
            Span<byte> bytes = stackalloc byte[16];
            BinaryPrimitives.WriteUInt128LittleEndian(bytes, value);
            writer.WriteRaw(bytes);
        }

        public static UInt128 Get(ref RecordReader reader) => BinaryPrimitives.ReadUInt128LittleEndian(reader.ReadRaw(16));
        public override void Write(ref RecordWriter writer, UInt128 value) => Put(ref writer, value);
        public override UInt128 Read(ref RecordReader reader) => Get(ref reader);
    }

    /// <summary>Two's complement little-endian bytes with a length prefix.</summary>
    internal sealed class BigIntegerCodec : RecordCodec<BigInteger>
    {
        public static void Put(ref RecordWriter writer, BigInteger value)
        {
            int count = value.GetByteCount();
            byte[] bytes = new byte[count];
            value.TryWriteBytes(bytes, out _);
            writer.WriteBytes(bytes);
        }

        public static BigInteger Get(ref RecordReader reader)
        {
            ReadOnlySpan<byte> bytes = reader.ReadBytes();
            if (bytes.IsEmpty) reader.ThrowInvalid("BigInteger", 1);
            return new BigInteger(bytes);
        }

        public override void Write(ref RecordWriter writer, BigInteger value) => Put(ref writer, value);
        public override BigInteger Read(ref RecordReader reader) => Get(ref reader);
    }
}
