using System.Buffers;
using System.Diagnostics;
using System.Text;

namespace MiniSpark.Input;

/// <summary>Pulls <c>\n</c>-terminated lines out of a stream through one pooled buffer.</summary>
/// <remarks>
/// Owns the stream and the buffer; <see cref="Dispose"/> releases both. Tracks the stream offset of every byte so
/// callers can test line ownership and errors can say where they happened.
/// </remarks>
internal sealed class LineBuffer : IDisposable
{
    private const int InitialSize = 64 * 1024;
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private readonly Stream _stream;
    private readonly string _path;
    private readonly bool _decompressed;
    private byte[]? _buffer;
    private int _head;          // first unconsumed byte in _buffer
    private int _tail;          // end of valid data in _buffer
    private long _bufferOffset; // stream offset of _buffer[0]
    private bool _endOfStream;
    private bool _atStreamStart;

    /// <summary>Reads <paramref name="stream"/>, whose next byte is at <paramref name="offset"/>.</summary>
    /// <param name="stream">The stream to read; disposed with this buffer.</param>
    /// <param name="path">The file, for error messages.</param>
    /// <param name="offset">Offset of the stream's next byte; a UTF-8 BOM is skipped only at offset 0.</param>
    /// <param name="decompressed">Whether offsets count decompressed bytes, for error messages.</param>
    public LineBuffer(Stream stream, string path, long offset, bool decompressed)
    {
        _stream = stream;
        _path = path;
        _bufferOffset = offset;
        _decompressed = decompressed;
        _atStreamStart = offset == 0;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    }

    /// <summary>Stream offset of the next unconsumed byte: where the next line starts.</summary>
    public long Position => _bufferOffset + _head;

    /// <summary>The next line without its <c>\n</c> or <c>\r\n</c>, or null at the end of the stream.</summary>
    /// <remarks>A last line without a newline is still a line; a <c>\r</c> ending it is dropped too.</remarks>
    public string? ReadLine()
    {
        if (!TryFindLine(out int lineEnd, out int next)) return null;
        ReadOnlySpan<byte> line = _buffer.AsSpan(_head, lineEnd - _head);
        if (_atStreamStart)
        {
            _atStreamStart = false;
            if (line.StartsWith(Utf8Bom))
            {
                line = line[Utf8Bom.Length..];
                // A file holding only a BOM has no lines, like one holding nothing.
                if (line.IsEmpty && next == lineEnd)
                {
                    _head = next;
                    return null;
                }
            }
        }
        if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
        string text = Encoding.UTF8.GetString(line);
        _head = next;
        return text;
    }

    /// <summary>Consumes everything up to and including the next <c>\n</c> (or to the end of the stream).</summary>
    public void SkipLine()
    {
        _atStreamStart = false;
        if (TryFindLine(out _, out int next)) _head = next;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_buffer is null) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
        _stream.Dispose();
    }

    // Finds the line starting at _head: its bytes are [_head, lineEnd), the next line starts at next.
    // False only when no byte is left.
    private bool TryFindLine(out int lineEnd, out int next)
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        int scanned = 0; // bytes after _head already known to hold no newline; survives compaction
        while (true)
        {
            int index = _buffer.AsSpan(_head + scanned, _tail - _head - scanned).IndexOf((byte)'\n');
            if (index >= 0)
            {
                lineEnd = _head + scanned + index;
                next = lineEnd + 1;
                return true;
            }
            scanned = _tail - _head;
            if (!Fill())
            {
                lineEnd = next = _tail;
                return _tail > _head;
            }
        }
    }

    // Reads more bytes after _tail, first making room by dropping consumed bytes or growing the buffer.
    private bool Fill()
    {
        Debug.Assert(_buffer is not null);
        if (_endOfStream) return false;
        if (_head > 0)
        {
            _buffer.AsSpan(_head, _tail - _head).CopyTo(_buffer);
            _bufferOffset += _head;
            _tail -= _head;
            _head = 0;
        }
        if (_tail == _buffer.Length) Grow();

        int read;
        try
        {
            read = _stream.Read(_buffer, _tail, _buffer.Length - _tail);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException(InputMessages.CorruptGzip(_path, _bufferOffset + _tail), e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException(InputMessages.ReadFailed(_path, _bufferOffset + _tail, _decompressed), e);
        }
        if (read == 0)
        {
            _endOfStream = true;
            return false;
        }
        _tail += read;
        return true;
    }

    // Only a line longer than the buffer gets here: double it, keeping the pooled discipline.
    private void Grow()
    {
        Debug.Assert(_buffer is not null && _head == 0);
        if (_buffer.Length >= Array.MaxLength) throw new InvalidDataException(InputMessages.LineTooLong(_path, _bufferOffset));
        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, Array.MaxLength));
        _buffer.AsSpan(0, _tail).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
