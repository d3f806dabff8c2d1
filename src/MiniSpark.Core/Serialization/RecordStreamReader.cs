using System.Buffers;
using System.Buffers.Binary;
using MiniSpark.Internal;

namespace MiniSpark.Serialization;

/// <summary>Reads a record stream chunk by chunk (<see cref="RecordStreamFormat"/>), checking every checksum
/// before decoding.</summary>
/// <remarks>
/// Errors are <see cref="InvalidDataException"/> with the byte offset from the start of the record stream. A length
/// read from the stream is never trusted for allocation: when the stream can seek it is checked against the bytes
/// left, otherwise the buffer grows by doubling only as data actually arrives. After the end marker the stream is
/// left just past it when it can seek (bytes read ahead are given back).
/// </remarks>
internal sealed class RecordStreamReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;          // first unconsumed buffered byte
    private int _end;            // end of buffered bytes
    private long _offset;        // stream offset of _buffer[_start]
    private long _recordsRead;
    private int _chunkRecords;
    private int _recordPosition; // next record in the current payload
    private int _payloadStart;
    private int _payloadEnd;
    private long _payloadOffset;

    public RecordStreamReader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead) throw new ArgumentException(SR.StreamNotReadable, nameof(stream));
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    }

    public ReaderTypeTable Types { get; } = new();

    /// <summary>Records in the current chunk.</summary>
    public int ChunkRecords => _chunkRecords;

    public void ReadHeader()
    {
        if (!TryBuffer(1)) throw Corrupt(0, SR.NoVersionByte);
        byte version = _buffer[_start];
        if (version != RecordStreamFormat.Version)
            throw Corrupt(_offset, SR.UnsupportedVersion(version, RecordStreamFormat.Version));
        Consume(1);
    }

    /// <summary>Loads and verifies the next chunk; false at the end marker.</summary>
    public bool NextChunk()
    {
        if (_recordPosition != _payloadEnd)
            throw Corrupt(_payloadOffset + (_recordPosition - _payloadStart), SR.TrailingBytes(_payloadEnd - _recordPosition));
        long chunkOffset = _offset;
        ulong count = ReadVarUInt64();
        if (count == 0)
        {
            ulong total = ReadVarUInt64();
            uint endChecksum = ReadUInt32();
            if (endChecksum != RecordStreamFormat.EndChecksum(total) || total != (ulong)_recordsRead)
                throw Corrupt(chunkOffset, SR.EndMarkerMismatch(total, _recordsRead));
            GiveBackReadAhead();
            return false;
        }
        ulong length = ReadVarUInt64();
        uint checksum = ReadUInt32();
        if (count > int.MaxValue || length > (ulong)Array.MaxLength)
            throw Corrupt(chunkOffset, SR.ImplausibleChunk(count, length));
        Buffer((int)length);
        _payloadStart = _start;
        _payloadEnd = _start + (int)length;
        _payloadOffset = _offset;
        _recordPosition = _payloadStart;
        _chunkRecords = (int)count;
        if (XxHash32.Hash(_buffer.AsSpan(_payloadStart, (int)length), RecordStreamFormat.ChunkSeed((int)count, (int)length)) != checksum)
            throw Corrupt(chunkOffset, SR.ChecksumMismatch);
        // The payload stays in the buffer until the next NextChunk call: nothing is buffered before then.
        Consume((int)length);
        return true;
    }

    /// <summary>Decodes the next record of the current chunk.</summary>
    public T ReadRecord<T>(RecordCodec<T> codec)
    {
        var reader = new RecordReader(_buffer.AsSpan(_recordPosition, _payloadEnd - _recordPosition),
            _payloadOffset + (_recordPosition - _payloadStart), Types);
        T value = codec.Read(ref reader);
        _recordPosition += reader.Position;
        _recordsRead++;
        return value;
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }

    private static InvalidDataException Corrupt(long offset, string what) => new(SR.Corrupt(offset, what));

    private void Consume(int count)
    {
        _start += count;
        _offset += count;
    }

    private ulong ReadVarUInt64()
    {
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            Buffer(1);
            byte b = _buffer[_start];
            if (shift == 63 && b > 1) throw Corrupt(_offset, SR.InvalidValue("variable-length integer"));
            Consume(1);
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
        throw Corrupt(_offset, SR.InvalidValue("variable-length integer"));
    }

    private uint ReadUInt32()
    {
        Buffer(4);
        uint value = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_start));
        Consume(4);
        return value;
    }

    /// <summary>Makes <paramref name="count"/> bytes available at <c>_start</c> or throws a truncation error.</summary>
    private void Buffer(int count)
    {
        if (_end - _start >= count) return;
        if (_stream.CanSeek)
        {
            long left = _stream.Length - _stream.Position;
            if (left < count - (_end - _start))
                throw new InvalidDataException(SR.Truncated(_offset, count, _end - _start + Math.Max(left, 0)));
        }
        if (!TryBuffer(count)) throw new InvalidDataException(SR.Truncated(_offset, count, _end - _start));
    }

    private bool TryBuffer(int count)
    {
        while (_end - _start < count)
        {
            if (_end == _buffer.Length)
            {
                if (_start > 0)
                {
                    // Move the unconsumed bytes to the front.
                    _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                }
                else
                {
                    // Grow by doubling, never straight to a size read from the stream: memory follows the data.
                    int size = (int)Math.Min(Math.Max((long)_buffer.Length * 2, InitialBufferSize), Array.MaxLength);
                    if (size <= _buffer.Length) return false;
                    byte[] larger = ArrayPool<byte>.Shared.Rent(size);
                    _buffer.AsSpan(0, _end).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(_buffer);
                    _buffer = larger;
                }
                _end -= _start;
                _start = 0;
            }
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0) return false;
            _end += read;
        }
        return true;
    }

    private void GiveBackReadAhead()
    {
        int ahead = _end - _start;
        if (ahead > 0 && _stream.CanSeek) _stream.Seek(-ahead, SeekOrigin.Current);
        _end = _start;
    }
}
