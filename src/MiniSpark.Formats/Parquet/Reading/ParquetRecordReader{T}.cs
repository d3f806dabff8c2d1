using MiniSpark.Formats.Parquet.Assembling;
using MiniSpark.Formats.Parquet.Mapping;
using MiniSpark.Formats.Parquet.Schema;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>Reads rows of a Parquet file as <typeparamref name="T"/>: records or classes whose public properties are the columns.</summary>
/// <remarks>
/// Members match top-level columns by name, case-insensitively (see <see cref="RecordReaderShape{T}"/> for which
/// members and constructors). Only matched columns are decoded. A member whose column is missing gets null when it
/// can hold null and is an error otherwise; a null in a column feeding a non-nullable value-type member is an error.
/// Nested columns (structs, maps, lists of anything, and lists of primitives read into a <see cref="List{T}"/>) are
/// assembled into the member's type by a <see cref="NestedFieldReader"/>.
/// </remarks>
internal sealed class ParquetRecordReader<T>
{
    private readonly ParquetFileReader _file;
    private readonly SchemaField?[] _fields;
    private readonly Type?[] _naturalTypes;
    private readonly NestedFieldReader?[] _nested;

    public ParquetRecordReader(ParquetFileReader file)
    {
        _file = file;
        IReadOnlyList<RecordMember> members = RecordReaderShape<T>.Members;
        _fields = new SchemaField?[members.Count];
        _naturalTypes = new Type?[members.Count];
        _nested = new NestedFieldReader?[members.Count];
        for (int i = 0; i < members.Count; i++)
        {
            RecordMember member = members[i];
            SchemaField? field = file.Schema.FindField(member.Name);
            if (field is null)
            {
                if (member.AcceptsNull) continue;
                throw new InvalidOperationException(
                    $"Parquet file '{file.Name}' has no column for {member.Description}. Columns: {string.Join(", ", file.Schema.Fields.Select(f => f.Name))}.");
            }
            if (field.Unsupported is string reason) throw ParquetErrors.Unsupported(file.Name, reason);
            _fields[i] = field;
            if (field is { Nested: { } node } && (field.Shape == FieldShape.Nested || !AccessorAdapter.CanAdapt(FieldAccessors.NaturalType(field, member.Type), member.Type)))
            {
                _nested[i] = NestedFieldReader.Create(node, member.Type, file.Name, member.Description);
                continue;
            }
            if (field.Column!.Unsupported is string columnReason) throw ParquetErrors.Unsupported(file.Name, $"{columnReason} in column '{field.Name}'");
            Type natural = FieldAccessors.NaturalType(field, member.Type);
            if (!AccessorAdapter.CanAdapt(natural, member.Type))
                throw new InvalidCastException($"Parquet file '{file.Name}': column '{field.Name}' holds {natural.Name} values, which cannot be read into {member.Description} ({member.Type.Name}).");
            _naturalTypes[i] = natural;
        }
    }

    /// <summary>Records of every row group that <paramref name="filter"/> does not rule out.</summary>
    public IEnumerable<T> ReadAll(ParquetPredicate? filter = null) =>
        ReadRowGroups(_file.RowGroups.Where(group => filter is null || filter.MightMatch(group)).Select(group => group.Index));

    /// <summary>The records of one row group (decoded when enumeration starts).</summary>
    public IEnumerable<T> ReadRowGroup(int index) => ReadRowGroups([index]);

    /// <summary>The records of the row groups, in the order given; each group is decoded when its first record is asked for.</summary>
    /// <remarks>One iterator over all groups: a nested iterator per group would add a layer of calls to every record.</remarks>
    public IEnumerable<T> ReadRowGroups(IEnumerable<int> indices)
    {
        foreach (int index in indices)
        {
            using DecodedRowGroup group = Decode(index);
            for (int row = 0; row < group.Rows; row++) yield return group.Factory(group.Accessors, row);
        }
    }

    /// <summary>Opens <paramref name="path"/>, reads the records of its row groups <paramref name="indices"/> and closes it when
    /// enumeration ends (or is abandoned): one iterator from file to records, for the engine's per-partition reads.</summary>
    public static IEnumerable<T> ReadFile(string path, IEnumerable<int> indices)
    {
        using ParquetFileReader file = ParquetFileReader.Open(path);
        var reader = new ParquetRecordReader<T>(file);
        foreach (int index in indices)
        {
            using DecodedRowGroup group = reader.Decode(index);
            for (int row = 0; row < group.Rows; row++) yield return group.Factory(group.Accessors, row);
        }
    }

    private DecodedRowGroup Decode(int index)
    {
        long rows = _file.RowGroups[index].RowCount;
        var columns = new IDisposable?[_fields.Length];
        try
        {
            ColumnAccessor[] accessors = Bind(index, rows, columns);
            return new DecodedRowGroup(rows, accessors, RecordReaderShape<T>.FactoryFor(accessors), columns);
        }
        catch
        {
            foreach (IDisposable? column in columns) column?.Dispose();
            throw;
        }
    }

    /// <summary>A row group's accessors and factory; disposing returns its decoded arrays to the pool, which is safe once its
    /// records are made: records hold copies of the values (strings, arrays), never the decoded arrays.</summary>
    private sealed class DecodedRowGroup(long rows, ColumnAccessor[] accessors, Func<ColumnAccessor[], int, T> factory, IDisposable?[] columns) : IDisposable
    {
        public long Rows { get; } = rows;
        public ColumnAccessor[] Accessors { get; } = accessors;
        public Func<ColumnAccessor[], int, T> Factory { get; } = factory;

        public void Dispose()
        {
            foreach (IDisposable? column in columns) column?.Dispose();
        }
    }

    private ColumnAccessor[] Bind(int index, long rows, IDisposable?[] columns)
    {
        IReadOnlyList<RecordMember> members = RecordReaderShape<T>.Members;
        var accessors = new ColumnAccessor[members.Count];
        for (int i = 0; i < members.Count; i++)
        {
            RecordMember member = members[i];
            SchemaField? field = _fields[i];
            if (field is null)
            {
                accessors[i] = (ColumnAccessor)typeof(NullAccessor<>).MakeGenericType(member.Type).GetField(nameof(NullAccessor<int>.Instance))!.GetValue(null)!;
                continue;
            }
            if (_nested[i] is { } nested)
            {
                accessors[i] = nested.Open(_file, index, out IDisposable decoded);
                columns[i] = decoded;
                continue;
            }
            ColumnData data = _file.ReadColumn(index, field.Column!);
            columns[i] = data;
            ColumnAccessor natural = FieldAccessors.Create(field, data, rows, _file.Name, member.Type);
            // A flat column keeps definition levels only when this chunk has a null: otherwise no guard is needed.
            bool mayBeNull = field.Shape == FieldShape.List ? field.ListDefinitionLevel > 0 : data.DefinitionLevels is not null;
            string file = _file.Name;
            accessors[i] = AccessorAdapter.Adapt(natural, _naturalTypes[i]!, member.Type, mayBeNull,
                () => $"Parquet file '{file}', row group {index}: column '{field.Name}' has a null, but {member.Description} ({member.Type.Name}) cannot hold null; make it nullable");
        }
        return accessors;
    }
}
