using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Tests.Support;
using static MiniSpark.Tests.Support.HandWrittenParquet;

namespace MiniSpark.Tests.Parquet;

/// <summary>The LIST and MAP backward-compatibility rules of LogicalTypes.md, one hand-written file per rule, and the
/// shapes outside them, which fail naming file and column rather than being guessed at.</summary>
public sealed class NestedShapeTests
{
    private const string Name = "shapes.parquet";

    private static SchemaElement[] OneFieldGroupList(string repeatedName) =>
    [
        Group("my_list", FieldRepetitionType.Optional, 1, ConvertedType.List),
        Group(repeatedName, FieldRepetitionType.Repeated, 1),
        Int32("str", FieldRepetitionType.Required),
    ];

    // Row 0: two elements 1 and 2; row 1: a null list; row 2: an empty list (definition levels 2, 0, 1).
    private static readonly Leaf TwoOneNullOneEmpty = new([0, 1, 0, 0], [2, 2, 0, 1], [1, 2]);

    [Theory]
    [InlineData("array")]
    [InlineData("my_list_tuple")]
    public void RepeatedOneFieldGroupNamedArrayOrTuple_IsTheElement_AStruct(string repeatedName)
    {
        Assert.Equal(["[{'str': 1}, {'str': 2}]", "NULL", "[]"], Read(Build(OneFieldGroupList(repeatedName), 3, TwoOneNullOneEmpty), "my_list"));
    }

    [Fact]
    public void RepeatedOneFieldGroupWithAnotherName_HoldsTheElement()
    {
        // Rule 5: the one field is the element, with its own repetition (the 3-level form whatever the names).
        SchemaElement[] schema =
        [
            Group("my_list", FieldRepetitionType.Optional, 1, ConvertedType.List),
            Group("element", FieldRepetitionType.Repeated, 1),
            Int32("num", FieldRepetitionType.Optional),
        ];
        Assert.Equal(["[1, NULL]"], Read(Build(schema, 1, new Leaf([0, 1], [3, 2], [1])), "my_list"));
    }

    [Fact]
    public void RepeatedPrimitiveInAList_IsARequiredElement()
    {
        SchemaElement[] schema = [Group("my_list", FieldRepetitionType.Optional, 1, ConvertedType.List), Int32("element", FieldRepetitionType.Repeated)];
        Assert.Equal(["[1, 2]", "NULL", "[]"], Read(Build(schema, 3, TwoOneNullOneEmpty), "my_list"));
    }

    [Fact]
    public void RepeatedGroupWhoseOneFieldIsRepeated_IsTheElement()
    {
        // Rule 3, here without a LIST annotation on the repeated group: the element is a struct holding a list.
        SchemaElement[] schema =
        [
            Group("my_list", FieldRepetitionType.Optional, 1, ConvertedType.List),
            Group("inner", FieldRepetitionType.Repeated, 1),
            Int32("num", FieldRepetitionType.Repeated),
        ];
        // Row 0: [{num: [1, 2]}, {num: []}].
        Assert.Equal(["[{'num': [1, 2]}, {'num': []}]"], Read(Build(schema, 1, new Leaf([0, 2, 1], [3, 3, 2], [1, 2])), "my_list"));
    }

    [Theory]
    [InlineData(false, "key_value", "key", "value")]
    [InlineData(true, "map", "k", "v")]
    public void MapGroupsOfAnyNames_AndAStrayMapKeyValue_ReadAsMaps(bool mapKeyValue, string pairs, string key, string value)
    {
        SchemaElement[] schema =
        [
            Group("m", FieldRepetitionType.Optional, 1, mapKeyValue ? ConvertedType.MapKeyValue : ConvertedType.Map),
            Group(pairs, FieldRepetitionType.Repeated, 2),
            Int32(key, FieldRepetitionType.Required),
            Int32(value, FieldRepetitionType.Optional),
        ];
        // Row 0: {1=10, 2=NULL}; row 1: null; row 2: empty. Key levels: 2 present, 1 empty, 0 null.
        byte[] file = Build(schema, 3, new Leaf([0, 1, 0, 0], [2, 2, 0, 1], [1, 2]), new Leaf([0, 1, 0, 0], [3, 2, 0, 1], [10]));
        Assert.Equal(["{1=10, 2=NULL}", "NULL", "{}"], Read(file, "m"));
    }

    private static readonly Dictionary<string, SchemaElement[]> OutsideTheRules = new()
    {
        ["a LIST group without exactly one repeated field"] =
            [Group("bad", FieldRepetitionType.Optional, 2, ConvertedType.List), Int32("a", FieldRepetitionType.Repeated), Int32("b", FieldRepetitionType.Repeated)],
        ["a MAP whose key/value group has 3 fields"] =
            [Group("bad", FieldRepetitionType.Optional, 1, ConvertedType.Map), Group("key_value", FieldRepetitionType.Repeated, 3),
             Int32("key", FieldRepetitionType.Required), Int32("value", FieldRepetitionType.Optional), Int32("extra", FieldRepetitionType.Optional)],
        ["a MAP whose keys are not primitive values"] =
            [Group("bad", FieldRepetitionType.Optional, 1, ConvertedType.Map), Group("key_value", FieldRepetitionType.Repeated, 2),
             Group("key", FieldRepetitionType.Required, 1), Int32("k", FieldRepetitionType.Required), Int32("value", FieldRepetitionType.Optional)],
        ["a repeated LIST outside a list"] =
            [Group("bad", FieldRepetitionType.Repeated, 1, ConvertedType.List), Int32("element", FieldRepetitionType.Repeated)],
        ["an empty group"] =
            [Group("bad", FieldRepetitionType.Optional, 2), Group("nothing", FieldRepetitionType.Optional, 0), Int32("a", FieldRepetitionType.Optional)],
    };

    public static TheoryData<string> Unsupported() => [.. OutsideTheRules.Keys];

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void ShapesOutsideTheRules_FailWhenTheReaderIsMade_NamingFileAndColumn(string reason)
    {
        SchemaElement[] schema = OutsideTheRules[reason];
        int leaves = schema.Count(e => e.Type is not null);
        byte[] file = Build(schema, 1, [.. Enumerable.Repeat(new Leaf([0], [0], []), leaves)]);
        using ParquetFileReader reader = ParquetFileReader.Open(new MemoryStream(file), Name);
        var error = Assert.Throws<NotSupportedException>(() => new ParquetRowReader(reader));
        Assert.Contains(Name, error.Message);
        Assert.Contains($"nested column 'bad' ({reason})", error.Message);
        Assert.Throws<NotSupportedException>(() => new ParquetRecordReader<Holder>(reader));
    }

    public sealed record Holder(object? Bad);

    private static List<string> Read(byte[] file, string column)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(new MemoryStream(file), Name);
        return [.. new ParquetRowReader(reader).ReadAll().Select(row => DuckDbText.Format(row[column]))];
    }
}
