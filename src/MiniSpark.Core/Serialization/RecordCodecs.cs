using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using MiniSpark.Internal;
using MiniSpark.Serialization;

namespace MiniSpark;

/// <summary>The registry of user codecs, consulted before MiniSpark's built-in codecs.</summary>
/// <remarks>
/// Registration is thread-safe and may happen at any time: a codec registered after MiniSpark already built one for
/// the same type replaces it for every later write and read, including where the type is nested in other types.
/// Data written with one codec must be read with the same codec. Built-in codecs of primitive types, strings, dates,
/// <see cref="Guid"/> and the like are intrinsic and cannot be replaced.
/// </remarks>
public static class RecordCodecs
{
    private static readonly ConcurrentDictionary<Type, object> s_registered = new();
    private static readonly ConcurrentDictionary<Type, Type> s_generic = new();

    /// <summary>Uses <paramref name="codec"/> for every value whose declared type is <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type the codec serializes.</typeparam>
    /// <param name="codec">The codec; shared by all threads.</param>
    /// <exception cref="ArgumentNullException"><paramref name="codec"/> is null.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> has an intrinsic codec.</exception>
    public static void Register<T>(RecordCodec<T> codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        if (ScalarCodecs.IsIntrinsic(typeof(T)))
            throw new ArgumentException(SR.CannotReplaceBuiltInCodec(typeof(T)), nameof(codec));
        RecordCodec<T> effective = Wrap(codec);
        s_registered[typeof(T)] = effective;
        CodecSlot<T>.Instance.Set(effective);
        BoxedCodec.ForgetUnsupported();
    }

    /// <summary>Uses a generic codec for every closed form of a generic type, for example
    /// <c>RegisterGeneric(typeof(Option&lt;&gt;), typeof(OptionCodec&lt;&gt;))</c>.</summary>
    /// <param name="genericTypeDefinition">The open generic type, such as <c>typeof(MyPair&lt;,&gt;)</c>.</param>
    /// <param name="codecTypeDefinition">An open generic codec type with the same type parameters (in the same
    /// order) and a public parameterless constructor, whose closed form derives from <see cref="RecordCodec{T}"/> of
    /// the closed type.</param>
    /// <remarks>A codec registered with <see cref="Register{T}(RecordCodec{T})"/> for one closed type wins over
    /// this one.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An argument is not a generic type definition, or they do not match.</exception>
    public static void RegisterGeneric(Type genericTypeDefinition, Type codecTypeDefinition)
    {
        ArgumentNullException.ThrowIfNull(genericTypeDefinition);
        ArgumentNullException.ThrowIfNull(codecTypeDefinition);
        if (!genericTypeDefinition.IsGenericTypeDefinition)
            throw new ArgumentException(SR.NotGenericTypeDefinition(genericTypeDefinition), nameof(genericTypeDefinition));
        if (!IsMatchingGenericCodec(genericTypeDefinition, codecTypeDefinition))
            throw new ArgumentException(
                SR.GenericCodecMismatch(genericTypeDefinition, codecTypeDefinition), nameof(codecTypeDefinition));
        s_generic[genericTypeDefinition] = codecTypeDefinition;
        CodecSlot.ResetWhere(type => type.IsGenericType && type.GetGenericTypeDefinition() == genericTypeDefinition
            && !s_registered.ContainsKey(type));
        BoxedCodec.ForgetUnsupported();
    }

    internal static bool TryGetRegistered<T>([NotNullWhen(true)] out RecordCodec<T>? codec)
    {
        codec = s_registered.TryGetValue(typeof(T), out object? found) ? (RecordCodec<T>)found : null;
        return codec is not null;
    }

    internal static bool TryCreateFromGeneric<T>([NotNullWhen(true)] out RecordCodec<T>? codec)
    {
        codec = null;
        Type type = typeof(T);
        if (!type.IsGenericType || !s_generic.TryGetValue(type.GetGenericTypeDefinition(), out Type? codecDefinition))
            return false;
        Type closed;
        try
        {
            closed = codecDefinition.MakeGenericType(type.GetGenericArguments());
        }
        catch (ArgumentException e) // the codec's constraints reject these arguments
        {
            throw new NotSupportedException(SR.TypeNotSerializable(type, e.Message), e);
        }
        codec = Wrap((RecordCodec<T>)Activator.CreateInstance(closed)!);
        return true;
    }

    // The engine owns null markers of reference types; a user codec sees only non-null values.
    private static RecordCodec<T> Wrap<T>(RecordCodec<T> codec) =>
        typeof(T).IsValueType ? codec : new ReferenceCodec<T>(codec, polymorphic: false);

    private static bool IsMatchingGenericCodec(Type definition, Type codecDefinition)
    {
        if (!codecDefinition.IsGenericTypeDefinition) return false;
        Type[] parameters = definition.GetGenericArguments();
        if (codecDefinition.GetGenericArguments().Length != parameters.Length) return false;
        if (codecDefinition.IsAbstract || codecDefinition.GetConstructor(Type.EmptyTypes) is null) return false;
        try
        {
            Type closedCodec = codecDefinition.MakeGenericType(parameters);
            Type expectedBase = typeof(RecordCodec<>).MakeGenericType(definition.MakeGenericType(parameters));
            return expectedBase.IsAssignableFrom(closedCodec);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
