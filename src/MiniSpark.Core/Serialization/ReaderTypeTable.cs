namespace MiniSpark.Serialization;

/// <summary>Runtime types named so far in one input stream, by id.</summary>
internal sealed class ReaderTypeTable
{
    private readonly List<Entry> _entries = [];

    public int Count => _entries.Count;

    public Entry this[int id] => _entries[id];

    public Entry Add(Type type, BoxedCodec codec)
    {
        var entry = new Entry(type, codec);
        _entries.Add(entry);
        return entry;
    }

    public sealed class Entry(Type type, BoxedCodec codec)
    {
        private Type? _lastDeclared;

        public Type Type { get; } = type;

        public BoxedCodec Codec { get; } = codec;

        // The same (runtime, declared) pair repeats record after record: remember the last one checked.
        public bool IsAssignableTo(Type declared)
        {
            if (ReferenceEquals(_lastDeclared, declared)) return true;
            if (!declared.IsAssignableFrom(Type)) return false;
            _lastDeclared = declared;
            return true;
        }
    }
}
