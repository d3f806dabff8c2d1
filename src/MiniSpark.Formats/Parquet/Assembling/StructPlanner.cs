using MiniSpark.Formats.Parquet.Mapping;
using MiniSpark.Formats.Parquet.Schema;
using MiniSpark.Formats.Parquet.Schema.Nested;
using MiniSpark.Formats.Rows;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>Plans a struct as an untyped dictionary (every field, natural types) or as a record (the fields its members match).</summary>
/// <remarks>
/// Record members match fields by name, case-insensitively (the first field on a tie), through
/// <see cref="RecordReaderShape{T}"/>: the same members, constructors and nullability rules as top-level records.
/// Fields no member matches are not decoded. A record matching no field still reads one, for the levels that say
/// whether each struct is null.
/// </remarks>
internal static class StructPlanner
{
    public static AssemblerPlan Plan(StructNode node, Type target, string source, string member)
    {
        // Exactly the untyped form: an assembler produces one type, and a list of them needs exactly that element type.
        if (target == typeof(IReadOnlyDictionary<string, object?>)) return PlanRow(node, source, member);
        if (!TargetShapes.IsRecord(target)) throw AssemblerPlanner.Mismatch(node, target, source, member);
        return AssemblerPlanner.Invoke(typeof(StructPlanner), nameof(RecordPlan), [target], node, source);
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

    private static AssemblerPlan RecordPlan<T>(StructNode node, string source)
    {
        IReadOnlyList<RecordMember> members = RecordReaderShape<T>.Members;
        var fieldsByName = new Dictionary<string, NestedNode>(StringComparer.OrdinalIgnoreCase);
        foreach (NestedNode field in node.Fields) fieldsByName.TryAdd(field.Name, field);

        // Per member: a fixed accessor (a member the struct lacks), or how to make its slot from the row group's cursors.
        var missing = new ColumnAccessor?[members.Count];
        var slots = new Func<LeafCursors, (ColumnAccessor, IMemberSlot)>?[members.Count];
        var leaves = new List<ColumnDescriptor>();
        for (int i = 0; i < members.Count; i++)
        {
            RecordMember member = members[i];
            if (!fieldsByName.TryGetValue(member.Name, out NestedNode? field))
            {
                if (!member.AcceptsNull)
                {
                    throw new InvalidOperationException(
                        $"Parquet file '{source}': struct column '{node.Path}' has no field for {member.Description}. Fields: {string.Join(", ", node.Fields.Select(f => f.Name))}.");
                }
                missing[i] = (ColumnAccessor)typeof(NullAccessor<>).MakeGenericType(member.Type).GetField(nameof(NullAccessor<int>.Instance))!.GetValue(null)!;
                continue;
            }
            AssemblerPlan plan = AssemblerPlanner.Plan(field, member.Type, source, member.Description);
            leaves.AddRange(plan.Leaves);
            slots[i] = SlotFactory(plan);
        }
        Func<LeafCursors, (ColumnAccessor, IMemberSlot)>? levelsOnly = null;
        if (leaves.Count == 0)
        {
            AssemblerPlan first = AssemblerPlanner.Plan(node.Fields[0], typeof(object), source, $"field '{node.Fields[0].Name}'");
            leaves.AddRange(first.Leaves);
            levelsOnly = SlotFactory(first);
        }
        ColumnDescriptor[] used = [.. leaves.OrderBy(leaf => leaf.Index)];
        return new AssemblerPlan(typeof(T), used, cursors =>
        {
            var accessors = new ColumnAccessor[members.Count];
            var fills = new List<IMemberSlot>(members.Count + 1);
            for (int i = 0; i < accessors.Length; i++)
            {
                if (slots[i] is { } create)
                {
                    (accessors[i], IMemberSlot fill) = create(cursors);
                    fills.Add(fill);
                }
                else
                {
                    accessors[i] = missing[i]!;
                }
            }
            if (levelsOnly is not null) fills.Add(levelsOnly(cursors).Item2);
            return new RecordAssembler<T>(node, [.. used.Select(leaf => cursors[leaf.Index])], accessors, [.. fills]);
        });
    }

    private static Func<LeafCursors, (ColumnAccessor, IMemberSlot)> SlotFactory(AssemblerPlan plan) =>
        (Func<LeafCursors, (ColumnAccessor, IMemberSlot)>)typeof(StructPlanner)
            .GetMethod(nameof(TypedSlotFactory), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(plan.Target)
            .Invoke(null, [plan])!;

    private static Func<LeafCursors, (ColumnAccessor, IMemberSlot)> TypedSlotFactory<TMember>(AssemblerPlan plan) => cursors =>
    {
        var slot = new MemberSlot<TMember>((ValueAssembler<TMember>)plan.Create(cursors));
        return (slot, slot);
    };
}
