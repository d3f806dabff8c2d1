using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Schema.Nested;

namespace MiniSpark.Formats.Parquet.Schema;

/// <summary>A file's schema: the tree, its leaf columns (in column-chunk order) and its top-level fields.</summary>
internal sealed class ParquetSchema
{
    // Levels are small integers in practice; a bound keeps level arithmetic and recursion-free walks cheap.
    internal const int MaxDepth = 100;

    private readonly Dictionary<string, SchemaField> _fieldsByName;

    private ParquetSchema(SchemaNode root, List<ColumnDescriptor> columns, List<SchemaField> fields)
    {
        Root = root;
        Columns = columns;
        Fields = fields;
        _fieldsByName = new Dictionary<string, SchemaField>(StringComparer.OrdinalIgnoreCase);
        foreach (SchemaField field in fields) _fieldsByName.TryAdd(field.Name, field);
    }

    public SchemaNode Root { get; }
    public IReadOnlyList<ColumnDescriptor> Columns { get; }
    public IReadOnlyList<SchemaField> Fields { get; }

    /// <summary>The top-level field named <paramref name="name"/> (case-insensitive; the first on a tie).</summary>
    public SchemaField? FindField(string name) => _fieldsByName.GetValueOrDefault(name);

    /// <summary>Rebuilds the tree from the footer's elements; malformed trees throw with <paramref name="source"/> named.</summary>
    public static ParquetSchema Build(IReadOnlyList<SchemaElement> elements, string source, long footerOffset)
    {
        if (elements.Count == 0) throw ParquetErrors.Invalid(source, footerOffset, "The schema is empty.");
        SchemaElement rootElement = elements[0];
        if (rootElement.Type is not null) throw ParquetErrors.Invalid(source, rootElement.Offset, "The schema root is a primitive, not a group.");
        var root = new SchemaNode(rootElement, null);
        var columns = new List<ColumnDescriptor>();
        // Explicit stack of (node, children still to read): no recursion on untrusted input.
        var pending = new Stack<(SchemaNode Node, int Remaining)>();
        pending.Push((root, CheckChildren(rootElement, elements.Count - 1, source)));
        int next = 1;
        while (pending.Count > 0)
        {
            (SchemaNode parent, int remaining) = pending.Pop();
            if (remaining == 0) continue;
            pending.Push((parent, remaining - 1));
            if (next >= elements.Count) throw ParquetErrors.Invalid(source, parent.Element.Offset, $"Schema element '{parent.Element.Name}' declares more children than the schema holds.");
            SchemaElement element = elements[next++];
            if (element.RepetitionType is not null and not (FieldRepetitionType.Required or FieldRepetitionType.Optional or FieldRepetitionType.Repeated))
                throw ParquetErrors.Invalid(source, element.Offset, $"Schema element '{element.Name}' has unknown repetition type {(int)element.RepetitionType}.");
            var node = new SchemaNode(element, parent)
            {
                DefinitionLevel = parent.DefinitionLevel + (element.RepetitionType is FieldRepetitionType.Optional or FieldRepetitionType.Repeated ? 1 : 0),
                RepetitionLevel = parent.RepetitionLevel + (element.RepetitionType == FieldRepetitionType.Repeated ? 1 : 0),
                Depth = parent.Depth + 1,
            };
            if (node.Depth > MaxDepth) throw ParquetErrors.Invalid(source, element.Offset, $"The schema nests deeper than {MaxDepth} levels.");
            parent.Children.Add(node);
            if (node.IsLeaf)
            {
                if (element.NumChildren is > 0) throw ParquetErrors.Invalid(source, element.Offset, $"Primitive schema element '{element.Name}' declares children.");
                node.Leaf = CreateLeaf(node, columns.Count, source);
                columns.Add(node.Leaf);
            }
            else
            {
                pending.Push((node, CheckChildren(element, elements.Count - next, source)));
            }
        }
        if (next != elements.Count) throw ParquetErrors.Invalid(source, elements[next].Offset, $"The schema has {elements.Count - next} elements outside the tree.");
        var fields = new List<SchemaField>(root.Children.Count);
        foreach (SchemaNode child in root.Children) fields.Add(CreateField(child));
        return new ParquetSchema(root, columns, fields);
    }

    private static int CheckChildren(SchemaElement element, int available, string source)
    {
        int count = element.NumChildren ?? 0;
        if (count < 0 || count > available)
            throw ParquetErrors.Invalid(source, element.Offset, $"Schema element '{element.Name}' declares {count} children; {available} elements follow.");
        return count;
    }

    private static ColumnDescriptor CreateLeaf(SchemaNode node, int index, string source)
    {
        SchemaElement element = node.Element;
        PhysicalType physical = element.Type!.Value;
        if (!Enum.IsDefined(physical))
            throw ParquetErrors.Invalid(source, element.Offset, $"Column '{element.Name}' declares physical type {(int)physical}, which parquet.thrift does not define.");
        int typeLength = 0;
        if (physical == PhysicalType.FixedLenByteArray)
        {
            typeLength = element.TypeLength ?? 0;
            if (typeLength <= 0 || typeLength > 1 << 24)
                throw ParquetErrors.Invalid(source, element.Offset, $"FIXED_LEN_BYTE_ARRAY column '{element.Name}' has invalid length {element.TypeLength}.");
        }
        var path = new string[node.Depth];
        for (SchemaNode? at = node; at?.Parent is not null; at = at.Parent) path[at.Depth - 1] = at.Element.Name;
        ValueKindResolver.Resolution resolved = ValueKindResolver.Resolve(element, physical);
        return new ColumnDescriptor
        {
            Index = index,
            Path = path,
            Element = element,
            PhysicalType = physical,
            TypeLength = typeLength,
            MaxDefinitionLevel = node.DefinitionLevel,
            MaxRepetitionLevel = node.RepetitionLevel,
            Kind = resolved.Kind,
            DecimalPrecision = resolved.Precision,
            DecimalScale = resolved.Scale,
            IsAdjustedToUtc = resolved.IsAdjustedToUtc,
            Unsupported = resolved.Unsupported,
        };
    }

    private static SchemaField CreateField(SchemaNode node)
    {
        string name = node.Element.Name;
        var leaves = new List<ColumnDescriptor>();
        CollectLeaves(node, leaves);
        if (node.IsLeaf && !node.IsRepeated)
            return new SchemaField { Name = name, Shape = FieldShape.Primitive, Column = node.Leaf, Leaves = leaves };
        NestedNode? nested = NestedShapeBuilder.Build(node, out string? unsupported);
        if (nested is null)
            return new() { Name = name, Shape = FieldShape.Unsupported, Leaves = leaves, Unsupported = $"nested column '{name}' ({unsupported})" };
        if (node.IsLeaf)
        {
            // A bare repeated primitive: a list that is never null, with required elements.
            return new SchemaField
            {
                Name = name, Shape = FieldShape.List, Column = node.Leaf, Leaves = leaves, Nested = nested,
                ListDefinitionLevel = 0, ElementDefinitionLevel = node.DefinitionLevel,
            };
        }
        // Lists of primitives keep their flat path; the shape builder has already applied the legacy list rules.
        if (nested is ListNode { Element: PrimitiveNode element } list && element.Column.MaxRepetitionLevel == 1 && node.IsListAnnotated)
        {
            return new SchemaField
            {
                Name = name, Shape = FieldShape.List, Column = element.Column, Leaves = leaves, Nested = nested,
                ListDefinitionLevel = list.DefinedLevel, ElementDefinitionLevel = list.InstanceLevel,
            };
        }
        return new SchemaField { Name = name, Shape = FieldShape.Nested, Leaves = leaves, Nested = nested };
    }

    private static void CollectLeaves(SchemaNode node, List<ColumnDescriptor> leaves)
    {
        var pending = new Stack<SchemaNode>([node]);
        while (pending.TryPop(out SchemaNode? current))
        {
            if (current.Leaf is not null) leaves.Add(current.Leaf);
            for (int i = current.Children.Count - 1; i >= 0; i--) pending.Push(current.Children[i]);
        }
    }
}
