using System.Buffers;

namespace MiniSpark.Formats.Arrow.Ipc;

/// <summary>Reads length-prefixed regions from untrusted input without trusting the length.</summary>
internal static class ArrowStreams
{
    private const int Chunk = 1 << 20;

    /// <summary>
    /// Reads <paramref name="length"/> bytes into a pooled array (return it to <see cref="ArrayPool{T}.Shared"/>).
    /// A seekable stream is checked against its length first; otherwise the array grows with the data actually
    /// read, so a forged length fails at end of input after allocating at most twice what was there.
    /// </summary>
    public static byte[] ReadRented(Stream stream, long length, string source, long offset, string what)
    {
        if (length < 0) throw ArrowErrors.Invalid(source, offset, $"{what} has negative length {length}");
        if (stream.CanSeek && length > stream.Length - stream.Position)
            throw ArrowErrors.Invalid(source, offset, $"{what} of {length} bytes runs past the end of the data ({Math.Max(0, stream.Length - stream.Position)} bytes left)");
        if (length > Array.MaxLength) throw ArrowErrors.Unsupported(source, offset, $"a {what} of {length} bytes (over 2 GiB)");
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(length, stream.CanSeek ? length : Chunk));
        int filled = 0;
        try
        {
            while (filled < length)
            {
                if (filled == buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(length, buffer.Length * 2L));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                int read = stream.Read(buffer, filled, (int)Math.Min(length, buffer.Length) - filled);
                if (read == 0) throw ArrowErrors.Invalid(source, offset + filled, $"the data ends inside a {what} ({filled} of {length} bytes)");
                filled += read;
            }
            return buffer;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Fills <paramref name="target"/>; returns the bytes read, fewer only at end of input.</summary>
    public static int ReadUpTo(Stream stream, Span<byte> target) => stream.ReadAtLeast(target, target.Length, throwOnEndOfStream: false);
}
