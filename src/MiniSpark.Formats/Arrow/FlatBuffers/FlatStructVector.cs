namespace MiniSpark.Formats.Arrow.FlatBuffers;

/// <summary>A vector of inline structs or scalars: <paramref name="count"/> elements laid out in <paramref name="data"/>.</summary>
/// <remarks>The count precedes the elements, so it is placed where the first element lands on <paramref name="alignment"/>.</remarks>
internal sealed class FlatStructVector(byte[] data, int count, int alignment) : FlatObject
{
    internal override int WriteTo(FlatBufferBuilder builder)
    {
        builder.Align(4);
        while ((builder.Length + 4) % alignment != 0) builder.Reserve(4);
        int position = builder.Reserve(4 + data.Length);
        builder.WriteInt32(position, count);
        data.CopyTo(builder.At(position + 4, data.Length));
        return position;
    }
}
