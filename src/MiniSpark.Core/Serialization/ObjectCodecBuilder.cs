using System.Linq.Expressions;
using System.Reflection;

namespace MiniSpark.Serialization;

/// <summary>Compiles the member-by-member writer and reader of a type once, with System.Linq.Expressions.</summary>
/// <remarks>
/// For <c>record Person(string Name, int Age)</c> the compiled code is, in effect:
/// <code>
/// write: (ref w, p) => { StringCodec.Put(ref w, p.Name); Int32Codec.Put(ref w, p.Age); }
/// read:  (ref r) => new Person(StringCodec.Get(ref r), Int32Codec.Get(ref r))
/// </code>
/// Intrinsic member types and enums are written inline; any other member goes through
/// <c>CodecSlot&lt;M&gt;.Instance.Codec</c>, so registrations and recursive types work. No reflection and no boxing
/// per record.
/// </remarks>
internal static class ObjectCodecBuilder
{
    public static RecordCodec<T> Build<T>()
    {
        Type type = typeof(T);
        ObjectShape shape = ObjectShape.Analyze(type);
        foreach (MemberInfo member in shape.WrittenMembers)
            CodecFactory.EnsureSupported(type, member.Name, ObjectShape.MemberType(member));

        ParameterExpression writer = Expression.Parameter(typeof(RecordWriter).MakeByRefType(), "writer");
        ParameterExpression value = Expression.Parameter(type, "value");
        var writes = shape.WrittenMembers
            .Select(member => WriteMember(writer, ObjectShape.MemberType(member), Expression.MakeMemberAccess(value, member)))
            .ToList();
        if (writes.Count == 0) writes.Add(Expression.Call(writer, typeof(RecordWriter).GetMethod(nameof(RecordWriter.WriteByte))!,
            Expression.Constant((byte)0)));
        MemberWriter<T> write = Expression.Lambda<MemberWriter<T>>(Expression.Block(writes), writer, value).Compile();

        ParameterExpression reader = Expression.Parameter(typeof(RecordReader).MakeByRefType(), "reader");
        NewExpression construct = shape.Constructor is null
            ? Expression.New(type)
            : Expression.New(shape.Constructor, shape.ConstructorMembers.Select(m =>
                Convert(ReadMember(reader, ObjectShape.MemberType(m.Member)), m.Parameter.ParameterType)));
        Expression body = shape.SetMembers.Count == 0
            ? construct
            : Expression.MemberInit(construct, shape.SetMembers.Select(m =>
                (MemberBinding)Expression.Bind(m, ReadMember(reader, ObjectShape.MemberType(m)))));
        if (!shape.WrittenMembers.Any())
        {
            body = Expression.Block(
                Expression.Call(typeof(ObjectCodec<T>).GetMethod(nameof(ObjectCodec<T>.ReadEmptyMarker))!, reader), body);
        }
        MemberReader<T> read = Expression.Lambda<MemberReader<T>>(body, reader).Compile();
        return new ObjectCodec<T>(write, read);
    }

    private static Expression WriteMember(ParameterExpression writer, Type type, Expression value)
    {
        if (type.IsEnum)
        {
            Type underlying = Enum.GetUnderlyingType(type);
            return Expression.Call(ScalarCodecs.PutMethod(underlying)!, writer, Expression.Convert(value, underlying));
        }
        if (ScalarCodecs.PutMethod(type) is MethodInfo put) return Expression.Call(put, writer, value);
        (Expression codec, Type codecType) = SlotCodec(type);
        return Expression.Call(codec, codecType.GetMethod(nameof(RecordCodec<int>.Write))!, writer, value);
    }

    private static Expression ReadMember(ParameterExpression reader, Type type)
    {
        if (type.IsEnum)
        {
            Type underlying = Enum.GetUnderlyingType(type);
            return Expression.Convert(Expression.Call(ScalarCodecs.GetMethod(underlying)!, reader), type);
        }
        if (ScalarCodecs.GetMethod(type) is MethodInfo get) return Expression.Call(get, reader);
        (Expression codec, Type codecType) = SlotCodec(type);
        return Expression.Call(codec, codecType.GetMethod(nameof(RecordCodec<int>.Read))!, reader);
    }

    // CodecSlot<M>.Instance.Codec: a static readonly field of an exact generic instantiation, no closure constant.
    private static (Expression Codec, Type CodecType) SlotCodec(Type type)
    {
        Type slotType = typeof(CodecSlot<>).MakeGenericType(type);
        Expression slot = Expression.Field(null, slotType.GetField(nameof(CodecSlot<int>.Instance))!);
        return (Expression.Property(slot, nameof(CodecSlot<int>.Codec)), typeof(RecordCodec<>).MakeGenericType(type));
    }

    private static Expression Convert(Expression value, Type type) =>
        value.Type == type ? value : Expression.Convert(value, type);
}
