using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MiniSpark.Formats.Parquet.Compression;

/// <summary>Decodes raw Snappy blocks (Parquet's SNAPPY codec) straight into the caller's buffer.</summary>
/// <remarks>
/// Written from Snappy's format description: a varint of the uncompressed length, then literals (tag 00) and copies
/// of earlier output with 1-, 2- or 4-byte offsets (tags 01, 10, 11). IronSnappy, which writes our pages, only
/// decodes into a new array of the size the block claims; decoding in place spares an allocation and a copy per page.
/// Every length and offset is checked before any byte moves, so a corrupt block returns false, never reads or writes
/// outside the two spans. Copies and short literals move 8 bytes at a time when the spans have room for that.
/// </remarks>
internal static class SnappyBlockDecoder
{
    /// <summary>Reads the block's declared uncompressed length; false when the varint is malformed or exceeds 2^31 - 1.</summary>
    public static bool TryReadLength(ReadOnlySpan<byte> input, out int length, out int headerBytes)
    {
        length = 0;
        uint value = 0;
        for (int i = 0; i < 5 && i < input.Length; i++)
        {
            byte b = input[i];
            value |= (uint)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                headerBytes = i + 1;
                if (value > int.MaxValue || (i == 4 && b > 0x0F)) break;
                length = (int)value;
                return true;
            }
        }
        headerBytes = 0;
        return false;
    }

    /// <summary>Decodes <paramref name="input"/> into exactly <paramref name="output"/>; false when the block is malformed
    /// or does not decode to <paramref name="output"/>.Length bytes.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (!TryReadLength(input, out int declared, out int ip) || declared != output.Length) return false;
        ref byte source = ref MemoryMarshal.GetReference(input);
        ref byte target = ref MemoryMarshal.GetReference(output);
        int inputLength = input.Length, outputLength = output.Length;
        int op = 0;
        while (ip < inputLength)
        {
            int tag = Unsafe.Add(ref source, ip++);
            int length, offset;
            switch (tag & 3)
            {
                case 0:
                {
                    long literal = tag >> 2;
                    if (literal >= 60)
                    {
                        int extra = (int)literal - 59;
                        if (extra > inputLength - ip) return false;
                        literal = 0;
                        for (int i = 0; i < extra; i++) literal |= (long)Unsafe.Add(ref source, ip + i) << (8 * i);
                        ip += extra;
                    }
                    literal++;
                    if (literal > inputLength - ip || literal > outputLength - op) return false;
                    length = (int)literal;
                    if (length <= 16 && inputLength - ip >= 16 && outputLength - op >= 16)
                    {
                        Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, op), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, ip)));
                        Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, op + 8), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, ip + 8)));
                    }
                    else
                    {
                        input.Slice(ip, length).CopyTo(output[op..]);
                    }
                    ip += length;
                    op += length;
                    continue;
                }
                case 1:
                    if (ip >= inputLength) return false;
                    length = 4 + ((tag >> 2) & 7);
                    offset = ((tag & 0xE0) << 3) | Unsafe.Add(ref source, ip++);
                    break;
                case 2:
                    if (inputLength - ip < 2) return false;
                    length = 1 + (tag >> 2);
                    offset = BinaryPrimitives.ReadUInt16LittleEndian(input[ip..]);
                    ip += 2;
                    break;
                default:
                {
                    if (inputLength - ip < 4) return false;
                    length = 1 + (tag >> 2);
                    uint wide = BinaryPrimitives.ReadUInt32LittleEndian(input[ip..]);
                    if (wide > int.MaxValue) return false;
                    offset = (int)wide;
                    ip += 4;
                    break;
                }
            }
            if (offset == 0 || offset > op || length > outputLength - op) return false;
            int from = op - offset;
            if (offset >= 8 && outputLength - op >= ((length + 7) & ~7))
            {
                // Each 8-byte read ends at or before the write it feeds, so overlapping copies repeat their pattern
                // exactly as a byte-by-byte copy would; the few bytes written past the copy are overwritten later.
                for (int i = 0; i < length; i += 8)
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, op + i), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref target, from + i)));
            }
            else
            {
                for (int i = 0; i < length; i++) Unsafe.Add(ref target, op + i) = Unsafe.Add(ref target, from + i);
            }
            op += length;
        }
        return op == outputLength;
    }
}
