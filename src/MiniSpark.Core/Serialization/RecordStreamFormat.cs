namespace MiniSpark.Serialization;

/// <summary>Layout of a record stream, shared by <see cref="RecordStreamWriter{T}"/> and <see cref="RecordStreamReader"/>.</summary>
/// <remarks>
/// <code>
/// stream  = version:byte chunk* end
/// chunk   = count:varint(>0) length:varint checksum:uint32 payload[length]   (count records, back to back)
/// end     = 0:byte total:varint64 checksum:uint32                            (total records in the stream)
/// </code>
/// The chunk checksum is xxHash32 of the payload seeded with its count and length, so a flipped bit anywhere in a
/// chunk is detected; the end marker repeats the record total, so a chunk lost or cut off is detected too. Chunks
/// are about <see cref="DefaultChunkSize"/> bytes (one large record makes a larger chunk).
/// </remarks>
internal static class RecordStreamFormat
{
    public const byte Version = 1;
    public const int DefaultChunkSize = 64 * 1024;

    /// <summary>Room reserved before a chunk's payload for its header: two varints and the checksum.</summary>
    public const int MaxChunkHeaderSize = 5 + 5 + 4;

    public static uint ChunkSeed(int count, int length) => (uint)count * 0x9E3779B1u ^ (uint)length;

    public static uint EndChecksum(ulong total)
    {
        Span<byte> bytes = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, total);
        return XxHash32.Hash(bytes, 0x454E4421u); // "END!"
    }
}
