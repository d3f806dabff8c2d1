using MiniSpark.Formats.Arrow.Columns;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Formats.Arrow.Ipc;

/// <summary>The dictionaries a reader has seen so far, by id, decoded with the value type of the field that uses them.</summary>
/// <remarks>A delta batch appends to its dictionary; a non-delta batch replaces it (streams only; files never replace).</remarks>
internal sealed class ArrowDictionaries
{
    private readonly Dictionary<long, ArrowField> _fields = [];
    private readonly Dictionary<long, ArrowColumn> _values = [];
    private readonly string _source;

    public ArrowDictionaries(ArrowSchema schema, string source)
    {
        _source = source;
        foreach (ArrowField field in schema.Fields)
        {
            if (field.Dictionary is ArrowDictionaryEncoding encoding) _fields.TryAdd(encoding.Id, field with { Dictionary = null });
        }
    }

    public void Apply(DictionaryBatchHeader batch, ReadOnlySpan<byte> body, long messageOffset, long bodyOffset)
    {
        if (!_fields.TryGetValue(batch.Id, out ArrowField? field))
            throw ArrowErrors.Invalid(_source, messageOffset, $"dictionary batch for id {batch.Id}, which no column uses");
        var schema = new ArrowSchema([field]);
        ArrowColumn values = ArrowBatchDecoder.Decode(schema, batch.Data, body, _source, messageOffset, bodyOffset, null).Columns[0];
        if (batch.IsDelta && _values.TryGetValue(batch.Id, out ArrowColumn? existing)) values = existing.Concat(values);
        _values[batch.Id] = values;
    }

    public ArrowColumn Get(long id, long messageOffset) =>
        _values.TryGetValue(id, out ArrowColumn? values)
            ? values
            : throw ArrowErrors.Invalid(_source, messageOffset, $"no dictionary batch with id {id} precedes this record batch");
}
