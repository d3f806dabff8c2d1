namespace MiniSpark.Formats.Arrow.FlatBuffers;

/// <summary>A vector of references (tables or strings): the elements follow the vector.</summary>
internal sealed class FlatOffsetVector(IReadOnlyList<FlatObject> items) : FlatObject
{
    internal override int WriteTo(FlatBufferBuilder builder)
    {
        builder.Align(4);
        int position = builder.Reserve(4 + 4 * items.Count);
        builder.WriteInt32(position, items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            int slot = position + 4 + 4 * i;
            builder.WriteReference(slot, items[i].WriteTo(builder));
        }
        return position;
    }
}
