using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>How to build a <typeparamref name="T"/> from column accessors: its members, made once per type, and compiled
/// factories, made once per combination of accessor classes.</summary>
/// <remarks>
/// A public parameterless constructor (or a struct) is used with all settable (set or init) public properties.
/// Otherwise the public constructor with the most parameters whose names all match public properties
/// (case-insensitively) is used, as for positional records, plus any settable properties it does not cover.
/// A factory is <c>(accessors, row) => new T(a0.Get(row), ...) { P = ak.Get(row) }</c> where each <c>ai</c> is seen as
/// its exact (sealed) accessor class: the calls are direct and the JIT inlines them, so a row costs no virtual call,
/// type check, reflection or boxing. Files of one schema share one factory.
/// </remarks>
internal static class RecordReaderShape<T>
{
    private static readonly Lazy<Layout> Shape = new(Analyse);
    private static readonly ConcurrentDictionary<AccessorClasses, Func<ColumnAccessor[], int, T>> Factories = new();

    public static IReadOnlyList<RecordMember> Members => Shape.Value.Members;

    /// <summary>The factory for these accessors (accessor i reads member i); compiled the first time their classes meet.</summary>
    public static Func<ColumnAccessor[], int, T> FactoryFor(ColumnAccessor[] accessors)
    {
        IReadOnlyList<RecordMember> members = Members;
        if (accessors.Length != members.Count)
            throw new InvalidOperationException($"{typeof(T).Name} has {members.Count} members, but {accessors.Length} accessors were bound.");
        var key = new AccessorClasses([.. accessors.Select(a => a.GetType())]);
        return Factories.GetOrAdd(key, static k => Compile(k.Classes));
    }

    private sealed record Layout(RecordMember[] Members, ConstructorInfo? Constructor, int ParameterCount, PropertyInfo[] Settable);

    private static Layout Analyse()
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
        foreach (ParameterInfo parameter in parameters)
            members.Add(new RecordMember(parameter.Name!, parameter.ParameterType, $"constructor parameter {type.Name}({parameter.Name})"));
        var settable = new List<PropertyInfo>();
        foreach (PropertyInfo property in properties)
        {
            if (property.GetIndexParameters().Length > 0 || property.SetMethod is not { IsPublic: true }) continue;
            if (parameters.Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase))) continue;
            settable.Add(property);
            members.Add(new RecordMember(property.Name, property.PropertyType, $"property {type.Name}.{property.Name}"));
        }
        return new Layout([.. members], constructor, parameters.Length, [.. settable]);
    }

    private static Func<ColumnAccessor[], int, T> Compile(Type[] classes)
    {
        Layout layout = Shape.Value;
        ParameterExpression accessors = Expression.Parameter(typeof(ColumnAccessor[]), "accessors");
        ParameterExpression row = Expression.Parameter(typeof(int), "row");
        Expression[] arguments = [.. Enumerable.Range(0, layout.ParameterCount).Select(Read)];
        MemberBinding[] bindings = [.. layout.Settable.Select((property, i) => (MemberBinding)Expression.Bind(property, Read(layout.ParameterCount + i)))];
        Expression creation = layout.Constructor is null ? Expression.New(typeof(T)) : Expression.New(layout.Constructor, arguments);
        Expression body = bindings.Length > 0 ? Expression.MemberInit((NewExpression)creation, bindings) : creation;
        return Expression.Lambda<Func<ColumnAccessor[], int, T>>(body, accessors, row).Compile();

        // Unsafe.As<ExactClass>(accessors[i]).Get(row): the key the factory is cached under guarantees the class.
        Expression Read(int index)
        {
            Type memberType = layout.Members[index].Type;
            Type exact = classes[index];
            Type expected = typeof(ColumnAccessor<>).MakeGenericType(memberType);
            if (!expected.IsAssignableFrom(exact))
                throw new InvalidOperationException($"The accessor for {layout.Members[index].Description} is a {exact.Name}, not a {expected.Name}.");
            MethodInfo unsafeAs = typeof(Unsafe).GetMethods().Single(m => m.Name == nameof(Unsafe.As) && m.GetGenericArguments().Length == 1)
                .MakeGenericMethod(exact);
            Expression accessor = Expression.Call(unsafeAs, Expression.ArrayIndex(accessors, Expression.Constant(index)));
            MethodInfo get = exact.GetMethod(nameof(ColumnAccessor<int>.Get), [typeof(int)])!;
            return Expression.Call(accessor, get, row);
        }
    }

    /// <summary>The exact accessor classes of a row group, compared element by element.</summary>
    private readonly struct AccessorClasses(Type[] classes) : IEquatable<AccessorClasses>
    {
        public Type[] Classes { get; } = classes;

        public bool Equals(AccessorClasses other) => Classes.AsSpan().SequenceEqual(other.Classes);

        public override bool Equals(object? obj) => obj is AccessorClasses other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (Type type in Classes) hash.Add(type);
            return hash.ToHashCode();
        }
    }
}
