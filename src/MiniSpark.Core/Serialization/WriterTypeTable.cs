namespace MiniSpark.Serialization;

/// <summary>Runtime types already named in one output stream, with their ids and codecs.</summary>
internal sealed class WriterTypeTable
{
    private readonly Dictionary<Type, Entry> _entries = [];

    /// <summary>The entry of <paramref name="type"/>; <paramref name="added"/> when this use must write the name.</summary>
    public Entry GetOrAdd(Type type, out bool added)
    {
        if (_entries.TryGetValue(type, out Entry? entry))
        {
            added = false;
            return entry;
        }
        // Build the codec first: an unsupported type must not leave an id behind.
        entry = new Entry(_entries.Count, TypeNames.NameOf(type), BoxedCodec.For(type));
        _entries.Add(type, entry);
        added = true;
        return entry;
    }

    public sealed record Entry(int Id, string Name, BoxedCodec Codec);
}
