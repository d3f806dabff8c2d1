using MiniSpark.Serialization;

namespace MiniSpark.Tests.Serialization;

public sealed record WithDelegate(string Name, Func<int> Factory);

public sealed record WithStream(Stream Data);

public sealed record WithPointer(IntPtr Handle);

public sealed class NoUsableConstructor
{
    public NoUsableConstructor(int something) => Value = something;

    public int Value { get; }
}

public sealed class HiddenState
{
    private readonly List<int> _items = [];

    public int Count => _items.Count;

    public void Add(int item) => _items.Add(item);
}

public sealed class Counter
{
    private int _count;

    public int Count => _count;

    public void Increment() => _count++;
}

public sealed class CounterCodec : RecordCodec<Counter>
{
    public override void Write(ref RecordWriter writer, Counter value) => writer.WriteVarInt32(value.Count);

    public override Counter Read(ref RecordReader reader)
    {
        var counter = new Counter();
        for (int i = reader.ReadVarInt32(); i > 0; i--) counter.Increment();
        return counter;
    }
}

public sealed record Grouped(string Key, IEnumerable<int> Values);

public sealed class Node
{
    public int Value { get; set; }
    public Node? Next { get; set; }
}

public sealed class Holder
{
    public object? Item { get; set; }
}

public class UnsupportedTypeTests
{
    [Fact]
    public void Delegates_Streams_Pointers_FailAtCodecBuild_NamingTypeAndRemedy()
    {
        var error = Assert.Throws<NotSupportedException>(() => Serializer.Serialize(new WithDelegate("a", () => 1)));
        Assert.Contains("WithDelegate", error.Message);
        Assert.Contains("Factory", error.Message);
        Assert.Contains("Func<Int32>", error.Message);
        Assert.Contains("RecordCodecs.Register", error.Message);

        Assert.Contains("Stream", Assert.Throws<NotSupportedException>(() => Serializer.Serialize(new WithStream(Stream.Null))).Message);
        Assert.Contains("IntPtr", Assert.Throws<NotSupportedException>(() => Serializer.Serialize(new WithPointer(1))).Message);
        Assert.Throws<NotSupportedException>(() => Serializer.Serialize(new Action(() => { })));
        Assert.Throws<NotSupportedException>(() => Serializer.Serialize(new int[1, 1]));
        // The failure happens while building, before any byte is written, on every attempt.
        Assert.Throws<NotSupportedException>(() => Serializer.Deserialize<WithDelegate>([1, 1]));
    }

    [Fact]
    public void ClassWithoutMatchingConstructor_IsRejected()
    {
        var error = Assert.Throws<NotSupportedException>(() => Serializer.Serialize(new NoUsableConstructor(1)));
        Assert.Contains("NoUsableConstructor", error.Message);
        Assert.Contains("constructor", error.Message);
    }

    [Fact]
    public void ClassWithPrivateState_IsRejected_NotSilentlyEmptied()
    {
        var error = Assert.Throws<NotSupportedException>(() => Serializer.Serialize(new HiddenState()));
        Assert.Contains("_items", error.Message);
    }

    [Fact]
    public void UnsupportedRuntimeType_BehindObject_FailsAtWrite()
    {
        var error = Assert.Throws<NotSupportedException>(() => Serializer.Serialize(new Holder { Item = new MemoryStream() }));
        Assert.Contains("MemoryStream", error.Message);
    }

    [Fact]
    public void LazySequences_DeclaredAsInterfaces_AreMaterializedAsLists()
    {
        var grouped = new Grouped("k", Enumerable.Range(0, 5).Select(i => i * 2));
        Grouped back = RoundTrip.Value(grouped);
        Assert.Equal([0, 2, 4, 6, 8], Assert.IsType<List<int>>(back.Values));

        IReadOnlyList<string> wrapped = new List<string> { "a" }.AsReadOnly();
        Assert.Equal(["a"], RoundTrip.Value(wrapped));
        Assert.Equal([1, 2], RoundTrip.Value<IEnumerable<int>>(new[] { 1, 2 }.Where(i => i > 0)));
    }

    [Fact]
    public void UnsupportedRuntimeType_BecomesSupported_WhenItsCodecIsRegistered()
    {
        var counter = new Counter();
        counter.Increment();
        Assert.Throws<NotSupportedException>(() => Serializer.Serialize<object>(counter));
        Assert.Throws<NotSupportedException>(() => Serializer.Serialize<object>(counter));
        RecordCodecs.Register(new CounterCodec());
        Assert.Equal(1, Assert.IsType<Counter>(Serializer.Deserialize<object>(Serializer.Serialize<object>(counter))).Count);
    }

    [Fact]
    public void Cycles_ThrowInvalidOperation_NamingType()
    {
        var node = new Node { Value = 1 };
        node.Next = node;
        var error = Assert.Throws<InvalidOperationException>(() => Serializer.Serialize(node));
        Assert.Contains("Node", error.Message);
        Assert.Contains("cycle", error.Message);

        var list = new List<object>();
        list.Add(list);
        Assert.Throws<InvalidOperationException>(() => Serializer.Serialize<object>(list));
        object[] array = new object[1];
        array[0] = array;
        Assert.Throws<InvalidOperationException>(() => Serializer.Serialize(array));
        var holder = new Holder();
        holder.Item = new object[] { holder };
        Assert.Throws<InvalidOperationException>(() => Serializer.Serialize(holder));
    }

    [Fact]
    public void DeepButFiniteGraphs_UpToTheLimit_RoundTrip()
    {
        Node head = Chain(RecordWriter.MaxDepth - 1);
        Node back = Serializer.Deserialize<Node>(Serializer.Serialize(head));
        int length = 0;
        for (Node? n = back; n is not null; n = n.Next) length++;
        Assert.Equal(RecordWriter.MaxDepth - 1, length);
        Assert.Throws<InvalidOperationException>(() => Serializer.Serialize(Chain(RecordWriter.MaxDepth + 1)));
    }

    [Fact]
    public void DeepNestingThroughCollections_AndObjectMembers_StaysWithinTheStack()
    {
        // Each level nests two reference values (the record and its list): 499 levels is just under the limit.
        var tree = new Tree("leaf", []);
        for (int i = 0; i < 499; i++) tree = new Tree("n" + i, [tree]);
        Tree back = RunOnSmallStack(() => Serializer.Deserialize<Tree>(Serializer.Serialize(tree)));
        Assert.Equal("n498", back.Label);

        object nested = 0;
        for (int i = 0; i < RecordWriter.MaxDepth - 1; i++) nested = new Holder { Item = nested };
        RunOnSmallStack(() => Serializer.Deserialize<object>(Serializer.Serialize(nested)));
    }

    [Fact]
    public void FailedWrite_FaultsTheStreamWriter_AndLeavesAnIncompleteStream()
    {
        var stream = new MemoryStream();
        using (var writer = new RecordStreamWriter<object>(stream))
        {
            writer.Write(1);
            Assert.Throws<NotSupportedException>(() => writer.Write(new MemoryStream()));
            Assert.Throws<InvalidOperationException>(() => writer.Write(2));
            Assert.Throws<InvalidOperationException>(() => writer.Complete());
        }
        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => Serializer.ReadAll<object>(stream).ToList());
    }

    // Task threads may have the default 1.5 MB stack of secondary threads; test with 1 MB.
    private static T RunOnSmallStack<T>(Func<T> action)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { result = action(); }
            catch (Exception e) { error = e; }
        }, maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();
        if (error is not null) throw error;
        return result;
    }

    private static Node Chain(int length)
    {
        Node head = new() { Value = 0 };
        Node tail = head;
        for (int i = 1; i < length; i++) tail = tail.Next = new Node { Value = i };
        return head;
    }
}
