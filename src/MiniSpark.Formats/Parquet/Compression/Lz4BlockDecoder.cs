namespace MiniSpark.Formats.Parquet.Compression;

/// <summary>Decodes LZ4 blocks (the LZ4_RAW codec and the payload of Hadoop's LZ4 framing).</summary>
internal static class Lz4BlockDecoder
{
    /// <summary>Decodes one block into <paramref name="output"/>; false when the block is malformed or does not fit.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> input, Span<byte> output, out int written)
    {
        written = 0;
        int ip = 0, op = 0;
        while (ip < input.Length)
        {
            int token = input[ip++];
            int literalLength = token >> 4;
            if (literalLength == 15 && !TryReadLength(input, ref ip, ref literalLength)) return false;
            if (literalLength > input.Length - ip || literalLength > output.Length - op) return false;
            input.Slice(ip, literalLength).CopyTo(output[op..]);
            ip += literalLength;
            op += literalLength;
            if (ip == input.Length) break; // the last sequence holds literals only
            if (ip + 2 > input.Length) return false;
            int offset = input[ip] | input[ip + 1] << 8;
            ip += 2;
            if (offset == 0 || offset > op) return false;
            int matchLength = token & 0x0F;
            if (matchLength == 15 && !TryReadLength(input, ref ip, ref matchLength)) return false;
            matchLength += 4;
            if (matchLength > output.Length - op) return false;
            // Overlapping copies (offset < length) repeat a pattern, so copy forwards byte by byte then.
            if (offset >= matchLength)
            {
                output.Slice(op - offset, matchLength).CopyTo(output[op..]);
                op += matchLength;
            }
            else
            {
                for (int i = 0; i < matchLength; i++, op++) output[op] = output[op - offset];
            }
        }
        written = op;
        return true;
    }

    private static bool TryReadLength(ReadOnlySpan<byte> input, ref int ip, ref int length)
    {
        int b;
        do
        {
            if (ip >= input.Length) return false;
            b = input[ip++];
            length += b;
            if (length > Array.MaxLength) return false;
        }
        while (b == 255);
        return true;
    }
}
