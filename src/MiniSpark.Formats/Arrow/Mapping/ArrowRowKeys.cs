using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Formats.Arrow.Mapping;

/// <summary>Column names of a schema and their positions, shared by every <see cref="ArrowRow"/> read with it.</summary>
/// <remarks>A repeated column name keeps its first position for lookups (a malformed file may repeat names).</remarks>
internal sealed class ArrowRowKeys
{
    public ArrowRowKeys(ArrowSchema schema)
    {
        Names = new string[schema.Fields.Count];
        for (int i = 0; i < Names.Length; i++)
        {
            Names[i] = schema.Fields[i].Name;
            Index.TryAdd(Names[i], i);
        }
    }

    public string[] Names { get; }

    public Dictionary<string, int> Index { get; } = new(StringComparer.Ordinal);
}
