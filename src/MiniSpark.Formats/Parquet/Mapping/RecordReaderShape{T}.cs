using System.Linq.Expressions;
using System.Reflection;

namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>How to build a <typeparamref name="T"/> from column accessors: members and a compiled factory, made once per type.</summary>
/// <remarks>
/// A public parameterless constructor (or a struct) is used with all settable (set or init) public properties.
/// Otherwise the public constructor with the most parameters whose names all match public properties
/// (case-insensitively) is used, as for positional records, plus any settable properties it does not cover.
/// The factory is <c>(accessors, row) => new T(a0.Get(row), ...) { P = ak.Get(row) }</c>: no reflection or boxing per row.
/// </remarks>
internal static class RecordReaderShape<T>
{
    private static readonly Lazy<(RecordMember[] Members, Func<ColumnAccessor[], int, T> Factory)> Shape = new(Build);

    public static IReadOnlyList<RecordMember> Members => Shape.Value.Members;

    public static Func<ColumnAccessor[], int, T> Factory => Shape.Value.Factory;

    private static (RecordMember[], Func<ColumnAccessor[], int, T>) Build()
    {
        Type type = typeof(T);
        PropertyInfo[] properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        ConstructorInfo? constructor = type.GetConstructor(Type.EmptyTypes);
        ParameterInfo[] parameters = [];
        if (constructor is null && !type.IsValueType)
        {
            constructor = type.GetConstructors()
                .OrderByDescending(c => c.GetParameters().Length)
                .FirstOrDefault(c => c.GetParameters().All(p => properties.Any(q => string.Equals(q.Name, p.Name, StringComparison.OrdinalIgnoreCase))))
                ?? throw new NotSupportedException(
                    $"{type.Name} needs a public parameterless constructor, or a public constructor whose parameters match its properties by name, to be read from Parquet.");
            parameters = constructor.GetParameters();
        }
        var members = new List<RecordMember>();
        ParameterExpression accessors = Expression.Parameter(typeof(ColumnAccessor[]), "accessors");
        ParameterExpression row = Expression.Parameter(typeof(int), "row");
        var arguments = new List<Expression>();
        foreach (ParameterInfo parameter in parameters)
        {
            arguments.Add(Read(members.Count, parameter.ParameterType));
            members.Add(new RecordMember(parameter.Name!, parameter.ParameterType, $"constructor parameter {type.Name}({parameter.Name})"));
        }
        var bindings = new List<MemberBinding>();
        foreach (PropertyInfo property in properties)
        {
            if (property.GetIndexParameters().Length > 0 || property.SetMethod is not { IsPublic: true }) continue;
            if (parameters.Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase))) continue;
            bindings.Add(Expression.Bind(property, Read(members.Count, property.PropertyType)));
            members.Add(new RecordMember(property.Name, property.PropertyType, $"property {type.Name}.{property.Name}"));
        }
        Expression creation = constructor is null ? Expression.New(type) : Expression.New(constructor, arguments);
        Expression body = bindings.Count > 0 ? Expression.MemberInit((NewExpression)creation, bindings) : creation;
        var factory = Expression.Lambda<Func<ColumnAccessor[], int, T>>(body, accessors, row).Compile();
        return ([.. members], factory);

        // ((ColumnAccessor<P>)accessors[i]).Get(row)
        Expression Read(int index, Type memberType)
        {
            Type accessorType = typeof(ColumnAccessor<>).MakeGenericType(memberType);
            Expression accessor = Expression.Convert(Expression.ArrayIndex(accessors, Expression.Constant(index)), accessorType);
            return Expression.Call(accessor, accessorType.GetMethod(nameof(ColumnAccessor<int>.Get))!, row);
        }
    }
}
