using System.Runtime.CompilerServices;
using MiniSpark.Serialization;

namespace MiniSpark.Internal;

/// <summary>Fresh copies of a user's zero value, as Spark makes by serializing it: functions may mutate and
/// return their first argument, so partitions (and keys) must never share one mutable zero.</summary>
internal static class ZeroValue
{
    public static Func<T> Copies<T>(T zero, string operation)
    {
        // Values without references, strings and null cannot be mutated through a shared reference.
        if (zero is null || zero is string || !RuntimeHelpers.IsReferenceOrContainsReferences<T>()) return () => zero;
        byte[] bytes;
        try
        {
            bytes = Serializer.Serialize(zero);
        }
        catch (NotSupportedException e)
        {
            throw new NotSupportedException(SR.ZeroNotCopyable(operation, typeof(T), e.Message), e);
        }
        return () => Serializer.Deserialize<T>(bytes);
    }
}
