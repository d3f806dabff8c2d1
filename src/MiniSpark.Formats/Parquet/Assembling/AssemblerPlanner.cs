using System.Reflection;
using MiniSpark.Formats.Parquet.Mapping;
using MiniSpark.Formats.Parquet.Schema.Nested;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>Binds a nested node to the .NET type a member (or the untyped reader) wants, recursively, into an <see cref="AssemblerPlan"/>.</summary>
/// <remarks>
/// <see cref="object"/> means the natural type (<see cref="NaturalTypes"/>). Primitives convert as top-level columns do
/// (<see cref="AccessorAdapter"/>); lists fill arrays or <see cref="List{T}"/>; maps fill <see cref="Dictionary{TKey, TValue}"/>;
/// structs fill records (<see cref="StructPlanner"/>) or untyped dictionaries. A type that cannot hold the node is an
/// <see cref="InvalidCastException"/> naming the column, when the reader is made, not when a row arrives.
/// </remarks>
internal static class AssemblerPlanner
{
    /// <summary>Plans <paramref name="node"/> as <paramref name="target"/>; <paramref name="member"/> describes who asks, for messages.</summary>
    public static AssemblerPlan Plan(NestedNode node, Type target, string source, string member)
    {
        if (target == typeof(object) && node is not PrimitiveNode)
        {
            AssemblerPlan natural = Plan(node, NaturalTypes.Of(node), source, member);
            return new AssemblerPlan(typeof(object), natural.Leaves, cursors => new BoxedAssembler(node, natural.CursorsOf(cursors), natural.Create(cursors)));
        }
        return node switch
        {
            PrimitiveNode primitive => PlanPrimitive(primitive, target, source, member),
            StructNode structure => StructPlanner.Plan(structure, target, source, member),
            ListNode list => PlanList(list, target, source, member),
            MapNode map => PlanMap(map, target, source, member),
            _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "Unknown nested node."),
        };
    }

    /// <summary>The error for a member type that cannot hold what the column holds.</summary>
    public static InvalidCastException Mismatch(NestedNode node, Type target, string source, string member)
    {
        string holds = node switch
        {
            PrimitiveNode primitive => $"{primitive.Column.NaturalType.Name} values",
            StructNode => "structs",
            ListNode => "lists",
            _ => "maps",
        };
        return new InvalidCastException($"Parquet file '{source}': column '{node.Path}' holds {holds}, which cannot be read into {member} ({TypeNames.Of(target)}).");
    }

    /// <summary>Calls a generic planning method of <paramref name="owner"/> made for <paramref name="types"/>; its exceptions pass unwrapped.</summary>
    public static AssemblerPlan Invoke(Type owner, string method, Type[] types, params object?[] arguments) =>
        (AssemblerPlan)owner.GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(types)
            .Invoke(null, BindingFlags.DoNotWrapExceptions, null, arguments, null)!;

    private static AssemblerPlan PlanPrimitive(PrimitiveNode node, Type target, string source, string member)
    {
        Type natural = node.Column.NaturalType;
        if (!AccessorAdapter.CanAdapt(natural, target)) throw Mismatch(node, target, source, member);
        return Invoke(typeof(AssemblerPlanner), nameof(PrimitivePlan), [target], node, natural, source);
    }

    private static AssemblerPlan PrimitivePlan<T>(PrimitiveNode node, Type natural, string source) =>
        new(typeof(T), node.Leaves, cursors =>
        {
            LeafCursor leaf = cursors[node.Column.Index];
            ColumnAccessor values = AccessorFactory.CreateNatural(leaf.Data, source);
            // Nulls never reach the accessor: the assembler decides them from the levels.
            var typed = (ColumnAccessor<T>)AccessorAdapter.Adapt(values, natural, typeof(T), columnMayBeNull: false, static () => "");
            return new PrimitiveAssembler<T>(node, leaf, typed);
        });

    private static AssemblerPlan PlanList(ListNode node, Type target, string source, string member)
    {
        if (!TargetShapes.IsList(target, out Type element, out bool asArray)) throw Mismatch(node, target, source, member);
        AssemblerPlan elements = Plan(node.Element, element, source, $"the elements of {member}");
        return Invoke(typeof(AssemblerPlanner), nameof(ListPlan), [element, target], node, elements, asArray);
    }

    private static AssemblerPlan ListPlan<TElement, TList>(ListNode node, AssemblerPlan elements, bool asArray)
        where TList : class =>
        new(typeof(TList), elements.Leaves, cursors =>
            new ListAssembler<TElement, TList>(node, elements.CursorsOf(cursors), (ValueAssembler<TElement>)elements.Create(cursors), asArray));

    private static AssemblerPlan PlanMap(MapNode node, Type target, string source, string member)
    {
        if (!TargetShapes.IsMap(target, out Type key, out Type value)) throw Mismatch(node, target, source, member);
        AssemblerPlan keys = Plan(node.Key, key, source, $"the keys of {member}");
        AssemblerPlan? values = null;
        if (node.Value is not null) values = Plan(node.Value, value, source, $"the values of {member}");
        else if (value.IsValueType && Nullable.GetUnderlyingType(value) is null)
            throw new InvalidCastException($"Parquet file '{source}': map column '{node.Path}' has keys only (every value null), which {member} ({TypeNames.Of(target)}) cannot hold; make its values nullable.");
        return Invoke(typeof(AssemblerPlanner), nameof(MapPlan), [key, value, target], node, keys, values);
    }

    private static AssemblerPlan MapPlan<TKey, TValue, TMap>(MapNode node, AssemblerPlan keys, AssemblerPlan? values)
        where TKey : notnull
        where TMap : class =>
        new(typeof(TMap), [.. keys.Leaves, .. values?.Leaves ?? []], cursors =>
        {
            LeafCursor[] leaves = [.. keys.CursorsOf(cursors), .. values?.CursorsOf(cursors) ?? []];
            return new MapAssembler<TKey, TValue, TMap>(node, leaves, (ValueAssembler<TKey>)keys.Create(cursors), (ValueAssembler<TValue>?)values?.Create(cursors));
        });
}
