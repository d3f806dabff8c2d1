using MiniSpark.Internal;

namespace MiniSpark.Serialization;

/// <summary>Keeps the equality comparer of dictionaries and sets: the default one always, and for strings the
/// well-known <see cref="StringComparer"/> instances (one byte). Any other comparer cannot be rebuilt from data, so
/// writing fails rather than silently changing how keys compare.</summary>
internal static class ComparerTags
{
    private static readonly IEqualityComparer<string>[] s_stringComparers =
    [
        EqualityComparer<string>.Default,
        StringComparer.Ordinal,
        StringComparer.OrdinalIgnoreCase,
        StringComparer.InvariantCulture,
        StringComparer.InvariantCultureIgnoreCase,
    ];

    public static void Write<TKey>(ref RecordWriter writer, IEqualityComparer<TKey> comparer, Type collection)
    {
        if (typeof(TKey) == typeof(string))
        {
            int tag = Array.IndexOf(s_stringComparers, comparer);
            if (tag < 0) throw new NotSupportedException(SR.UnsupportedComparer(collection, comparer));
            writer.WriteByte((byte)tag);
        }
        else if (!ReferenceEquals(comparer, EqualityComparer<TKey>.Default))
        {
            throw new NotSupportedException(SR.UnsupportedComparer(collection, comparer));
        }
    }

    public static IEqualityComparer<TKey>? Read<TKey>(ref RecordReader reader)
    {
        if (typeof(TKey) != typeof(string)) return null;
        byte tag = reader.ReadByte();
        if (tag >= s_stringComparers.Length) reader.ThrowInvalid("comparer tag", 1);
        return tag == 0 ? null : (IEqualityComparer<TKey>)s_stringComparers[tag];
    }
}
