using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Tests.Support;
using static MiniSpark.Tests.Support.HandWrittenParquet;

namespace MiniSpark.Tests.Parquet;

/// <summary>Record assembly from hand-written levels: a consistent file reads as the levels say; each way levels can
/// contradict the schema or each other fails with an <see cref="InvalidDataException"/> naming file, offset and column.</summary>
public sealed class NestedLevelTests
{
    private const string Name = "levels.parquet";

    // optional group points (LIST) { repeated group list { optional group element { optional int32 x; optional int32 y } } }
    // Definition levels: 0 null list, 1 empty list, 2 null element, 3 element with a null field, 4 a value.
    private static readonly SchemaElement[] Points =
    [
        Group("points", FieldRepetitionType.Optional, 1, ConvertedType.List),
        Group("list", FieldRepetitionType.Repeated, 1),
        Group("element", FieldRepetitionType.Optional, 2),
        Int32("x", FieldRepetitionType.Optional),
        Int32("y", FieldRepetitionType.Optional),
    ];

    // Row 0: [{x: 1, y: 2}, null, {x: null, y: 5}]; row 1: null; row 2: [].
    private static Leaf X => new([0, 1, 1, 0, 0], [4, 2, 3, 0, 1], [1]);

    private static Leaf Y => new([0, 1, 1, 0, 0], [4, 2, 4, 0, 1], [2, 5]);

    public sealed record Point(int? X, int? Y);

    public sealed record PointsRow(List<Point?>? Points);

    [Fact]
    public void ConsistentLevels_ReadAsTheyDescribe_UntypedAndTyped()
    {
        byte[] file = Build(Points, 3, X, Y);
        List<IReadOnlyDictionary<string, object?>> rows = ReadUntyped(file);
        Assert.Equal(["[{'x': 1, 'y': 2}, NULL, {'x': NULL, 'y': 5}]", "NULL", "[]"], rows.Select(r => DuckDbText.Format(r["points"])));

        using ParquetFileReader reader = ParquetFileReader.Open(new MemoryStream(file), Name);
        List<PointsRow> typed = [.. new ParquetRecordReader<PointsRow>(reader).ReadAll()];
        Assert.Equal(new Point?[] { new(1, 2), null, new(null, 5) }, typed[0].Points!);
        Assert.Null(typed[1].Points);
        Assert.Empty(typed[2].Points!);
    }

    [Fact]
    public void RowStartingWithARepetition_IsRejected()
    {
        InvalidDataException error = Reject(Build(Points, 3, X with { Repetitions = [1, 1, 1, 0, 0] }, Y));
        Assert.Contains("'points.list.element.x', row 0", error.Message);
        Assert.Contains("repetition level 1", error.Message);
    }

    [Fact]
    public void DefinitionLevelAboveTheMaximum_IsRejected()
    {
        // Width 3 bits holds 5; the column's maximum is 4.
        InvalidDataException error = Reject(Build(Points, 3, X, Y with { Definitions = [4, 2, 5, 0, 1] }));
        Assert.Contains("'points.list.element.y'", error.Message);
        Assert.Contains("level 5 exceeds the column's maximum of 4", error.Message);
    }

    [Fact]
    public void SiblingWithMoreElements_IsRejected()
    {
        // y says row 0 has four elements, x three.
        InvalidDataException error = Reject(Build(Points, 3, X, new Leaf([0, 1, 1, 1, 0, 0], [4, 2, 4, 4, 0, 1], [2, 5, 6])));
        Assert.Contains("'points.list.element.y', row 1", error.Message);
        Assert.Contains("repetition level 1", error.Message);
    }

    [Fact]
    public void SiblingThatDisagreesAboutANull_IsRejected()
    {
        // x says row 1's list is null (0); y says it is empty (1).
        InvalidDataException error = Reject(Build(Points, 3, X, Y with { Definitions = [4, 2, 4, 1, 1] }));
        Assert.Contains("'points.list.element.y', row 1", error.Message);
        Assert.Contains("definition level 1 where the schema and the other columns of the field imply 0", error.Message);
    }

    [Fact]
    public void NullElementWhoseFieldIsPresent_IsRejected()
    {
        // Row 0's second element is null in x (2) but present in y (4).
        InvalidDataException error = Reject(Build(Points, 3, X, Y with { Definitions = [4, 4, 4, 0, 1], Values = [2, 9, 5] }));
        Assert.Contains("'points.list.element.y', row 0", error.Message);
        Assert.Contains("definition level 4 where the schema and the other columns of the field imply 2", error.Message);
    }

    [Fact]
    public void LevelsForMoreRowsThanTheRowGroupHas_AreRejected()
    {
        InvalidDataException error = Reject(Build(Points, 2, X, Y));
        Assert.Contains("1 level entry left over after the row group's 2 rows", error.Message);
    }

    [Fact]
    public void LevelsForFewerRowsThanTheRowGroupHas_AreRejected()
    {
        InvalidDataException error = Reject(Build(Points, 4, X, Y));
        Assert.Contains("end before the row group's 4 rows do", error.Message);
    }

    [Fact]
    public void RequiredValueThatIsNotFullyDefined_IsRejected()
    {
        // required group s { required int32 a } inside an optional list: a level entry below the maximum has no owner.
        SchemaElement[] schema =
        [
            Group("items", FieldRepetitionType.Optional, 1, ConvertedType.List),
            Group("list", FieldRepetitionType.Repeated, 1),
            Group("element", FieldRepetitionType.Required, 2),
            Int32("a", FieldRepetitionType.Required),
            Int32("b", FieldRepetitionType.Required),
        ];
        // Max definition 2: 0 null list, 1 empty list, 2 a value. b's 1 inside a present list contradicts a's 2.
        InvalidDataException error = Reject(Build(schema, 1, new Leaf([0, 1], [2, 2], [1, 2]), new Leaf([0, 1], [2, 1], [3])));
        Assert.Contains("'items.list.element.b', row 0", error.Message);
    }

    [Fact]
    public void NullIntoANonNullableMember_FailsNamingTheColumn()
    {
        using ParquetFileReader reader = ParquetFileReader.Open(new MemoryStream(Build(Points, 3, X, Y)), Name);
        var error = Assert.Throws<InvalidDataException>(() => new ParquetRecordReader<StrictRow>(reader).ReadAll().ToList());
        Assert.Contains(Name, error.Message);
        Assert.Contains("'points.list.element.x'", error.Message);
        Assert.Contains("Int32 cannot hold null", error.Message);
    }

    public sealed record StrictPoint(int X, int? Y);

    public sealed record StrictRow(List<StrictPoint?>? Points);

    // optional group m (MAP) { repeated group key_value { optional int32 key; optional int32 value } }: the key is
    // optional against the spec, as some writers make it. Definition levels: 0 null map, 1 empty, 2 null value, 3 a value.
    private static readonly SchemaElement[] Map =
    [
        Group("m", FieldRepetitionType.Optional, 1, ConvertedType.Map),
        Group("key_value", FieldRepetitionType.Repeated, 2),
        Int32("key", FieldRepetitionType.Optional),
        Int32("value", FieldRepetitionType.Optional),
    ];

    [Fact]
    public void MapWithARepeatedKey_KeepsItsLastValue_InFirstSeenOrder()
    {
        // Row 0: 1 -> 10, 1 -> 20, 2 -> null; row 1: null; row 2: empty.
        byte[] file = Build(Map, 3, new Leaf([0, 1, 1, 0, 0], [3, 3, 3, 0, 1], [1, 1, 2]), new Leaf([0, 1, 1, 0, 0], [3, 3, 2, 0, 1], [10, 20]));
        List<IReadOnlyDictionary<string, object?>> rows = ReadUntyped(file);
        Assert.Equal(["{1=20, 2=NULL}", "NULL", "{}"], rows.Select(r => DuckDbText.Format(r["m"])));
        Assert.IsType<Dictionary<int, int?>>(rows[0]["m"]);
    }

    [Fact]
    public void MapWithANullKey_IsRejected()
    {
        InvalidDataException error = Reject(Build(Map, 3, new Leaf([0, 1, 1, 0, 0], [3, 2, 3, 0, 1], [1, 2]), new Leaf([0, 1, 1, 0, 0], [3, 3, 2, 0, 1], [10, 20])));
        Assert.Contains("'m.key_value.key', row 0", error.Message);
        Assert.Contains("map 'm' has a null key", error.Message);
    }

    private static List<IReadOnlyDictionary<string, object?>> ReadUntyped(byte[] file)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(new MemoryStream(file), Name);
        return [.. new ParquetRowReader(reader).ReadAll()];
    }

    private static InvalidDataException Reject(byte[] file)
    {
        var error = Assert.Throws<InvalidDataException>(() => ReadUntyped(file));
        Assert.Contains(Name, error.Message);
        Assert.Contains("byte offset", error.Message);
        return error;
    }
}
