using MiniSpark.Internal;

namespace MiniSpark.Serialization;

/// <summary>A non-null dictionary: comparer tag (string keys only), count, then key/value pairs.</summary>
internal sealed class DictionaryCodec<TKey, TValue> : RecordCodec<Dictionary<TKey, TValue>> where TKey : notnull
{
    private readonly CodecSlot<TKey> _key = CodecSlot<TKey>.Instance;
    private readonly CodecSlot<TValue> _value = CodecSlot<TValue>.Instance;

    public override void Write(ref RecordWriter writer, Dictionary<TKey, TValue> value)
    {
        ComparerTags.Write(ref writer, value.Comparer, typeof(Dictionary<TKey, TValue>));
        writer.WriteVarUInt32((uint)value.Count);
        RecordCodec<TKey> keys = _key.Codec;
        RecordCodec<TValue> values = _value.Codec;
        foreach (KeyValuePair<TKey, TValue> pair in value)
        {
            keys.Write(ref writer, pair.Key);
            values.Write(ref writer, pair.Value);
        }
    }

    public override Dictionary<TKey, TValue> Read(ref RecordReader reader)
    {
        IEqualityComparer<TKey>? comparer = ComparerTags.Read<TKey>(ref reader);
        int count = reader.ReadLength(2);
        RecordCodec<TKey> keys = _key.Codec;
        RecordCodec<TValue> values = _value.Codec;
        var dictionary = new Dictionary<TKey, TValue>(count, comparer);
        for (int i = 0; i < count; i++)
        {
            TKey key = keys.Read(ref reader);
            if (key is null) reader.ThrowCorrupt(SR.NullDictionaryKey);
            if (!dictionary.TryAdd(key, values.Read(ref reader))) reader.ThrowCorrupt(SR.DuplicateKey);
        }
        return dictionary;
    }
}
