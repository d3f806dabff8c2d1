using ZstdSharp;

namespace MiniSpark.Formats.Parquet.Compression;

/// <summary>Zstandard (RFC 8878) page bodies through ZstdSharp: one or more frames per page, as Parquet writers emit.</summary>
/// <remarks>
/// The decoder context is kept per thread: creating one costs about 100 KB of tables, and a column chunk has many
/// pages. ZstdSharp frees a context's native memory in its finalizer, so a context cached by a thread that ends is
/// reclaimed by the GC.
/// </remarks>
internal static class ZstdPageCodec
{
    [ThreadStatic] private static Decompressor? t_decompressor;

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
}
