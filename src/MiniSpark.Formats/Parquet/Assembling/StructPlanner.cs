using MiniSpark.Formats.Parquet.Schema.Nested;
using MiniSpark.Formats.Rows;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>Plans a struct as an untyped dictionary: every field, at its natural type.</summary>
internal static class StructPlanner
{
    public static AssemblerPlan Plan(StructNode node, Type target, string source, string member)
    {
        if (target.IsAssignableFrom(typeof(ColumnRow))) return PlanRow(node, source, member);
        throw AssemblerPlanner.Mismatch(node, target, source, member);
    }

    private static AssemblerPlan PlanRow(StructNode node, string source, string member)
    {
        var fields = new AssemblerPlan[node.Fields.Count];
        for (int i = 0; i < fields.Length; i++)
        {
            NestedNode field = node.Fields[i];
            fields[i] = AssemblerPlanner.Plan(field, NaturalTypes.Of(field), source, $"field '{field.Name}' of {member}");
        }
        var keys = new RowKeys([.. node.Fields.Select(f => f.Name)]);
        return new AssemblerPlan(typeof(IReadOnlyDictionary<string, object?>), node.Leaves, cursors =>
        {
            var assemblers = new ValueAssembler[fields.Length];
            for (int i = 0; i < fields.Length; i++) assemblers[i] = fields[i].Create(cursors);
            return new StructRowAssembler(node, [.. node.Leaves.Select(leaf => cursors[leaf.Index])], assemblers, keys);
        });
    }
}
