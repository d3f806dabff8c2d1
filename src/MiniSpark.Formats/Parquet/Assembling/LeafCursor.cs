using MiniSpark.Formats.Parquet.Reading;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>Walks one decoded leaf column's level entries during record assembly, checking each against what the schema expects.</summary>
/// <remarks>
/// Every entry is consumed exactly once, by the leaf's own value (present) or by the null or empty value of an
/// ancestor; consuming checks that the entry's repetition and definition levels are the ones that use implies.
/// Every step moves forward, so a corrupt file fails (naming the file, the column chunk's offset and the row)
/// instead of looping, and nothing is allocated beyond the entries the column really holds.
/// </remarks>
internal sealed class LeafCursor
{
    private readonly int[]? _repetitions;
    private readonly int[]? _definitions;
    private readonly int _count;
    private readonly int _maxDefinition;
    private readonly bool _dense;
    private readonly AssemblyContext _context;
    private int _position;
    private int _values;

    public LeafCursor(ColumnData data, AssemblyContext context)
    {
        Data = data;
        _repetitions = data.RepetitionLevels;
        // A flat chunk without a null (or a required column) has no definition levels: every entry is fully defined.
        _definitions = data.DefinitionLevels;
        _count = data.SlotCount;
        _maxDefinition = data.Column.MaxDefinitionLevel;
        // Repeated columns keep their values dense (one per present entry); flat ones spaced, one slot per entry.
        _dense = data.RepetitionLevels is not null;
        _context = context;
    }

    public ColumnData Data { get; }

    /// <summary>The definition level of the next entry.</summary>
    public int PeekDefinition()
    {
        EnsureEntry();
        return _definitions?[_position] ?? _maxDefinition;
    }

    /// <summary>Whether the next entry continues, at <paramref name="repetitionLevel"/>, the repeated value being read.</summary>
    public bool ContinuesAt(int repetitionLevel) =>
        _position < _count && _repetitions is not null && _repetitions[_position] == repetitionLevel;

    /// <summary>Consumes a present value's entry and returns the index of its value for the column's accessor.</summary>
    public int Take(int repetitionLevel)
    {
        Check(repetitionLevel, _maxDefinition);
        int value = _dense ? _values++ : _position;
        _position++;
        return value;
    }

    /// <summary>Consumes the entry of a null or empty ancestor, defined up to <paramref name="definitionLevel"/>.</summary>
    public void Skip(int repetitionLevel, int definitionLevel)
    {
        Check(repetitionLevel, definitionLevel);
        _position++;
    }

    /// <summary>Fails unless every entry was consumed: once the row group's rows are built, none may be left over.</summary>
    public void CheckConsumed()
    {
        int left = _count - _position;
        if (left != 0) throw Error($"has {left} level {(left == 1 ? "entry" : "entries")} left over after the row group's {_context.RowCount} rows.");
    }

    public InvalidDataException Error(string message) =>
        ParquetErrors.Invalid(_context.Source, Data.FileOffset,
            $"column '{Data.Column.DottedPath}', row {_context.Row} of row group {_context.RowGroup}: {message}");

    private void Check(int repetitionLevel, int definitionLevel)
    {
        EnsureEntry();
        int repetition = _repetitions?[_position] ?? 0;
        if (repetition != repetitionLevel)
        {
            throw Error(repetitionLevel == 0
                ? $"the row starts at level entry {_position} with repetition level {repetition}; a row's first entry has level 0."
                : $"level entry {_position} has repetition level {repetition} where the other columns of the field imply {repetitionLevel}.");
        }
        int definition = _definitions?[_position] ?? _maxDefinition;
        if (definition != definitionLevel)
            throw Error($"level entry {_position} has definition level {definition} where the schema and the other columns of the field imply {definitionLevel}.");
    }

    private void EnsureEntry()
    {
        if (_position >= _count)
            throw Error($"its {_count} level entries end before the row group's {_context.RowCount} rows do.");
    }
}
