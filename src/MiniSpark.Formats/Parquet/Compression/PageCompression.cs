using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using MiniSpark.Formats.Parquet.Metadata;

namespace MiniSpark.Formats.Parquet.Compression;

/// <summary>Compresses and decompresses page bodies with the codecs Parquet names.</summary>
/// <remarks>
/// Decompression writes into a buffer of the size the page header declares, after checking that size against
/// the most the codec can expand the input: a corrupt header cannot make the reader allocate without bound.
/// Codec failures on corrupt input surface as <see cref="InvalidDataException"/> naming the file and offset.
/// </remarks>
internal static class PageCompression
{
    public static bool IsSupported(CompressionCodec codec) => codec is CompressionCodec.Uncompressed or CompressionCodec.Snappy
        or CompressionCodec.Gzip or CompressionCodec.Brotli or CompressionCodec.Lz4 or CompressionCodec.Lz4Raw or CompressionCodec.Zstd;

    /// <summary>Whether <paramref name="codec"/> could turn <paramref name="compressed"/> bytes into <paramref name="uncompressed"/>.</summary>
    public static bool IsPlausible(CompressionCodec codec, long compressed, long uncompressed)
    {
        long bound = codec switch
        {
            CompressionCodec.Uncompressed => compressed,
            CompressionCodec.Snappy => compressed * 24 + 64, // a 3-byte copy emits at most 64 bytes
            CompressionCodec.Gzip => compressed * 1032 + 1024, // deflate's maximum ratio
            CompressionCodec.Lz4 or CompressionCodec.Lz4Raw => compressed * 256 + 64,
            CompressionCodec.Zstd => compressed * 32768, // an RLE block: 4 bytes for at most 128 KiB
            _ => compressed * 4096 + (64 << 20), // brotli has no useful bound; allow generous room
        };
        return uncompressed <= Math.Min(bound, Array.MaxLength);
    }

    /// <summary>Whether <see cref="IsPlausible"/> holds pages to the codec's true maximum expansion (so exceeding it means
    /// corrupt data) rather than to a limit of this reader's own.</summary>
    public static bool HasMaximumRatio(CompressionCodec codec) => codec is not CompressionCodec.Brotli;

    /// <summary>Checks, before the page buffer is rented, the decoded size that the compressed stream itself declares.</summary>
    /// <remarks>Zstandard frames record their content size; a page header that asks for more fails here, so a
    /// corrupt header never sizes an allocation beyond what the data can hold.</remarks>
    public static void CheckDeclaredSize(CompressionCodec codec, ReadOnlySpan<byte> input, int uncompressed, string source, long offset)
    {
        if (codec != CompressionCodec.Zstd) return;
        ulong bound;
        try
        {
            bound = ZstdPageCodec.DecompressedBound(input);
        }
        catch (ZstdSharp.ZstdException e)
        {
            throw ParquetErrors.Invalid(source, offset, $"{codec} data is corrupt: {e.Message}", e);
        }
        if ((ulong)uncompressed > bound)
            throw ParquetErrors.Invalid(source, offset, $"{codec} frames hold at most {bound} bytes, not the {uncompressed} bytes the page header declares.");
    }

    /// <summary>Decompresses <paramref name="input"/> into exactly <paramref name="output"/>.Length bytes.</summary>
    public static void Decompress(CompressionCodec codec, ReadOnlyMemory<byte> input, Span<byte> output, string source, long offset)
    {
        bool ok;
        try
        {
            ok = codec switch
            {
                CompressionCodec.Uncompressed => Copy(input.Span, output),
                CompressionCodec.Snappy => SnappyBlockDecoder.TryDecode(input.Span, output),
                CompressionCodec.Gzip => Gzip(input, output),
                CompressionCodec.Brotli => BrotliDecoder.TryDecompress(input.Span, output, out int written) && written == output.Length,
                CompressionCodec.Lz4Raw => Lz4BlockDecoder.TryDecode(input.Span, output, out int lz4Written) && lz4Written == output.Length,
                CompressionCodec.Lz4 => HadoopLz4(input.Span, output) || (Lz4BlockDecoder.TryDecode(input.Span, output, out int rawWritten) && rawWritten == output.Length),
                CompressionCodec.Zstd => ZstdPageCodec.TryDecompress(input.Span, output),
                _ => throw ParquetErrors.Unsupported(source, $"the {codec} compression codec"),
            };
        }
        catch (Exception e) when (e is not (NotSupportedException or OutOfMemoryException or InvalidDataException))
        {
            throw ParquetErrors.Invalid(source, offset, $"{codec} data is corrupt: {e.Message}", e);
        }
        catch (InvalidDataException e) when (!e.Data.Contains(ParquetErrors.FileKey))
        {
            throw ParquetErrors.Invalid(source, offset, $"{codec} data is corrupt: {e.Message}", e);
        }
        if (!ok) throw ParquetErrors.Invalid(source, offset, $"{codec} data does not decompress to the {output.Length} bytes the page header declares.");
    }

    /// <summary>Appends the compressed form of <paramref name="input"/> to <paramref name="output"/>; only ZSTD takes a level.</summary>
    public static void Compress(CompressionCodec codec, ReadOnlySpan<byte> input, ArrayBufferWriter<byte> output, int zstdLevel)
    {
        switch (codec)
        {
            case CompressionCodec.Uncompressed:
                output.Write(input);
                break;
            case CompressionCodec.Snappy:
                output.Write(IronSnappy.Snappy.Encode(input));
                break;
            case CompressionCodec.Gzip:
                using (var stream = new BufferWriterStream(output))
                using (var gzip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true))
                {
                    gzip.Write(input);
                }
                break;
            case CompressionCodec.Zstd:
                ZstdPageCodec.Compress(input, output, zstdLevel);
                break;
            default:
                throw new NotSupportedException($"Writing {codec} compressed Parquet is not supported.");
        }
    }

    private static bool Copy(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (input.Length != output.Length) return false;
        input.CopyTo(output);
        return true;
    }

    private static bool Gzip(ReadOnlyMemory<byte> input, Span<byte> output)
    {
        using var source = AsStream(input);
        // .NET's GZipStream reads concatenated members, which some Hadoop writers emit.
        using var gzip = new GZipStream(source, CompressionMode.Decompress);
        int total = 0;
        while (total < output.Length)
        {
            int read = gzip.Read(output[total..]);
            if (read == 0) return false;
            total += read;
        }
        Span<byte> probe = stackalloc byte[1];
        return gzip.Read(probe) == 0;
    }

    // Hadoop framing: blocks of [big-endian uncompressed size][big-endian compressed size][LZ4 block].
    private static bool HadoopLz4(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int ip = 0, op = 0;
        while (ip + 8 <= input.Length)
        {
            uint expected = BinaryPrimitives.ReadUInt32BigEndian(input[ip..]);
            uint compressed = BinaryPrimitives.ReadUInt32BigEndian(input[(ip + 4)..]);
            ip += 8;
            if (compressed > (uint)(input.Length - ip) || expected > (uint)(output.Length - op)) return false;
            if (!Lz4BlockDecoder.TryDecode(input.Slice(ip, (int)compressed), output.Slice(op, (int)expected), out int written) || written != expected) return false;
            ip += (int)compressed;
            op += written;
        }
        return ip == input.Length && op == output.Length;
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> input) =>
        MemoryMarshal.TryGetArray(input, out ArraySegment<byte> segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(input.ToArray(), writable: false);
}
