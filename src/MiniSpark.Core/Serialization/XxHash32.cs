using System.Buffers.Binary;
using System.Numerics;

namespace MiniSpark.Serialization;

/// <summary>xxHash32 (Yann Collet's algorithm), the checksum of each chunk of a record stream.</summary>
internal static class XxHash32
{
    private const uint Prime1 = 2654435761U;
    private const uint Prime2 = 2246822519U;
    private const uint Prime3 = 3266489917U;
    private const uint Prime4 = 668265263U;
    private const uint Prime5 = 374761393U;

    public static uint Hash(ReadOnlySpan<byte> data, uint seed = 0)
    {
        int length = data.Length;
        uint hash;
        if (length >= 16)
        {
            uint v1 = seed + Prime1 + Prime2, v2 = seed + Prime2, v3 = seed, v4 = seed - Prime1;
            while (data.Length >= 16)
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt32LittleEndian(data));
                v2 = Round(v2, BinaryPrimitives.ReadUInt32LittleEndian(data[4..]));
                v3 = Round(v3, BinaryPrimitives.ReadUInt32LittleEndian(data[8..]));
                v4 = Round(v4, BinaryPrimitives.ReadUInt32LittleEndian(data[12..]));
                data = data[16..];
            }
            hash = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7)
                + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
        }
        else
        {
            hash = seed + Prime5;
        }
        hash += (uint)length;
        while (data.Length >= 4)
        {
            hash = BitOperations.RotateLeft(hash + BinaryPrimitives.ReadUInt32LittleEndian(data) * Prime3, 17) * Prime4;
            data = data[4..];
        }
        foreach (byte b in data) hash = BitOperations.RotateLeft(hash + b * Prime5, 11) * Prime1;
        hash ^= hash >> 15;
        hash *= Prime2;
        hash ^= hash >> 13;
        hash *= Prime3;
        hash ^= hash >> 16;
        return hash;
    }

    private static uint Round(uint accumulator, uint input) =>
        BitOperations.RotateLeft(accumulator + input * Prime2, 13) * Prime1;
}
