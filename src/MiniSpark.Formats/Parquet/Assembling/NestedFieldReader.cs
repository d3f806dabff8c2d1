using MiniSpark.Formats.Parquet.Mapping;
using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Formats.Parquet.Schema;
using MiniSpark.Formats.Parquet.Schema.Nested;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>Reads one top-level nested field as one .NET type: the plan is made (and checked) once; <see cref="Open"/> decodes a row group.</summary>
internal sealed class NestedFieldReader
{
    private readonly AssemblerPlan _plan;
    private readonly Func<ValueAssembler, LeafCursors, AssemblyContext, ColumnAccessor> _accessor;

    private NestedFieldReader(AssemblerPlan plan, Func<ValueAssembler, LeafCursors, AssemblyContext, ColumnAccessor> accessor)
    {
        _plan = plan;
        _accessor = accessor;
    }

    /// <summary>The type <see cref="Open"/>'s accessors produce.</summary>
    public Type Type => _plan.Target;

    /// <summary>Plans <paramref name="node"/> as <paramref name="target"/> (see <see cref="NaturalTypes"/> for the untyped reader); <paramref name="member"/> names who asks.</summary>
    /// <exception cref="InvalidCastException">The type cannot hold the field.</exception>
    /// <exception cref="NotSupportedException">A leaf the plan reads has an annotation this codec cannot read.</exception>
    public static NestedFieldReader Create(NestedNode node, Type target, string source, string member)
    {
        AssemblerPlan plan = AssemblerPlanner.Plan(node, target, source, member);
        foreach (ColumnDescriptor leaf in plan.Leaves)
        {
            if (leaf.Unsupported is string reason) throw ParquetErrors.Unsupported(source, $"{reason} in column '{leaf.DottedPath}'");
        }
        var accessor = (Func<ValueAssembler, LeafCursors, AssemblyContext, ColumnAccessor>)typeof(NestedFieldReader)
            .GetMethod(nameof(AccessorOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(plan.Target)
            .Invoke(null, null)!;
        return new NestedFieldReader(plan, accessor);
    }

    /// <summary>Decodes the plan's leaves in <paramref name="rowGroup"/> and returns an accessor that assembles its rows in order.</summary>
    /// <param name="file">The file the plan was made for.</param>
    /// <param name="rowGroup">The row group to decode.</param>
    /// <param name="decoded">The decoded leaves: dispose once the row group's values are made, to return their arrays to the pool.</param>
    public ColumnAccessor Open(ParquetFileReader file, int rowGroup, out IDisposable decoded)
    {
        var context = new AssemblyContext(file.Name, rowGroup, file.RowGroups[rowGroup].RowCount);
        var cursors = new LeafCursors();
        try
        {
            foreach (ColumnDescriptor leaf in _plan.Leaves) cursors.Add(leaf.Index, new LeafCursor(file.ReadColumn(rowGroup, leaf), context));
            if (context.RowCount == 0) cursors.CheckConsumed();
            ColumnAccessor accessor = _accessor(_plan.Create(cursors), cursors, context);
            decoded = cursors;
            return accessor;
        }
        catch
        {
            cursors.Dispose();
            throw;
        }
    }

    private static Func<ValueAssembler, LeafCursors, AssemblyContext, ColumnAccessor> AccessorOf<T>() =>
        static (root, cursors, context) => new NestedFieldAccessor<T>((ValueAssembler<T>)root, cursors, context);
}
