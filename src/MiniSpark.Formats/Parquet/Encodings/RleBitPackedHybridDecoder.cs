namespace MiniSpark.Formats.Parquet.Encodings;

/// <summary>Decodes the RLE / bit-packed hybrid encoding (levels, dictionary indices, RLE booleans).</summary>
/// <remarks>
/// Runs are either <c>count</c> repeats of one value or groups of eight bit-packed values. A bit-packed run
/// cut short by the end of the data yields the values it holds (some writers truncate the final group's padding);
/// a run header or repeated value cut short is an error. Values are not range-checked here: callers check
/// levels against the maximum level and indices against the dictionary size.
/// </remarks>
internal ref struct RleBitPackedHybridDecoder
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _bitWidth;
    private readonly string _source;
    private readonly long _baseOffset;
    private int _position;
    private int _repeatCount;
    private int _repeatValue;
    private int _packedCount;
    private int _packedPosition;

    public RleBitPackedHybridDecoder(ReadOnlySpan<byte> data, int bitWidth, string source, long baseOffset)
    {
        if (bitWidth is < 0 or > 32) throw ParquetErrors.Invalid(source, baseOffset, $"Bit width {bitWidth} is outside 0..32.");
        _data = data;
        _bitWidth = bitWidth;
        _source = source;
        _baseOffset = baseOffset;
    }

    /// <summary>Bytes consumed by the runs read so far.</summary>
    public readonly int Position => _position;

    /// <summary>Fills <paramref name="output"/> completely or throws: the data must hold that many values.</summary>
    public void ReadExactly(Span<int> output)
    {
        int read = Read(output);
        if (read < output.Length)
            throw ParquetErrors.Invalid(_source, _baseOffset + _position, $"RLE/bit-packed data ends after {read} of {output.Length} values.");
    }

    /// <summary>Reads up to <paramref name="output"/>.Length values; fewer only when the data ends.</summary>
    public int Read(Span<int> output)
    {
        int written = 0;
        while (written < output.Length)
        {
            if (_repeatCount > 0)
            {
                int n = Math.Min(_repeatCount, output.Length - written);
                output.Slice(written, n).Fill(_repeatValue);
                _repeatCount -= n;
                written += n;
            }
            else if (_packedCount > 0)
            {
                int n = Math.Min(_packedCount, output.Length - written);
                // Values are packed contiguously, so unpacking from a bit offset means re-deriving it per call.
                UnpackFrom(_packedPosition, output.Slice(written, n));
                _packedPosition += n;
                _packedCount -= n;
                written += n;
            }
            else if (!NextRun())
            {
                break;
            }
        }
        return written;
    }

    private int _packedStart;
    private int _packedEnd;

    private void UnpackFrom(int indexInRun, Span<int> output)
    {
        long bitOffset = (long)indexInRun * _bitWidth;
        int byteOffset = _packedStart + (int)(bitOffset >> 3);
        int shift = (int)(bitOffset & 7);
        if (shift == 0)
        {
            BitPacking.Unpack32(_data[byteOffset.._packedEnd], output, _bitWidth);
            return;
        }
        // Rare: a read that stops mid-byte. Decode from the byte boundary into a scratch buffer.
        int skip = 0;
        while (((long)(indexInRun - skip) * _bitWidth & 7) != 0) skip++;
        int start = _packedStart + (int)((long)(indexInRun - skip) * _bitWidth >> 3);
        Span<int> scratch = output.Length + skip <= 256 ? stackalloc int[output.Length + skip] : new int[output.Length + skip];
        BitPacking.Unpack32(_data[start.._packedEnd], scratch, _bitWidth);
        scratch[skip..].CopyTo(output);
    }

    private bool NextRun()
    {
        if (_position >= _data.Length) return false;
        int headerAt = _position;
        ulong header = ReadVarUInt();
        if ((header & 1) == 0)
        {
            ulong count = header >> 1;
            if (count == 0 || count > int.MaxValue) throw ParquetErrors.Invalid(_source, _baseOffset + headerAt, $"RLE run length {count} is invalid.");
            int valueBytes = (_bitWidth + 7) >> 3;
            if (_position + valueBytes > _data.Length) throw ParquetErrors.Invalid(_source, _baseOffset + _position, "An RLE run's value runs past the end of the data.");
            int value = 0;
            for (int i = 0; i < valueBytes; i++) value |= _data[_position + i] << (8 * i);
            _position += valueBytes;
            _repeatValue = value;
            _repeatCount = (int)count;
        }
        else
        {
            ulong groups = header >> 1;
            if (groups == 0 || groups > int.MaxValue / 8) throw ParquetErrors.Invalid(_source, _baseOffset + headerAt, $"Bit-packed run of {groups} groups is invalid.");
            long bytes = (long)groups * _bitWidth;
            long available = _data.Length - _position;
            long count = (long)groups * 8;
            if (bytes > available)
            {
                // Truncated final run: keep the whole values present.
                count = _bitWidth == 0 ? count : available * 8 / _bitWidth;
                bytes = available;
            }
            _packedStart = _position;
            _packedEnd = _position + (int)bytes;
            _packedPosition = 0;
            _packedCount = (int)count;
            _position = _packedEnd;
            if (count == 0) return false;
        }
        return true;
    }

    private ulong ReadVarUInt()
    {
        ulong result = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            if (_position >= _data.Length) throw ParquetErrors.Invalid(_source, _baseOffset + _position, "An RLE run header runs past the end of the data.");
            byte b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw ParquetErrors.Invalid(_source, _baseOffset + _position, "An RLE run header is too long.");
    }
}
