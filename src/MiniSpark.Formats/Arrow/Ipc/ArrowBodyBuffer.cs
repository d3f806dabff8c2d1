using System.Buffers;

namespace MiniSpark.Formats.Arrow.Ipc;

/// <summary>A growable, pooled byte buffer in which a writer assembles one message body; reused batch after batch.</summary>
internal sealed class ArrowBodyBuffer : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(4096);

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public Span<byte> Slice(int position, int length) => _buffer.AsSpan(position, length);

    /// <summary>Reserves <paramref name="size"/> bytes (contents undefined) plus zeroed padding to a multiple of 8.</summary>
    public int ReservePadded(long size)
    {
        long padded = (size + 7) & ~7L;
        if (padded > Array.MaxLength - Length)
            throw new InvalidOperationException("An Arrow record batch body would exceed 2 GiB; write smaller batches.");
        int position = Length;
        int end = position + (int)padded;
        if (end > _buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(end, (int)Math.Min(Array.MaxLength, _buffer.Length * 2L)));
            _buffer.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        _buffer.AsSpan(position + (int)size, (int)(padded - size)).Clear();
        Length = end;
        return position;
    }

    public void Reset() => Length = 0;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        Length = 0;
    }
}
