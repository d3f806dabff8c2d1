using System.Reflection;
using MiniSpark.Internal;

namespace MiniSpark.Serialization;

/// <summary>Which public members of a type are written, in which order, and how a value is rebuilt.</summary>
/// <remarks>
/// <para>Members are public instance properties with a public getter (no indexers) and public instance fields.
/// The constructor is the public one with the most parameters whose parameters all match members by name
/// (case-insensitive) and type, so positional records, tuples and immutable classes work; a parameterless
/// constructor matches trivially, and structs fall back to their default value. Members not set by the constructor
/// are written when they have a public setter (<c>set</c> or <c>init</c>) or are writable fields. Get-only members
/// outside the constructor are computed and skipped.</para>
/// <para>Nothing may be lost silently: every instance field (public or not, base classes included) must belong to a
/// written member: a public field, an auto-property's backing field, or a field named like a member apart from a
/// <c>_</c> or <c>m_</c> prefix (KeyValuePair's <c>key</c>, Tuple's <c>m_Item1</c>). Otherwise building fails with
/// <see cref="NotSupportedException"/> asking for a registered codec.</para>
/// </remarks>
internal sealed class ObjectShape
{
    private ObjectShape(ConstructorInfo? constructor, List<(MemberInfo Member, ParameterInfo Parameter)> constructorMembers,
        List<MemberInfo> setMembers)
    {
        Constructor = constructor;
        ConstructorMembers = constructorMembers;
        SetMembers = setMembers;
    }

    /// <summary>Null for a struct built from its default value.</summary>
    public ConstructorInfo? Constructor { get; }

    /// <summary>Members passed to the constructor, in parameter order; written first.</summary>
    public List<(MemberInfo Member, ParameterInfo Parameter)> ConstructorMembers { get; }

    /// <summary>Members assigned after construction; written after the constructor members.</summary>
    public List<MemberInfo> SetMembers { get; }

    public IEnumerable<MemberInfo> WrittenMembers => ConstructorMembers.Select(m => m.Member).Concat(SetMembers);

    public static Type MemberType(MemberInfo member) =>
        member is PropertyInfo property ? property.PropertyType : ((FieldInfo)member).FieldType;

    public static ObjectShape Analyze(Type type)
    {
        List<MemberInfo> members = ReadableMembers(type);
        (ConstructorInfo? constructor, List<(MemberInfo, ParameterInfo)> constructorMembers) = ChooseConstructor(type, members);
        if (constructor is null && !type.IsValueType)
            throw new NotSupportedException(SR.TypeNotSerializable(type, SR.ReasonNoConstructor));
        var inConstructor = new HashSet<MemberInfo>(constructorMembers.Select(m => m.Item1));
        List<MemberInfo> setMembers = members.Where(m => !inConstructor.Contains(m) && IsSettable(m)).ToList();
        var shape = new ObjectShape(constructor, constructorMembers, setMembers);
        shape.CheckNoHiddenState(type);
        return shape;
    }

    private static List<MemberInfo> ReadableMembers(Type type)
    {
        // Base members first, then declaration order: stable across runs of the same build.
        var byName = new Dictionary<string, MemberInfo>(StringComparer.Ordinal);
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .OrderBy(p => Depth(p.DeclaringType!)).ThenBy(p => p.MetadataToken))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true }
                || property.PropertyType.IsByRef)
                continue;
            byName[property.Name] = property; // a `new` property in a subclass replaces the base one
        }
        foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Instance)
                     .OrderBy(f => Depth(f.DeclaringType!)).ThenBy(f => f.MetadataToken))
        {
            byName[field.Name] = field;
        }
        return [.. byName.Values];
    }

    private static int Depth(Type type)
    {
        int depth = 0;
        for (Type? t = type.BaseType; t is not null; t = t.BaseType) depth++;
        return depth;
    }

    private static bool IsSettable(MemberInfo member) => member switch
    {
        PropertyInfo property => property.SetMethod is { IsPublic: true },
        FieldInfo field => !field.IsInitOnly && !field.IsLiteral,
        _ => false,
    };

    private static (ConstructorInfo?, List<(MemberInfo, ParameterInfo)>) ChooseConstructor(Type type, List<MemberInfo> members)
    {
        foreach (ConstructorInfo constructor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
                     .OrderByDescending(c => c.GetParameters().Length).ThenBy(c => c.MetadataToken))
        {
            if (type.IsAbstract) break;
            var matched = new List<(MemberInfo, ParameterInfo)>();
            foreach (ParameterInfo parameter in constructor.GetParameters())
            {
                MemberInfo? member = MatchParameter(parameter, members);
                if (member is null || matched.Any(m => m.Item1 == member)) break;
                matched.Add((member, parameter));
            }
            if (matched.Count == constructor.GetParameters().Length) return (constructor, matched);
        }
        return (null, []);
    }

    private static MemberInfo? MatchParameter(ParameterInfo parameter, List<MemberInfo> members)
    {
        if (parameter.Name is null || parameter.ParameterType.IsByRef) return null;
        MemberInfo? match = null;
        foreach (MemberInfo member in members)
        {
            if (!string.Equals(member.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)) continue;
            if (!parameter.ParameterType.IsAssignableFrom(MemberType(member))) continue;
            if (member.Name == parameter.Name) return member; // exact case wins
            match ??= member;
        }
        return match;
    }

    private void CheckNoHiddenState(Type type)
    {
        var written = new HashSet<string>(WrittenMembers.Select(m => m.Name), StringComparer.OrdinalIgnoreCase);
        var writtenFields = new HashSet<MemberInfo>(WrittenMembers.OfType<FieldInfo>());
        var hidden = new List<string>();
        for (Type? t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic
                         | BindingFlags.DeclaredOnly))
            {
                if (writtenFields.Contains(field) || written.Contains(LogicalName(field.Name))) continue;
                hidden.Add(field.Name);
            }
        }
        if (hidden.Count > 0) throw new NotSupportedException(SR.TypeNotSerializable(type, SR.ReasonHiddenState(hidden)));
    }

    // "<Name>k__BackingField", "<name>P" (primary constructor), "<Name>i__Field" (anonymous type) -> Name;
    // "_name", "m_name" -> name.
    private static string LogicalName(string field)
    {
        if (field.StartsWith('<'))
        {
            int end = field.IndexOf('>');
            return end > 1 ? field[1..end] : field;
        }
        if (field.StartsWith("m_", StringComparison.Ordinal)) return field[2..];
        return field.TrimStart('_');
    }
}
