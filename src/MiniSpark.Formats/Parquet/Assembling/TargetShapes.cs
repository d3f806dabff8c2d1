using System.Collections;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>Recognizes what a member type asks a list, map or struct to become.</summary>
internal static class TargetShapes
{
    private static readonly HashSet<Type> ListTypes =
        [typeof(List<>), typeof(IList<>), typeof(ICollection<>), typeof(IEnumerable<>), typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>)];

    private static readonly HashSet<Type> MapTypes = [typeof(Dictionary<,>), typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>)];

    /// <summary>A one-dimensional array, or <see cref="List{T}"/> or an interface it implements: the element type.</summary>
    public static bool IsList(Type target, out Type element, out bool asArray)
    {
        asArray = target.IsSZArray;
        if (asArray)
        {
            element = target.GetElementType()!;
            return true;
        }
        if (target.IsGenericType && ListTypes.Contains(target.GetGenericTypeDefinition()))
        {
            element = target.GetGenericArguments()[0];
            return true;
        }
        element = typeof(object);
        return false;
    }

    /// <summary><see cref="Dictionary{TKey, TValue}"/> or an interface of it that a dictionary fills.</summary>
    public static bool IsMap(Type target, out Type key, out Type value)
    {
        if (target.IsGenericType && MapTypes.Contains(target.GetGenericTypeDefinition()))
        {
            Type[] arguments = target.GetGenericArguments();
            (key, value) = (arguments[0], arguments[1]);
            return true;
        }
        key = value = typeof(object);
        return false;
    }

    /// <summary>A type of the program's own (class, record or struct, not a collection) whose members a struct fills.</summary>
    /// <remarks>Types of the core library (strings, dates, Guid...) and collections are values, never records.</remarks>
    public static bool IsRecord(Type target) =>
        !target.IsAbstract && !target.IsInterface && !target.IsPrimitive && !target.IsEnum && !target.IsArray && !target.IsPointer
        && !target.ContainsGenericParameters && Nullable.GetUnderlyingType(target) is null
        && target.Assembly != typeof(object).Assembly && !typeof(IEnumerable).IsAssignableFrom(target);
}
