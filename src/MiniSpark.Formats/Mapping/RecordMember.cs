using System.Reflection;

namespace MiniSpark.Formats.Mapping;

/// <summary>One column of a record type: a public readable property.</summary>
/// <param name="Ordinal">The member's index in <see cref="RecordShape{T}.Members"/>.</param>
/// <param name="Name">The column name: the property name as declared.</param>
/// <param name="Type">The property type.</param>
/// <param name="Property">The property.</param>
/// <param name="ConstructorParameter">The index of the constructor parameter that sets it, or -1.</param>
/// <param name="HasSetter">Whether a public setter (or init accessor) sets it after construction.</param>
internal sealed record RecordMember(int Ordinal, string Name, Type Type, PropertyInfo Property, int ConstructorParameter, bool HasSetter)
{
    /// <summary>Whether reading can set it; read-only computed properties are written but not read.</summary>
    public bool IsSettable => ConstructorParameter >= 0 || HasSetter;
}
