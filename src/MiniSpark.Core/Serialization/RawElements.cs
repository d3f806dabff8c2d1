using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MiniSpark.Serialization;

/// <summary>Copies raw element bytes out of a reader, rejecting booleans other than 0 and 1.</summary>
internal static class RawElements
{
    public static void Read<T>(ref RecordReader reader, Span<T> destination) where T : unmanaged
    {
        ReadOnlySpan<byte> source = reader.Take(destination.Length * Unsafe.SizeOf<T>());
        if (typeof(T) == typeof(bool) && source.IndexOfAnyExceptInRange((byte)0, (byte)1) >= 0)
            reader.ThrowInvalid("Boolean", source.Length);
        source.CopyTo(MemoryMarshal.AsBytes(destination));
    }
}
