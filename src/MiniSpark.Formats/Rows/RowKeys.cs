namespace MiniSpark.Formats.Rows;

/// <summary>The column names shared by every untyped row of a read (Parquet or Arrow), with a name-to-slot index.</summary>
/// <remarks>Lookups ignore case, as Spark does, unless two columns differ only by case.</remarks>
internal sealed class RowKeys
{
    public RowKeys(string[] names)
    {
        Names = names;
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        bool clash = false;
        for (int i = 0; i < names.Length && !clash; i++) clash = !index.TryAdd(names[i], i);
        if (clash)
        {
            index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < names.Length; i++) index.TryAdd(names[i], i);
        }
        Index = index;
    }

    public string[] Names { get; }

    public IReadOnlyDictionary<string, int> Index { get; }
}
