using System.Buffers;
using MiniSpark.Internal;

namespace MiniSpark.Serialization;

/// <summary>The engine's entry points: record streams for disk blocks, spill files and checkpoints, and single
/// values to and from bytes.</summary>
/// <remarks>
/// <para>Codecs come from <see cref="RecordCodecs"/> registrations or are built once per type (see
/// <see cref="CodecFactory"/>). Reading corrupt or truncated data throws <see cref="InvalidDataException"/> naming the
/// byte offset; an unsupported type throws <see cref="NotSupportedException"/> naming it; a cyclic object graph
/// throws <see cref="InvalidOperationException"/>.</para>
/// <para>Both formats start with the format version byte. Record streams add chunk checksums
/// (<see cref="RecordStreamFormat"/>); single values do not, but their decoding is bounds-checked all the same.</para>
/// </remarks>
internal static class Serializer
{
    [ThreadStatic] private static PooledBufferWriter? t_scratch;

    /// <summary>Writes <paramref name="items"/> as a complete record stream. The stream stays open.</summary>
    public static void WriteAll<T>(Stream stream, IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        using var writer = new RecordStreamWriter<T>(stream);
        foreach (T item in items) writer.Write(item);
        writer.Complete();
    }

    /// <summary>Reads back a record stream written by <see cref="WriteAll{T}"/> or <see cref="RecordStreamWriter{T}"/>,
    /// lazily, one chunk in memory at a time. The stream stays open.</summary>
    public static IEnumerable<T> ReadAll<T>(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead) throw new ArgumentException(SR.StreamNotReadable, nameof(stream));
        return ReadAllIterator<T>(stream);
    }

    /// <summary>The version byte and the encoding of <paramref name="value"/>.</summary>
    public static byte[] Serialize<T>(T value)
    {
        PooledBufferWriter buffer = t_scratch ?? new PooledBufferWriter(256);
        t_scratch = null; // a codec that serializes from inside a codec gets its own buffer
        try
        {
            buffer.ResetTo(0);
            Serialize(buffer, value);
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (buffer.Capacity <= 1 << 20) t_scratch = buffer;
            else buffer.Dispose();
        }
    }

    /// <summary>Appends the version byte and the encoding of <paramref name="value"/> to <paramref name="output"/>.
    /// If the codec throws, part of the value may already be in <paramref name="output"/>.</summary>
    public static void Serialize<T>(IBufferWriter<byte> output, T value)
    {
        ArgumentNullException.ThrowIfNull(output);
        var writer = new RecordWriter(output);
        writer.WriteByte(RecordStreamFormat.Version);
        CodecSlot<T>.Instance.Codec.Write(ref writer, value);
        writer.Flush();
    }

    /// <summary>Reads a value written by <see cref="Serialize{T}(T)"/>; every byte must belong to it.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) throw new InvalidDataException(SR.Corrupt(0, SR.NoVersionByte));
        if (data[0] != RecordStreamFormat.Version)
            throw new InvalidDataException(SR.Corrupt(0, SR.UnsupportedVersion(data[0], RecordStreamFormat.Version)));
        var reader = new RecordReader(data[1..], baseOffset: 1);
        T value = CodecSlot<T>.Instance.Codec.Read(ref reader);
        if (reader.Remaining != 0) reader.ThrowCorrupt(SR.TrailingBytes(reader.Remaining));
        return value;
    }

    private static IEnumerable<T> ReadAllIterator<T>(Stream stream)
    {
        using var reader = new RecordStreamReader(stream);
        reader.ReadHeader();
        while (reader.NextChunk())
        {
            RecordCodec<T> codec = CodecSlot<T>.Instance.Codec;
            for (int i = reader.ChunkRecords; i > 0; i--) yield return reader.ReadRecord(codec);
        }
    }
}
