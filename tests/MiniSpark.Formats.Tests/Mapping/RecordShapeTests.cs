using MiniSpark.Formats.Mapping;

namespace MiniSpark.Tests.Mapping;

public sealed class RecordShapeTests
{
    public record Base(int Id);

    public sealed record Derived(int Id, string Name) : Base(Id);

    public sealed class WithDefaults
    {
        public WithDefaults() { }

        public WithDefaults(int a, int b)
        {
            A = a;
            B = b;
        }

        public int A { get; set; } = 7;
        public int B { get; set; } = 8;
    }

    public sealed class GetOnly(int a, string b)
    {
        public int A { get; } = a;
        public string B { get; } = b;
        public int Sum => A + B.Length;
    }

    public struct Point
    {
        public int X { get; set; }
        public int Y { get; init; }
    }

    public sealed class Ambiguous
    {
        public int Name { get; set; }
#pragma warning disable IDE1006 // a second spelling on purpose
        public int name { get; set; }
#pragma warning restore IDE1006
    }

    // Values by member name; members it has no value for are missing.
    private sealed class DictionarySource(IReadOnlyList<RecordMember> members, Dictionary<string, object?> values) : IRecordSource
    {
        public bool Has(int member) => values.ContainsKey(members[member].Name);

        public TValue Read<TValue>(int member) => (TValue)values[members[member].Name]!;
    }

    private sealed class ListSink : IRecordSink
    {
        public List<(int, object?)> Values { get; } = [];

        public void Write<TValue>(int member, TValue value) => Values.Add((member, value));
    }

    private static T Build<T>(Dictionary<string, object?> values)
    {
        RecordShape<T> shape = RecordShape<T>.Instance;
        return shape.CompileReader<DictionarySource>()(new DictionarySource(shape.Members, values));
    }

    [Fact]
    public void PositionalRecord_UsesItsConstructor_MembersInDeclarationOrder_BaseFirst()
    {
        RecordShape<Derived> shape = RecordShape<Derived>.Instance;

        Assert.Equal(["Id", "Name"], shape.Members.Select(m => m.Name));
        Assert.Equal(2, shape.Constructor!.GetParameters().Length);
        Assert.Equal(new Derived(3, "x"), Build<Derived>(new() { ["Id"] = 3, ["Name"] = "x" }));
    }

    [Fact]
    public void ParameterlessConstructorWithSetters_IsPreferred_MissingMembersKeepTheirInitialValues()
    {
        WithDefaults built = Build<WithDefaults>(new() { ["B"] = 2 });

        Assert.Empty(RecordShape<WithDefaults>.Instance.Constructor!.GetParameters());
        Assert.Equal((7, 2), (built.A, built.B));
    }

    [Fact]
    public void GetOnlyProperties_SetThroughTheConstructor_ComputedOnesAreWriteOnly()
    {
        RecordShape<GetOnly> shape = RecordShape<GetOnly>.Instance;
        GetOnly built = Build<GetOnly>(new() { ["A"] = 1, ["B"] = "ab" });

        Assert.Equal([true, true, false], shape.Members.Select(m => m.IsSettable));
        Assert.Equal((1, "ab", 3), (built.A, built.B, built.Sum));
    }

    [Fact]
    public void Struct_StartsFromDefault_AndSetsInitOnlyProperties()
    {
        Assert.Equal(new Point { X = 1, Y = 2 }, Build<Point>(new() { ["X"] = 1, ["Y"] = 2 }));
    }

    [Fact]
    public void Writer_HandsEveryMemberToTheSink_InOrder()
    {
        var sink = new ListSink();

        RecordShape<GetOnly>.Instance.CompileWriter<ListSink>()(sink, new GetOnly(4, "xyz"));

        Assert.Equal([(0, (object?)4), (1, "xyz"), (2, 7)], sink.Values);
    }

    [Fact]
    public void UnmappableTypes_ThrowNotSupported_NamingTheReason()
    {
        Assert.Contains("differ only in case", Assert.Throws<NotSupportedException>(() => RecordShape<Ambiguous>.Instance).Message);
        Assert.Contains("no public readable properties", Assert.Throws<NotSupportedException>(() => RecordShape<object>.Instance).Message);
    }
}
