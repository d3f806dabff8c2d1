using System.Buffers;
using MiniSpark.Internal;

namespace MiniSpark.Serialization;

/// <summary>An <see cref="IBufferWriter{T}"/> over one growing array rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
internal sealed class PooledBufferWriter(int initialCapacity) : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));
    private int _written;

    public int WrittenCount => _written;

    public int Capacity => _buffer.Length;

    /// <summary>The whole underlying array (valid until the next write grows it).</summary>
    public byte[] Buffer => _buffer;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > _buffer.Length - _written) throw new InvalidOperationException(SR.AdvancedTooFar);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Discards everything after the first <paramref name="position"/> bytes.</summary>
    public void ResetTo(int position)
    {
        System.Diagnostics.Debug.Assert(position >= 0 && position <= _buffer.Length);
        _written = position;
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }

    private void Reserve(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= sizeHint) return;
        long wanted = Math.Max((long)_buffer.Length * 2, (long)_written + sizeHint);
        int size = (int)Math.Min(wanted, Array.MaxLength);
        if (size - _written < sizeHint) throw new OutOfMemoryException(SR.BlockTooLarge);
        byte[] larger = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, _written).CopyTo(larger);
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
