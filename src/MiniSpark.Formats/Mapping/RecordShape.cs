using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace MiniSpark.Formats.Mapping;

/// <summary>How a record type maps to columns: its public readable properties, in declaration order, and how to
/// build one from column values (a constructor whose parameters match properties by name, then setters).</summary>
/// <remarks>
/// <para>Shared by the formats that read and write typed records (CSV here; Parquet and Arrow can use it too). The
/// shape is found once per type; readers and writers compile it into delegates that move values through a
/// format's <see cref="IRecordSource"/> or <see cref="IRecordSink"/> with no reflection or boxing per record.</para>
/// <para>Construction: among the public constructors whose parameters all match a property by name
/// (case-insensitively) and type, the one that lets reading set the most properties wins, the one with fewer
/// parameters on a tie (so a parameterless constructor plus setters beats an equivalent full one, as in
/// System.Text.Json). Positional records use their primary constructor. Structs may also start from their default.</para>
/// </remarks>
internal sealed class RecordShape<T>
{
    private static readonly Lazy<RecordShape<T>> s_instance = new(() => new RecordShape<T>(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ConcurrentDictionary<Type, Delegate> _readers = new();
    private readonly ConcurrentDictionary<Type, Delegate> _writers = new();

    private RecordShape()
    {
        Type type = typeof(T);
        List<PropertyInfo> properties = PublicProperties(type);
        if (properties.Count == 0)
            throw new NotSupportedException($"Type {Describe(type)} has no public readable properties, so it has no columns.");
        var byName = new Dictionary<string, PropertyInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (PropertyInfo property in properties)
        {
            if (!byName.TryAdd(property.Name, property))
                throw new NotSupportedException($"Type {Describe(type)} has properties '{byName[property.Name].Name}' and '{property.Name}', whose names differ only in case: columns match names case-insensitively.");
        }

        Constructor = ChooseConstructor(type, properties, byName);
        ParameterInfo[] parameters = Constructor?.GetParameters() ?? [];
        var members = new RecordMember[properties.Count];
        for (int i = 0; i < members.Length; i++)
        {
            PropertyInfo property = properties[i];
            int parameter = Array.FindIndex(parameters, p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            members[i] = new RecordMember(i, property.Name, property.PropertyType, property, parameter, property.SetMethod is { IsPublic: true });
        }
        Members = members;
        ConstructorMembers = [.. parameters.Select(p => members.First(m => m.ConstructorParameter == p.Position))];
    }

    /// <summary>The shape of <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException">The type has no columns, ambiguous names, or no usable constructor;
    /// the message says which.</exception>
    public static RecordShape<T> Instance => s_instance.Value;

    /// <summary>The columns, in declaration order (base class properties first).</summary>
    public IReadOnlyList<RecordMember> Members { get; }

    /// <summary>The constructor reading uses; null for a struct's default value.</summary>
    public ConstructorInfo? Constructor { get; }

    /// <summary>The members set by <see cref="Constructor"/>'s parameters, in parameter order.</summary>
    public IReadOnlyList<RecordMember> ConstructorMembers { get; }

    /// <summary>A delegate building a <typeparamref name="T"/> from the current record of a source: constructor
    /// arguments first (the parameter's default when the source lacks the column), then the settable members the
    /// source has.</summary>
    public Func<TSource, T> CompileReader<TSource>() where TSource : IRecordSource =>
        (Func<TSource, T>)_readers.GetOrAdd(typeof(TSource), static (_, shape) => shape.BuildReader<TSource>(), this);

    /// <summary>A delegate handing every member of a record, in order, to a sink.</summary>
    public Action<TSink, T> CompileWriter<TSink>() where TSink : IRecordSink =>
        (Action<TSink, T>)_writers.GetOrAdd(typeof(TSink), static (_, shape) => shape.BuildWriter<TSink>(), this);

    private Func<TSource, T> BuildReader<TSource>() where TSource : IRecordSource
    {
        ParameterExpression source = Expression.Parameter(typeof(TSource), "source");
        ParameterExpression record = Expression.Variable(typeof(T), "record");
        MethodInfo read = typeof(TSource).GetMethod(nameof(IRecordSource.Read))!;
        MethodInfo has = typeof(TSource).GetMethod(nameof(IRecordSource.Has))!;

        Expression ReadMember(RecordMember member) =>
            Expression.Call(source, read.MakeGenericMethod(member.Type), Expression.Constant(member.Ordinal));

        var body = new List<Expression>();
        if (Constructor is null)
        {
            body.Add(Expression.Assign(record, Expression.Default(typeof(T))));
        }
        else
        {
            ParameterInfo[] parameters = Constructor.GetParameters();
            var arguments = new Expression[parameters.Length];
            for (int i = 0; i < parameters.Length; i++)
            {
                RecordMember member = ConstructorMembers[i];
                Expression fallback = parameters[i].HasDefaultValue && parameters[i].DefaultValue is not null
                    ? Expression.Constant(parameters[i].DefaultValue, member.Type)
                    : Expression.Default(member.Type);
                Expression value = Expression.Condition(
                    Expression.Call(source, has, Expression.Constant(member.Ordinal)), ReadMember(member), fallback);
                arguments[i] = parameters[i].ParameterType == member.Type ? value : Expression.Convert(value, parameters[i].ParameterType);
            }
            body.Add(Expression.Assign(record, Expression.New(Constructor, arguments)));
        }
        foreach (RecordMember member in Members)
        {
            if (member.ConstructorParameter >= 0 || !member.HasSetter) continue;
            body.Add(Expression.IfThen(
                Expression.Call(source, has, Expression.Constant(member.Ordinal)),
                Expression.Assign(Expression.Property(record, member.Property), ReadMember(member))));
        }
        body.Add(record);
        return Expression.Lambda<Func<TSource, T>>(Expression.Block([record], body), source).Compile();
    }

    private Action<TSink, T> BuildWriter<TSink>() where TSink : IRecordSink
    {
        ParameterExpression sink = Expression.Parameter(typeof(TSink), "sink");
        ParameterExpression record = Expression.Parameter(typeof(T), "record");
        MethodInfo write = typeof(TSink).GetMethod(nameof(IRecordSink.Write))!;
        Expression[] calls =
        [
            .. Members.Select(m => Expression.Call(sink, write.MakeGenericMethod(m.Type), Expression.Constant(m.Ordinal),
                Expression.Property(record, m.Property))),
        ];
        return Expression.Lambda<Action<TSink, T>>(Expression.Block(calls), sink, record).Compile();
    }

    // Base class properties first, each class's in declaration order; overridden properties once.
    private static List<PropertyInfo> PublicProperties(Type type)
    {
        var chain = new List<Type>();
        for (Type? t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType) chain.Add(t);
        chain.Reverse();
        var properties = new List<PropertyInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Type declaring in chain)
        {
            IEnumerable<PropertyInfo> declared = declaring
                .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
                .OrderBy(p => p.MetadataToken);
            foreach (PropertyInfo property in declared)
            {
                // An override re-declares its base property: keep the most derived accessor, at the base's place.
                int existing = properties.FindIndex(p => p.Name == property.Name);
                if (existing >= 0) properties[existing] = property;
                else if (seen.Add(property.Name)) properties.Add(property);
            }
        }
        return properties;
    }

    private static ConstructorInfo? ChooseConstructor(Type type, List<PropertyInfo> properties, Dictionary<string, PropertyInfo> byName)
    {
        ConstructorInfo? best = null;
        int bestCoverage = -1;
        bool bestIsDefault = false;
        if (type.IsValueType)
        {
            bestCoverage = properties.Count(p => p.SetMethod is { IsPublic: true });
            bestIsDefault = true;
        }
        foreach (ConstructorInfo constructor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
        {
            ParameterInfo[] parameters = constructor.GetParameters();
            bool matches = parameters.All(p => p.Name is not null && byName.TryGetValue(p.Name, out PropertyInfo? property)
                && p.ParameterType.IsAssignableFrom(property.PropertyType) && !p.IsOut && !p.ParameterType.IsByRef);
            if (!matches) continue;
            var set = new HashSet<string>(parameters.Select(p => p.Name!), StringComparer.OrdinalIgnoreCase);
            int coverage = properties.Count(p => set.Contains(p.Name) || p.SetMethod is { IsPublic: true });
            int parameterCount = parameters.Length;
            bool better = coverage > bestCoverage
                || (coverage == bestCoverage && !bestIsDefault && best is not null && parameterCount < best.GetParameters().Length);
            if (better)
            {
                best = constructor;
                bestCoverage = coverage;
                bestIsDefault = false;
            }
        }
        if (best is null && !bestIsDefault)
        {
            throw new NotSupportedException(
                $"Type {Describe(type)} has no public constructor whose parameters all match its properties by name, so its " +
                "records cannot be built. Positional records, and classes with a public parameterless constructor and setters, work.");
        }
        return best;
    }

    internal static string Describe(Type type) => type.FullName ?? type.Name;
}
