using MiniSpark.Internal;

namespace MiniSpark.Serialization;

/// <summary>Values whose runtime type differs from the declared type (object, interfaces, base classes).</summary>
/// <remarks>
/// After marker 2 comes a variable-length type id. Ids count up per stream: the first use of a runtime type writes
/// the next id followed by the type's name (<see cref="TypeNames"/>); later uses write the id alone. The value then
/// follows in the runtime type's own format. On read, the named type must be assignable to the declared type
/// before any of its code runs, and only types already loaded (or loadable by name from the application's probing
/// paths) resolve: the data is trusted to come from this application, but a name cannot pull in arbitrary code.
/// </remarks>
internal static class PolymorphicValues
{
    public static void Write(ref RecordWriter writer, object value)
    {
        WriterTypeTable types = writer.Types;
        WriterTypeTable.Entry entry = types.GetOrAdd(value.GetType(), out bool added);
        writer.WriteByte(ReferenceCodec<object>.Tagged);
        writer.WriteVarUInt32((uint)entry.Id);
        if (added) writer.WriteString(entry.Name);
        entry.Codec.WriteBoxed(ref writer, value);
    }

    public static object? Read(ref RecordReader reader, Type declared)
    {
        ReaderTypeTable types = reader.Types;
        uint id = reader.ReadVarUInt32();
        ReaderTypeTable.Entry entry;
        if (id < (uint)types.Count)
        {
            entry = types[(int)id];
        }
        else if (id == (uint)types.Count)
        {
            string name = reader.ReadString() ?? "";
            Type type = TypeNames.Resolve(name) ?? Fail(ref reader, SR.UnknownTypeName(name));
            if (!declared.IsAssignableFrom(type)) Fail(ref reader, SR.TypeNotAssignable(type, declared));
            BoxedCodec codec;
            try
            {
                codec = BoxedCodec.For(type);
            }
            catch (NotSupportedException e)
            {
                throw new InvalidDataException(SR.Corrupt(reader.Offset, SR.TypeNotReadable(type, e.Message)), e);
            }
            entry = types.Add(type, codec);
        }
        else
        {
            reader.ThrowCorrupt(SR.UndefinedTypeId(id));
            return null;
        }
        if (!entry.IsAssignableTo(declared)) Fail(ref reader, SR.TypeNotAssignable(entry.Type, declared));
        return entry.Codec.ReadBoxed(ref reader);
    }

    private static Type Fail(ref RecordReader reader, string what)
    {
        reader.ThrowCorrupt(what);
        return null!;
    }
}
