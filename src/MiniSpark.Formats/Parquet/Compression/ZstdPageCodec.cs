using System.Buffers;
using ZstdSharp;

namespace MiniSpark.Formats.Parquet.Compression;

/// <summary>Zstandard (RFC 8878) page bodies through ZstdSharp: one or more frames per page, as Parquet writers emit.</summary>
/// <remarks>
/// Contexts are kept per thread: creating one costs about 100 KB (decoder) to a few MB (encoder at level 3) of
/// tables, and a column chunk has many pages. ZstdSharp frees a context's native memory in its finalizer, so a
/// context cached by a thread that ends is reclaimed by the GC.
/// </remarks>
internal static class ZstdPageCodec
{
    [ThreadStatic] private static Decompressor? t_decompressor;
    [ThreadStatic] private static Compressor? t_compressor;

    /// <summary>The most bytes the frames in <paramref name="input"/> can decode to, read from frame and block headers only.</summary>
    /// <remarks>Exact when every frame records its content size (zstd's default). Throws <see cref="ZstdException"/>
    /// for input that is not a sequence of whole frames.</remarks>
    public static ulong DecompressedBound(ReadOnlySpan<byte> input) => Decompressor.GetDecompressedSize(input);

    /// <summary>Decodes <paramref name="input"/> into <paramref name="output"/>; false unless it fills it exactly.</summary>
    /// <remarks>Throws <see cref="ZstdException"/> for corrupt or truncated frames, trailing bytes and checksum mismatches.</remarks>
    public static bool TryDecompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        Decompressor decompressor = t_decompressor ??= new Decompressor();
        // Decoding into the page buffer needs no window buffer, whatever window size a frame header asks for.
        return decompressor.TryUnwrap(input, output, out int written) && written == output.Length;
    }

    /// <summary>Appends one frame holding <paramref name="input"/>, with its content size, to <paramref name="output"/>.</summary>
    public static void Compress(ReadOnlySpan<byte> input, ArrayBufferWriter<byte> output, int level)
    {
        Compressor compressor = t_compressor ??= new Compressor(level);
        compressor.Level = level; // a no-op unless this thread last wrote with another level
        Span<byte> target = output.GetSpan(Compressor.GetCompressBound(input.Length));
        output.Advance(compressor.Wrap(input, target));
    }
}
