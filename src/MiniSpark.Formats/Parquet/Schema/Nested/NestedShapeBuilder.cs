using MiniSpark.Formats.Parquet.Metadata;

namespace MiniSpark.Formats.Parquet.Schema.Nested;

/// <summary>Works out the logical shape (<see cref="NestedNode"/>) of a top-level field from its schema subtree.</summary>
/// <remarks>
/// Follows LogicalTypes.md, backward-compatibility rules included:
/// <list type="bullet">
/// <item>An unannotated repeated field is a required list of required elements of the field's own type.</item>
/// <item>A LIST group's repeated child is itself the (required) element when it is a primitive, a group of several
/// fields, a group whose one field is repeated, or a group named <c>array</c> or <c>&lt;list&gt;_tuple</c>;
/// otherwise the element is its one field, with that field's repetition (the standard 3-level form).</item>
/// <item>A MAP group (or a MAP_KEY_VALUE group outside a MAP, as some writers made them) holds one repeated group
/// whose first field is the key and whose optional second field is the value, whatever their names.</item>
/// </list>
/// Shapes these rules do not cover (a LIST or MAP without one repeated child, a map key that is not a primitive,
/// an empty group) are reported, not guessed at.
/// </remarks>
internal sealed class NestedShapeBuilder
{
    private string? _unsupported;

    private NestedShapeBuilder()
    {
    }

    /// <summary>The shape of <paramref name="field"/>, or null with <paramref name="unsupported"/> saying why it has none.</summary>
    public static NestedNode? Build(SchemaNode field, out string? unsupported)
    {
        var builder = new NestedShapeBuilder();
        NestedNode? node = builder.Build(field, field.Element.Name, asElement: false);
        unsupported = node is null ? builder._unsupported ?? "an unreadable shape" : null;
        return node;
    }

    // asElement: the node is a repeated node standing for one instance (a list element), not for the whole list.
    private NestedNode? Build(SchemaNode node, string path, bool asElement)
    {
        if (node.IsRepeated && !asElement)
        {
            if (IsList(node)) return Fail("a repeated LIST outside a list");
            if (IsMap(node)) return Fail("a repeated MAP");
            NestedNode? element = Build(node, path, asElement: true);
            if (element is null) return null;
            return new ListNode
            {
                Name = node.Element.Name, Path = path, IsNullable = false, Element = element,
                DefinedLevel = node.DefinitionLevel - 1, InstanceLevel = node.DefinitionLevel, RepetitionLevel = node.RepetitionLevel,
            };
        }
        bool nullable = !asElement && node.Element.RepetitionType == FieldRepetitionType.Optional;
        if (node.IsLeaf)
        {
            return new PrimitiveNode { Name = node.Element.Name, Path = path, IsNullable = nullable, DefinedLevel = node.DefinitionLevel, Column = node.Leaf! };
        }
        if (IsList(node)) return BuildList(node, path, nullable);
        if (IsMap(node)) return BuildMap(node, path, nullable);
        if (node.Children.Count == 0) return Fail("an empty group");
        var fields = new NestedNode[node.Children.Count];
        for (int i = 0; i < fields.Length; i++)
        {
            SchemaNode child = node.Children[i];
            NestedNode? field = Build(child, path + "." + child.Element.Name, asElement: false);
            if (field is null) return null;
            fields[i] = field;
        }
        return new StructNode { Name = node.Element.Name, Path = path, IsNullable = nullable, DefinedLevel = node.DefinitionLevel, Fields = fields };
    }

    private ListNode? BuildList(SchemaNode node, string path, bool nullable)
    {
        if (node.Children.Count != 1 || !node.Children[0].IsRepeated) return Fail<ListNode>("a LIST group without exactly one repeated field");
        SchemaNode repeated = node.Children[0];
        string repeatedPath = path + "." + repeated.Element.Name;
        if (!repeated.IsLeaf && repeated.Children.Count == 0) return Fail<ListNode>("an empty group");
        bool repeatedIsElement = repeated.IsLeaf
            || repeated.Children.Count > 1
            || repeated.Children[0].IsRepeated
            || repeated.Element.Name == "array"
            || repeated.Element.Name == node.Element.Name + "_tuple";
        NestedNode? element = repeatedIsElement
            ? Build(repeated, repeatedPath, asElement: true)
            : Build(repeated.Children[0], repeatedPath + "." + repeated.Children[0].Element.Name, asElement: false);
        if (element is null) return null;
        return new ListNode
        {
            Name = node.Element.Name, Path = path, IsNullable = nullable, Element = element,
            DefinedLevel = node.DefinitionLevel, InstanceLevel = repeated.DefinitionLevel, RepetitionLevel = repeated.RepetitionLevel,
        };
    }

    private MapNode? BuildMap(SchemaNode node, string path, bool nullable)
    {
        if (node.Children.Count != 1 || !node.Children[0].IsRepeated || node.Children[0].IsLeaf)
            return Fail<MapNode>("a MAP group without exactly one repeated key/value group");
        SchemaNode pairs = node.Children[0];
        string pairsPath = path + "." + pairs.Element.Name;
        if (pairs.Children.Count is 0 or > 2) return Fail<MapNode>($"a MAP whose key/value group has {pairs.Children.Count} fields");
        SchemaNode key = pairs.Children[0];
        if (!key.IsLeaf || key.IsRepeated) return Fail<MapNode>("a MAP whose keys are not primitive values");
        var keyNode = (PrimitiveNode)Build(key, pairsPath + "." + key.Element.Name, asElement: false)!;
        NestedNode? value = null;
        if (pairs.Children.Count == 2)
        {
            SchemaNode valueSchema = pairs.Children[1];
            value = Build(valueSchema, pairsPath + "." + valueSchema.Element.Name, asElement: false);
            if (value is null) return null;
        }
        return new MapNode
        {
            Name = node.Element.Name, Path = path, IsNullable = nullable, Key = keyNode, Value = value,
            DefinedLevel = node.DefinitionLevel, InstanceLevel = pairs.DefinitionLevel, RepetitionLevel = pairs.RepetitionLevel,
        };
    }

    private static bool IsList(SchemaNode node) => !node.IsLeaf && node.IsListAnnotated;

    // A MAP_KEY_VALUE group inside a MAP is the key/value level, which BuildMap walks itself: reaching one here means it is a stray.
    private static bool IsMap(SchemaNode node) =>
        !node.IsLeaf && (node.Element.LogicalType?.Kind == LogicalTypeKind.Map || node.Element.ConvertedType is ConvertedType.Map or ConvertedType.MapKeyValue);

    private T? Fail<T>(string reason) where T : class
    {
        _unsupported ??= reason;
        return null;
    }

    private NestedNode? Fail(string reason) => Fail<NestedNode>(reason);
}
