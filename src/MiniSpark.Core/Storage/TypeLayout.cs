using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace MiniSpark.Storage;

/// <summary>What <see cref="SizeEstimator"/> knows about one runtime type: its shallow size and how to reach the
/// objects it references. Computed with reflection once per type; the field walkers are compiled expressions.</summary>
internal sealed class TypeLayout
{
    private const BindingFlags InstanceFields =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly ConcurrentDictionary<Type, TypeLayout> s_layouts = new();
    private static readonly ConcurrentDictionary<Type, int> s_structSizes = new();
    private static readonly ConcurrentDictionary<Type, bool> s_containsReferences = new();
    private static readonly MethodInfo s_enqueue = typeof(SizeTraversal).GetMethod(nameof(SizeTraversal.Enqueue))!;

    private readonly LayoutKind _kind;
    private readonly long _shallowSize;
    private readonly int _elementSize;
    private readonly bool _elementIsReference;
    private readonly Action<object, SizeTraversal>? _walk;
    private readonly Action<Array, int, SizeTraversal>? _walkElement;

    private TypeLayout(LayoutKind kind, long shallowSize = 0, int elementSize = 0, bool elementIsReference = false,
        Action<object, SizeTraversal>? walk = null, Action<Array, int, SizeTraversal>? walkElement = null)
    {
        _kind = kind;
        _shallowSize = shallowSize;
        _elementSize = elementSize;
        _elementIsReference = elementIsReference;
        _walk = walk;
        _walkElement = walkElement;
    }

    private enum LayoutKind { String, Array, Object, Opaque }

    public static TypeLayout For(Type type) =>
        s_layouts.TryGetValue(type, out TypeLayout? layout) ? layout : s_layouts.GetOrAdd(type, Create(type));

    /// <summary>Counts <paramref name="value"/> itself and enqueues what it references; returns its own size
    /// (plus, for a sampled array, the extrapolated size of its elements).</summary>
    public long Visit(object value, SizeTraversal traversal)
    {
        switch (_kind)
        {
            case LayoutKind.String:
                return SizeEstimator.StringSize(((string)value).Length);
            case LayoutKind.Object:
                _walk?.Invoke(value, traversal);
                return _shallowSize;
            case LayoutKind.Array:
                return VisitArray((Array)value, traversal);
            default:
                return _shallowSize;
        }
    }

    /// <summary>Expressions enqueuing every reference held in <paramref name="value"/> of <paramref name="type"/>,
    /// descending into struct fields.</summary>
    internal static List<Expression> EnqueueReferences(Expression value, Type type, ParameterExpression traversal)
    {
        var calls = new List<Expression>();
        foreach (FieldInfo field in AllInstanceFields(type))
        {
            Type fieldType = field.FieldType;
            if (fieldType.IsPointer || fieldType.IsFunctionPointer || fieldType.IsByRefLike) continue;
            if (!fieldType.IsValueType)
                calls.Add(Expression.Call(traversal, s_enqueue, Expression.Convert(Expression.Field(value, field), typeof(object))));
            else if (ContainsReferences(fieldType))
                calls.AddRange(EnqueueReferences(Expression.Field(value, field), fieldType, traversal));
        }
        return calls;
    }

    private long VisitArray(Array array, SizeTraversal traversal)
    {
        long length = array.LongLength;
        long size = array.Rank == 1
            ? SizeEstimator.ArraySize(_elementSize, length)
            : SizeEstimator.Align(24 + 8L * array.Rank + _elementSize * length);
        if (_elementIsReference)
        {
            if (array is not object?[] items)
            {
                foreach (object? item in array) traversal.Enqueue(item); // multi-dimensional
            }
            else if (items.Length <= SizeEstimator.SamplingThreshold)
            {
                foreach (object? item in items) traversal.Enqueue(item);
            }
            else
            {
                size += SizeEstimator.Sample(items.Length, traversal.Visited, (i, sample) => sample.Enqueue(items[i]));
            }
        }
        else if (_walkElement is not null && array.Rank == 1)
        {
            if (length <= SizeEstimator.SamplingThreshold)
            {
                for (int i = 0; i < length; i++) _walkElement(array, i, traversal);
            }
            else
            {
                size += SizeEstimator.Sample((int)length, traversal.Visited, (i, sample) => _walkElement(array, i, sample));
            }
        }
        return size;
    }

    private static TypeLayout Create(Type type)
    {
        if (type == typeof(string)) return new TypeLayout(LayoutKind.String);
        if (type.IsArray) return CreateArray(type);
        if (IsOpaque(type)) return new TypeLayout(LayoutKind.Opaque, InstanceSize(type));
        long shallow = type.IsValueType ? Math.Max(24, SizeEstimator.Align(16 + StructSize(type))) : InstanceSize(type);
        return new TypeLayout(LayoutKind.Object, shallow, walk: BuildWalker(type));
    }

    private static TypeLayout CreateArray(Type type)
    {
        Type element = type.GetElementType()!;
        if (!element.IsValueType || element.IsPointer || element.IsFunctionPointer)
            return new TypeLayout(LayoutKind.Array, elementSize: IntPtr.Size, elementIsReference: !element.IsValueType);
        Action<Array, int, SizeTraversal>? walkElement = null;
        if (ContainsReferences(element) && type.IsSZArray)
        {
            ParameterExpression array = Expression.Parameter(typeof(Array), "array");
            ParameterExpression index = Expression.Parameter(typeof(int), "index");
            ParameterExpression traversal = Expression.Parameter(typeof(SizeTraversal), "traversal");
            ParameterExpression item = Expression.Variable(element, "item");
            var body = new List<Expression>
            {
                Expression.Assign(item, Expression.ArrayIndex(Expression.Convert(array, type), index)),
            };
            body.AddRange(EnqueueReferences(item, element, traversal));
            walkElement = Expression.Lambda<Action<Array, int, SizeTraversal>>(
                Expression.Block([item], body), array, index, traversal).Compile();
        }
        return new TypeLayout(LayoutKind.Array, elementSize: StructSize(element), walkElement: walkElement);
    }

    private static Action<object, SizeTraversal>? BuildWalker(Type type)
    {
        if (!ContainsReferences(type)) return null;
        ParameterExpression value = Expression.Parameter(typeof(object), "value");
        ParameterExpression traversal = Expression.Parameter(typeof(SizeTraversal), "traversal");
        ParameterExpression typed = Expression.Variable(type, "typed");
        var body = new List<Expression> { Expression.Assign(typed, Expression.Convert(value, type)) };
        body.AddRange(EnqueueReferences(typed, type, traversal));
        return Expression.Lambda<Action<object, SizeTraversal>>(Expression.Block([typed], body), value, traversal).Compile();
    }

    // Runtime objects reachable from data (a Type in a field, a delegate's method) are counted, not walked.
    private static bool IsOpaque(Type type) =>
        typeof(MemberInfo).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type)
        || typeof(Module).IsAssignableFrom(type) || typeof(ParameterInfo).IsAssignableFrom(type)
        || typeof(Thread).IsAssignableFrom(type);

    /// <summary>Instance size of a class: header, method table, fields packed by alignment, at least 24 bytes.</summary>
    private static long InstanceSize(Type type)
    {
        var levels = new List<Type>();
        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType) levels.Add(t);
        long offset = 0;
        for (int level = levels.Count - 1; level >= 0; level--)
        {
            // The runtime groups fields by size, largest first: little padding.
            foreach ((int size, int alignment) in levels[level].GetFields(InstanceFields)
                         .Select(f => (FieldSize(f.FieldType), FieldAlignment(f.FieldType)))
                         .OrderByDescending(f => f.Item2))
            {
                offset = (offset + alignment - 1) / alignment * alignment + size;
            }
        }
        return Math.Max(24, SizeEstimator.Align(16 + offset));
    }

    private static int FieldSize(Type type) =>
        !type.IsValueType || type.IsPointer || type.IsFunctionPointer ? IntPtr.Size : StructSize(type);

    private static int FieldAlignment(Type type)
    {
        if (!type.IsValueType || type.IsPointer || type.IsFunctionPointer) return IntPtr.Size;
        if (type.IsEnum) type = Enum.GetUnderlyingType(type);
        if (type.IsPrimitive) return Math.Min(StructSize(type), 8);
        int alignment = 1;
        foreach (FieldInfo field in type.GetFields(InstanceFields)) alignment = Math.Max(alignment, FieldAlignment(field.FieldType));
        return alignment;
    }

    private static int StructSize(Type type) => s_structSizes.GetOrAdd(type, static t =>
        (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(t).Invoke(null, null)!);

    private static bool ContainsReferences(Type type) => s_containsReferences.GetOrAdd(type, static t =>
        (bool)typeof(RuntimeHelpers).GetMethod(nameof(RuntimeHelpers.IsReferenceOrContainsReferences))!
            .MakeGenericMethod(t).Invoke(null, null)!);

    private static IEnumerable<FieldInfo> AllInstanceFields(Type type)
    {
        for (Type? t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(InstanceFields)) yield return field;
        }
    }
}
