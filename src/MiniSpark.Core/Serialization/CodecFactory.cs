using System.Reflection;
using MiniSpark.Internal;

namespace MiniSpark.Serialization;

/// <summary>Chooses and builds the codec of a type, once per type (the result lives in <see cref="CodecSlot{T}"/>).</summary>
/// <remarks>
/// Order: a codec registered for the exact type, a registered generic codec, intrinsic scalars, unsupported types
/// (fail here, naming the type), enums, nullables, arrays, List/Dictionary/HashSet, then structs, records and
/// classes by their public members. Reference types get a null marker and, unless sealed, a runtime-type tag
/// (<see cref="ReferenceCodec{T}"/>).
/// </remarks>
internal static class CodecFactory
{
    // Types whose codec is being built on this thread: a member of such a type is a recursive reference, resolved
    // lazily through its slot instead of being built again.
    [ThreadStatic] private static HashSet<Type>? t_building;

    public static RecordCodec<T> Create<T>()
    {
        if (RecordCodecs.TryGetRegistered(out RecordCodec<T>? registered)) return registered;
        HashSet<Type> building = t_building ??= [];
        bool added = building.Add(typeof(T));
        try
        {
            if (RecordCodecs.TryCreateFromGeneric(out RecordCodec<T>? generic)) return generic;
            return CreateBuiltIn<T>();
        }
        finally
        {
            if (added) building.Remove(typeof(T));
        }
    }

    /// <summary>Builds the codec of a member type now, so an unsupported member fails when its owner's codec is
    /// built rather than at the first value.</summary>
    public static void EnsureSupported(Type owner, string member, Type memberType)
    {
        string? reason = UnsupportedReason(memberType);
        try
        {
            if (reason is not null) throw new NotSupportedException(SR.TypeNotSerializable(memberType, reason));
            if (t_building?.Contains(memberType) == true) return;
            CodecSlot.For(memberType).EnsureBuilt();
        }
        catch (NotSupportedException e)
        {
            throw new NotSupportedException(SR.MemberNotSerializable(owner, member, memberType, e.Message), e);
        }
    }

    /// <summary>Why <paramref name="type"/> can never be serialized by a built-in codec, or null.</summary>
    public static string? UnsupportedReason(Type type)
    {
        if (type.IsPointer || type.IsFunctionPointer || type.IsByRef || type == typeof(IntPtr) || type == typeof(UIntPtr))
            return SR.ReasonPointer;
        if (type.IsByRefLike) return SR.ReasonByRefLike;
        if (type.ContainsGenericParameters) return SR.ReasonOpenGeneric;
        if (typeof(Delegate).IsAssignableFrom(type)) return SR.ReasonDelegate;
        if (typeof(Stream).IsAssignableFrom(type) || typeof(MemberInfo).IsAssignableFrom(type)
            || typeof(Assembly).IsAssignableFrom(type) || typeof(Module).IsAssignableFrom(type)
            || typeof(Task).IsAssignableFrom(type) || typeof(Thread).IsAssignableFrom(type)
            || typeof(WaitHandle).IsAssignableFrom(type) || typeof(System.Runtime.InteropServices.SafeHandle).IsAssignableFrom(type)
            || typeof(CancellationTokenSource).IsAssignableFrom(type) || type == typeof(CancellationToken)
            || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>)) || type == typeof(ValueTask))
            return SR.ReasonResource;
        if (type.IsArray && !type.IsSZArray) return SR.ReasonMultiDimensionalArray;
        return null;
    }

    private static RecordCodec<T> CreateBuiltIn<T>()
    {
        Type type = typeof(T);
        if (ScalarCodecs.TryGet(type) is RecordCodec<T> scalar) return scalar;
        if (UnsupportedReason(type) is string reason) throw new NotSupportedException(SR.TypeNotSerializable(type, reason));
        if (type.IsEnum) return Make<T>(typeof(EnumCodec<,>), type, Enum.GetUnderlyingType(type));
        if (Nullable.GetUnderlyingType(type) is Type underlying) return Make<T>(typeof(NullableCodec<>), underlying);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Option<>))
            return Make<T>(typeof(OptionCodec<>), type.GetGenericArguments()[0]);
        if (type.IsArray)
        {
            Type element = type.GetElementType()!;
            return IsRawElement(element) ? Make<T>(typeof(RawArrayCodec<>), element) : Make<T>(typeof(ArrayCodec<>), element);
        }
        if (type.IsGenericType)
        {
            Type definition = type.GetGenericTypeDefinition();
            Type[] arguments = type.GetGenericArguments();
            if (definition == typeof(List<>))
            {
                return Polymorphic(IsRawElement(arguments[0])
                    ? Make<T>(typeof(RawListCodec<>), arguments[0])
                    : Make<T>(typeof(ListCodec<>), arguments[0]));
            }
            if (definition == typeof(Dictionary<,>)) return Polymorphic(Make<T>(typeof(DictionaryCodec<,>), arguments));
            if (definition == typeof(HashSet<>)) return Polymorphic(Make<T>(typeof(HashSetCodec<>), arguments));
        }
        if (type.IsValueType) return ObjectCodecBuilder.Build<T>();
        if (type.IsInterface || type.IsAbstract) return new ReferenceCodec<T>(null, polymorphic: true);
        if (type == typeof(object)) return new ReferenceCodec<T>(new EmptyObjectCodec<T>(), polymorphic: true);
        return new ReferenceCodec<T>(ObjectCodecBuilder.Build<T>(), polymorphic: !type.IsSealed);
    }

    /// <summary>Element types copied as raw little-endian bytes in arrays and lists.</summary>
    public static bool IsRawElement(Type type)
    {
        if (!BitConverter.IsLittleEndian) return false;
        if (type.IsEnum) type = Enum.GetUnderlyingType(type);
        return (type.IsPrimitive && type != typeof(IntPtr) && type != typeof(UIntPtr)) || type == typeof(Half);
    }

    private static RecordCodec<T> Polymorphic<T>(RecordCodec<T> core) => new ReferenceCodec<T>(core, polymorphic: true);

    private static RecordCodec<T> Make<T>(Type definition, params Type[] arguments) =>
        (RecordCodec<T>)Activator.CreateInstance(definition.MakeGenericType(arguments))!;
}
