using System.Text;

namespace MiniSpark.Formats.Arrow.FlatBuffers;

/// <summary>A FlatBuffers string: uint32 byte count, UTF-8 bytes, NUL terminator.</summary>
internal sealed class FlatString(string value) : FlatObject
{
    internal override int WriteTo(FlatBufferBuilder builder)
    {
        int byteCount = Encoding.UTF8.GetByteCount(value);
        builder.Align(4);
        int position = builder.Reserve(4 + byteCount + 1);
        builder.WriteInt32(position, byteCount);
        Encoding.UTF8.GetBytes(value, builder.At(position + 4, byteCount));
        return position;
    }
}
