using System.Buffers;
using System.IO.Compression;
using MiniSpark.Input;

namespace MiniSpark.Formats.Reading;

/// <summary>Turns a byte offset into a line number by counting line breaks from the start of the file: only on the
/// error path, so reading a split never needs to know how many lines came before it.</summary>
internal static class LineNumbers
{
    /// <summary>The number of line breaks in bytes <c>[0, offset)</c> of <paramref name="path"/> (decompressed bytes
    /// for gzip files); -1 if the file cannot be read any more.</summary>
    /// <param name="path">The file.</param>
    /// <param name="offset">Where to stop counting.</param>
    /// <param name="carriageReturnsBreakLines">Whether a lone <c>\r</c> is a line break too (CSV); <c>\r\n</c> counts once either way.</param>
    public static long CountBreaks(string path, long offset, bool carriageReturnsBreakLines)
    {
        if (offset <= 0) return 0;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
        try
        {
            using Stream file = LineReader.Open(path, 0);
            using Stream stream = FileSplits.IsGzip(path) ? CheckedGzipStream.Decompress(file, path) : file;
            long breaks = 0, position = 0;
            bool pendingCarriageReturn = false;
            while (position < offset)
            {
                int read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, offset - position));
                if (read == 0) break;
                ReadOnlySpan<byte> bytes = buffer.AsSpan(0, read);
                position += read;
                breaks += bytes.Count((byte)'\n');
                if (!carriageReturnsBreakLines) continue;
                if (pendingCarriageReturn && bytes[0] != (byte)'\n') breaks++;
                pendingCarriageReturn = false;
                for (int i = 0; i < bytes.Length; i++)
                {
                    int found = bytes[i..].IndexOf((byte)'\r');
                    if (found < 0) break;
                    i += found;
                    if (i + 1 == bytes.Length) pendingCarriageReturn = true;
                    else if (bytes[i + 1] != (byte)'\n') breaks++;
                }
            }
            // A \r just before the offset ends the line before it: the offset starts the next.
            if (pendingCarriageReturn) breaks++;
            return breaks;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return -1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The 1-based line starting at or containing <paramref name="offset"/>; 0 when it cannot be known.</summary>
    public static long LineAt(string path, long offset, bool carriageReturnsBreakLines)
    {
        long breaks = CountBreaks(path, offset, carriageReturnsBreakLines);
        return breaks < 0 ? 0 : breaks + 1;
    }
}
