using MiniSpark.Internal;

namespace MiniSpark.Serialization;

/// <summary>A non-null set: comparer tag (strings only), count, then elements.</summary>
internal sealed class HashSetCodec<T> : RecordCodec<HashSet<T>>
{
    private readonly CodecSlot<T> _element = CodecSlot<T>.Instance;

    public override void Write(ref RecordWriter writer, HashSet<T> value)
    {
        ComparerTags.Write(ref writer, value.Comparer, typeof(HashSet<T>));
        writer.WriteVarUInt32((uint)value.Count);
        RecordCodec<T> codec = _element.Codec;
        foreach (T item in value) codec.Write(ref writer, item);
    }

    public override HashSet<T> Read(ref RecordReader reader)
    {
        IEqualityComparer<T>? comparer = ComparerTags.Read<T>(ref reader);
        int count = reader.ReadLength(1);
        RecordCodec<T> codec = _element.Codec;
        var set = new HashSet<T>(count, comparer);
        for (int i = 0; i < count; i++)
        {
            if (!set.Add(codec.Read(ref reader))) reader.ThrowCorrupt(SR.DuplicateKey);
        }
        return set;
    }
}
