using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Tests.Support;

namespace MiniSpark.Tests.Parquet;

/// <summary>Nested corpus files read into records: structs into records, lists into arrays and lists, maps into
/// dictionaries, matched by name case-insensitively at every level; types that cannot hold a column fail up front.</summary>
public sealed class NestedRecordTests
{
    private static string Corpus(string name) => Path.Combine(TestPaths.ParquetTesting, "data", name);

    public sealed record Inner(int? E, string? F);

    public sealed record CStruct(List<List<Inner?>?>? D);

    public sealed record HStruct(double?[]? I);

    public sealed record GValue(HStruct? H);

    public sealed record NestedStruct(int? A, IReadOnlyList<int?>? B, CStruct? C, IReadOnlyDictionary<string, GValue?>? G);

    public sealed class ImpalaRow
    {
        public long? Id { get; init; }
        public int?[]? Int_Array { get; init; }
        public List<int?[]?>? Int_Array_Array { get; init; }
        public Dictionary<string, int?>? Int_Map { get; init; }
        public IList<IDictionary<string, int?>?>? Int_Map_Array { get; init; }
        public NestedStruct? Nested_Struct { get; init; }
    }

    [Fact]
    public void NullableImpala_ReadsIntoRecords_EqualToTheUntypedRead()
    {
        List<IReadOnlyDictionary<string, object?>> untyped = ReadUntyped(Corpus("nullable.impala.parquet"));
        List<ImpalaRow> typed = ReadTyped<ImpalaRow>(Corpus("nullable.impala.parquet"));

        Assert.Equal(7, typed.Count);
        for (int i = 0; i < typed.Count; i++) NestedValues.AssertSame(untyped[i], typed[i], $"row {i}");
        // Row 2 (id 3): an empty list, a list holding one null list, a struct whose list is empty.
        Assert.Empty(typed[2].Int_Array!);
        Assert.Null(Assert.Single(typed[2].Int_Array_Array!));
        Assert.Empty(typed[2].Nested_Struct!.C!.D!);
        Assert.Null(typed[5].Nested_Struct);
    }

    public sealed record Phone(long Number, string? Kind);

    public sealed record PhoneBook(Phone[] Phone);

    public sealed record User(int Id, PhoneBook? PhoneNumbers);

    [Fact]
    public void RepeatedGroupsWithoutAnnotation_ReadAsListsOfRecords()
    {
        List<User> users = ReadTyped<User>(Corpus("repeated_no_annotation.parquet"));
        Assert.Equal(6, users.Count);
        Assert.Null(users[0].PhoneNumbers);
        Assert.Empty(users[2].PhoneNumbers!.Phone);
        Assert.Equal([new Phone(1111111111, "home"), new Phone(2222222222, null), new Phone(3333333333, "mobile")], users[5].PhoneNumbers!.Phone);
    }

    public sealed record OldList(int[][] A);

    public sealed record GroupOfLists(List<int> Int32_List_In_Group, string[] String_List_In_Group);

    public sealed record Unannotated(List<int> Int32_List, IEnumerable<string> String_List, GroupOfLists Group_Of_Lists);

    [Fact]
    public void LegacyListShapes_ReadIntoArraysAndLists()
    {
        OldList old = Assert.Single(ReadTyped<OldList>(Corpus("old_list_structure.parquet")));
        Assert.Equal([[1, 2], [3, 4]], old.A);

        List<Unannotated> rows = ReadTyped<Unannotated>(Corpus("repeated_primitive_no_list.parquet"));
        Assert.Equal([0, 1, 2, 3], rows[0].Int32_List);
        Assert.Equal(["foo", "zero", "one", "two"], rows[0].String_List);
        Assert.Empty(rows[1].Group_Of_Lists.Int32_List_In_Group);
        Assert.Equal(["three"], rows[1].Group_Of_Lists.String_List_In_Group);
    }

    public sealed record Maps(IDictionary<string, Dictionary<int, bool>?>? A, int B, double C);

    public sealed record ProjectedImpala(long? Id, ProjectedStruct? Nested_Struct);

    public sealed record ProjectedStruct(CStruct? C);

    public sealed record BoxedImpala(object? Int_Map, object? Nested_Struct);

    public sealed record Unmatched(string? NoSuchField);

    public sealed record NullnessOnly(Unmatched? Nested_Struct);

    [Fact]
    public void MapsOfMaps_Projections_AndObjectMembers()
    {
        List<Maps> maps = ReadTyped<Maps>(Corpus("nested_maps.snappy.parquet"));
        Assert.Equal(new Dictionary<int, bool> { [1] = true, [2] = false }, maps[0].A!["a"]);
        Assert.Null(maps[2].A!["c"]);
        Assert.Empty(maps[3].A!["d"]!);

        // Only the struct fields a record names are read; the others may even have types the record could not hold.
        List<ProjectedImpala> projected = ReadTyped<ProjectedImpala>(Corpus("nullable.impala.parquet"));
        Assert.Equal("bbb", projected[0].Nested_Struct!.C!.D![0]![1]!.F);
        Assert.Null(projected[4].Nested_Struct!.C);

        // A record matching none of a struct's fields still says which structs are null.
        List<NullnessOnly> nullness = ReadTyped<NullnessOnly>(Corpus("nullable.impala.parquet"));
        Assert.Equal(ReadUntyped(Corpus("nullable.impala.parquet")).Select(r => r["nested_struct"] is null), nullness.Select(r => r.Nested_Struct is null));
        Assert.Contains(nullness, r => r.Nested_Struct is null);
        Assert.Contains(nullness, r => r.Nested_Struct is { NoSuchField: null });

        // object members get the untyped reader's values.
        List<BoxedImpala> boxed = ReadTyped<BoxedImpala>(Corpus("nullable.impala.parquet"));
        List<IReadOnlyDictionary<string, object?>> untyped = ReadUntyped(Corpus("nullable.impala.parquet"));
        for (int i = 0; i < boxed.Count; i++)
        {
            Assert.Equal(DuckDbText.Format(untyped[i]["int_map"]), DuckDbText.Format(boxed[i].Int_Map));
            Assert.Equal(DuckDbText.Format(untyped[i]["nested_struct"]), DuckDbText.Format(boxed[i].Nested_Struct));
        }
    }

    public sealed record MapAsInt(int Int_Map);

    public sealed record ListAsString(string? Int_Array_Array);

    public sealed record StructAsList(List<int>? Nested_Struct);

    public sealed record ElementAsWrongType(List<DateOnly?[]>? Int_Array_Array);

    public sealed record StrictInner(int? A, int Missing);

    public sealed record MissingField(StrictInner? Nested_Struct);

    [Fact]
    public void MemberTypesThatCannotHoldTheColumn_FailWhenTheReaderIsMade_NamingFileColumnAndMember()
    {
        string file = Corpus("nullable.impala.parquet");
        AssertMismatch<MapAsInt>(file, "'int_map'", "MapAsInt(Int_Map)");
        AssertMismatch<ListAsString>(file, "'int_array_Array'", "ListAsString(Int_Array_Array)");
        AssertMismatch<StructAsList>(file, "'nested_struct'", "StructAsList(Nested_Struct)");
        AssertMismatch<ElementAsWrongType>(file, "'int_array_Array.list.element.list.element'", "ElementAsWrongType(Int_Array_Array)");

        using ParquetFileReader reader = ParquetFileReader.Open(file);
        var missing = Assert.Throws<InvalidOperationException>(() => new ParquetRecordReader<MissingField>(reader));
        Assert.Contains(file, missing.Message);
        Assert.Contains("'nested_struct'", missing.Message);
        Assert.Contains("StrictInner(Missing)", missing.Message);
    }

    [Fact]
    public void RecordsReadThroughTheEngine_TypedAndUntyped()
    {
        using var sc = new SparkContext("local[2]", "nested");
        ImpalaRow[] typed = sc.ReadParquet<ImpalaRow>(Corpus("nullable.impala.parquet")).Collect();
        IReadOnlyDictionary<string, object?>[] untyped = sc.ReadParquet(Corpus("nullable.impala.parquet")).Collect();
        Assert.Equal(7, typed.Length);
        for (int i = 0; i < typed.Length; i++) NestedValues.AssertSame(untyped[i], typed[i], $"row {i}");
    }

    private static void AssertMismatch<T>(string file, string column, string member)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(file);
        var error = Assert.Throws<InvalidCastException>(() => new ParquetRecordReader<T>(reader));
        Assert.Contains(file, error.Message);
        Assert.Contains(column, error.Message);
        Assert.Contains(member, error.Message);
    }

    private static List<T> ReadTyped<T>(string file)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(file);
        return [.. new ParquetRecordReader<T>(reader).ReadAll()];
    }

    private static List<IReadOnlyDictionary<string, object?>> ReadUntyped(string file)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(file);
        return [.. new ParquetRowReader(reader).ReadAll()];
    }
}
