namespace MiniSpark.Formats.Arrow.Metadata;

/// <summary>The columns of a file or stream, in order.</summary>
internal sealed class ArrowSchema(IReadOnlyList<ArrowField> fields)
{
    public IReadOnlyList<ArrowField> Fields { get; } = fields;

    /// <summary>Index of the first column named <paramref name="name"/> (case-insensitive), or -1.</summary>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i].Name, name, StringComparison.Ordinal)) return i;
        }
        for (int i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }

    public override string ToString() => string.Join(", ", Fields.Select(f => $"{f.Name}: {f.Type}{(f.Nullable ? "?" : "")}"));
}
