using System.Linq.Expressions;
using System.Reflection;
using MiniSpark.Formats.Arrow.Columns;

namespace MiniSpark.Formats.Arrow.Mapping;

/// <summary>How <typeparamref name="T"/> maps to columns, with its row reader and writer compiled once per type.</summary>
/// <remarks>
/// Columns are the public readable instance properties. Reading constructs <typeparamref name="T"/> with its public
/// parameterless constructor when it has one (or as a struct), else with the public constructor with the most
/// parameters that all match properties by name (case-insensitively) and type, which covers positional records; then
/// sets the public settable (or init) properties the constructor did not take. Compiled expression trees call
/// <see cref="ArrowRowAccess"/> per value, so mapping allocates only the record itself.
/// </remarks>
internal sealed class ArrowRecordShape<T>
{
    private static readonly Lazy<ArrowRecordShape<T>> Shape = new(() => new ArrowRecordShape<T>());

    /// <summary>The shape of <typeparamref name="T"/>; throws <see cref="NotSupportedException"/> when it cannot be mapped.</summary>
    public static ArrowRecordShape<T> Instance => Shape.Value;

    private readonly Lazy<Func<ArrowColumn[], int, T>> _reader;

    private ArrowRecordShape()
    {
        Type type = typeof(T);
        var members = new List<ArrowRecordMember>();
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true }) continue;
            Type? underlying = Nullable.GetUnderlyingType(property.PropertyType);
            Type storage = underlying ?? property.PropertyType;
            if (ArrowClrTypes.WriteType(storage, 38, 18) is null)
                throw new NotSupportedException($"Property {type.Name}.{property.Name} has type {property.PropertyType}, which has no Arrow column mapping.");
            members.Add(new ArrowRecordMember(property, storage, underlying is not null));
        }
        if (members.Count == 0) throw new NotSupportedException($"{type} has no public properties to map to Arrow columns.");
        Columns = [.. members];
        Appender = CompileAppender();
        (Constructor, ConstructorColumns, ReadColumns) = Bind();
        _reader = new Lazy<Func<ArrowColumn[], int, T>>(CompileReader);
    }

    /// <summary>All mapped properties, in the order columns are written.</summary>
    public ArrowRecordMember[] Columns { get; }

    /// <summary>Indices into <see cref="Columns"/> the reader fills: constructor parameters first, then settable properties.</summary>
    public int[] ReadColumns { get; }

    private ConstructorInfo? Constructor { get; }
    private int ConstructorColumns { get; }

    /// <summary>Appends one record's values to columns ordered like <see cref="Columns"/>.</summary>
    public Action<T, ArrowColumn[]> Appender { get; }

    /// <summary>Builds the record at a row from columns ordered like <see cref="ReadColumns"/>.</summary>
    public Func<ArrowColumn[], int, T> Reader => _reader.Value;

    private (ConstructorInfo?, int, int[]) Bind()
    {
        Type type = typeof(T);
        ConstructorInfo[] constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        ConstructorInfo? chosen = Array.Find(constructors, c => c.GetParameters().Length == 0);
        var bound = new List<int>();
        if (chosen is null && !type.IsValueType)
        {
            foreach (ConstructorInfo candidate in constructors.OrderByDescending(c => c.GetParameters().Length))
            {
                var indices = new List<int>();
                foreach (ParameterInfo parameter in candidate.GetParameters())
                {
                    int index = Array.FindIndex(Columns, m =>
                        string.Equals(m.Name, parameter.Name, StringComparison.OrdinalIgnoreCase) && m.Property.PropertyType == parameter.ParameterType);
                    if (index < 0 || indices.Contains(index)) break;
                    indices.Add(index);
                }
                if (indices.Count == candidate.GetParameters().Length)
                {
                    chosen = candidate;
                    bound = indices;
                    break;
                }
            }
            if (chosen is null)
                throw new NotSupportedException($"{type} has no public constructor whose parameters all match its properties by name and type.");
        }
        int constructorColumns = bound.Count;
        for (int i = 0; i < Columns.Length; i++)
        {
            if (!bound.Contains(i) && Columns[i].Property.SetMethod is { IsPublic: true }) bound.Add(i);
        }
        return (chosen, constructorColumns, [.. bound]);
    }

    private Func<ArrowColumn[], int, T> CompileReader()
    {
        ParameterExpression columns = Expression.Parameter(typeof(ArrowColumn[]), "columns");
        ParameterExpression row = Expression.Parameter(typeof(int), "row");
        var arguments = new Expression[ConstructorColumns];
        var bindings = new List<MemberBinding>();
        for (int i = 0; i < ReadColumns.Length; i++)
        {
            ArrowRecordMember member = Columns[ReadColumns[i]];
            string accessor = member.IsNullableValue ? nameof(ArrowRowAccess.Nullable)
                : member.StorageType.IsValueType ? nameof(ArrowRowAccess.Value) : nameof(ArrowRowAccess.Reference);
            Expression value = Expression.Call(typeof(ArrowRowAccess), accessor, [member.StorageType],
                Expression.ArrayIndex(columns, Expression.Constant(i)), row);
            if (i < ConstructorColumns) arguments[i] = value;
            else bindings.Add(Expression.Bind(member.Property, value));
        }
        NewExpression create = Constructor is null ? Expression.New(typeof(T)) : Expression.New(Constructor, arguments);
        Expression body = bindings.Count == 0 ? create : Expression.MemberInit(create, bindings);
        return Expression.Lambda<Func<ArrowColumn[], int, T>>(body, columns, row).Compile();
    }

    private Action<T, ArrowColumn[]> CompileAppender()
    {
        ParameterExpression record = Expression.Parameter(typeof(T), "record");
        ParameterExpression columns = Expression.Parameter(typeof(ArrowColumn[]), "columns");
        var appends = new Expression[Columns.Length];
        for (int i = 0; i < Columns.Length; i++)
        {
            ArrowRecordMember member = Columns[i];
            string appender = member.IsNullableValue ? nameof(ArrowRowAccess.AppendNullable) : nameof(ArrowRowAccess.AppendValue);
            appends[i] = Expression.Call(typeof(ArrowRowAccess), appender, [member.StorageType],
                Expression.ArrayIndex(columns, Expression.Constant(i)), Expression.Property(record, member.Property));
        }
        return Expression.Lambda<Action<T, ArrowColumn[]>>(Expression.Block(appends), record, columns).Compile();
    }
}
