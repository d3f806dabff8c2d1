using System.Collections.Concurrent;
using System.Reflection;

namespace MiniSpark.Serialization;

/// <summary>Names runtime types in serialized data and resolves those names back.</summary>
internal static class TypeNames
{
    private static readonly ConcurrentDictionary<Type, string> s_names = new();
    private static readonly ConcurrentDictionary<string, Type> s_types = new(StringComparer.Ordinal);

    /// <summary>Full name for core library types, assembly-qualified otherwise.</summary>
    public static string NameOf(Type type) => s_names.GetOrAdd(type, static t =>
        (t.Assembly == typeof(object).Assembly ? t.FullName : t.AssemblyQualifiedName)
        ?? throw new NotSupportedException(Internal.SR.TypeNotSerializable(t, Internal.SR.ReasonOpenGeneric)));

    /// <summary>The type named <paramref name="name"/>, or null. Assemblies resolve by simple name among those loaded,
    /// then by name from the application's probing paths; never from a file path.</summary>
    public static Type? Resolve(string name)
    {
        if (s_types.TryGetValue(name, out Type? known)) return known;
        Type? type;
        try
        {
            type = Type.GetType(name, ResolveAssembly, typeResolver: null, throwOnError: false);
        }
        catch (Exception e) when (e is ArgumentException or IOException or BadImageFormatException or TypeLoadException)
        {
            return null;
        }
        if (type is null || type.ContainsGenericParameters || type.IsByRef || type.IsPointer) return null;
        s_types.TryAdd(name, type);
        return type;
    }

    private static Assembly? ResolveAssembly(AssemblyName name)
    {
        foreach (Assembly loaded in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (string.Equals(loaded.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase)) return loaded;
        }
        try
        {
            return name.Name is null ? null : Assembly.Load(new AssemblyName(name.Name));
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or ArgumentException)
        {
            return null;
        }
    }
}
