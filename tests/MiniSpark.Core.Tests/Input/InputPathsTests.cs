using MiniSpark.Tests.Fakes;
using MiniSpark.Input;

namespace MiniSpark.Tests.Input;

public sealed class InputPathsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string P(string relative) => Path.Combine(_temp.Path, relative);

    private static string[] Resolve(string path) => [.. InputPaths.Resolve(path).Select(f => f.FullName)];

    [Fact]
    public void Resolve_File_ReturnsIt()
    {
        string file = _temp.Write("a.txt");
        Assert.Equal([file], Resolve(file));
    }

    [Fact]
    public void Resolve_Directory_FilesInOrdinalOrder_SkipsHiddenAndSubdirectories()
    {
        foreach (string name in new[] { "part-00010", "part-00002", "B", "a", "_SUCCESS", ".part-00002.crc", "_temporary/part-0", "sub/part-1" })
        {
            _temp.Write(name);
        }

        Assert.Equal([P("B"), P("a"), P("part-00002"), P("part-00010")], Resolve(_temp.Path));
        Assert.Equal(Resolve(_temp.Path), Resolve(_temp.Path + Path.DirectorySeparatorChar));
    }

    [Fact]
    public void Resolve_HiddenFileNamedExplicitly_IsReturned()
    {
        string success = _temp.Write("_SUCCESS");
        string dot = _temp.Write(".hidden");
        Assert.Equal([success, dot], Resolve($"{success},{dot}"));
    }

    [Fact]
    public void Resolve_GlobInDirectorySegment_MatchesAcrossDirectories()
    {
        _temp.Write("out/b/part-00001");
        _temp.Write("out/a/part-00000");
        _temp.Write("out/a/part-00001");
        _temp.Write("out/a/_SUCCESS");
        _temp.Write("out/a/other");
        _temp.Write("out/_tmp/part-00000");
        _temp.Write("out/c.txt/part-9"); // a file named like a directory segment is fine too
        _temp.Write("out/d/part-00000/nested"); // a directory matched as the last segment contributes its files

        Assert.Equal(
            [P("out/a/part-00000"), P("out/a/part-00001"), P("out/b/part-00001"), P("out/c.txt/part-9"), P("out/d/part-00000/nested")],
            Resolve(P("out/*/part-*")));
    }

    [Fact]
    public void Resolve_GlobSortedByFullPath_NotByPatternOrder()
    {
        _temp.Write("x2");
        _temp.Write("x10");
        _temp.Write("x1");
        Assert.Equal([P("x1"), P("x10"), P("x2")], Resolve(P("x*")));
    }

    [Fact]
    public void Resolve_Braces_MatchAlternatives_IncludingNestedAndAcrossSegments()
    {
        _temp.Write("a/1.txt");
        _temp.Write("b/2.txt");
        _temp.Write("c/3.txt");
        _temp.Write("d/e/4.txt");

        Assert.Equal([P("a/1.txt"), P("b/2.txt")], Resolve(P("{a,b}/*.txt")));
        Assert.Equal([P("a/1.txt"), P("c/3.txt")], Resolve(P("{c,a}/*")));
        Assert.Equal([P("a/1.txt"), P("d/e/4.txt")], Resolve(P("{a,d/{e,f}}/*")));
        Assert.Equal([P("a/1.txt"), P("b/2.txt")], Resolve(P("{a/1,b/2}.txt")));
    }

    [Fact]
    public void Resolve_QuestionMarkAndCharacterClasses()
    {
        foreach (string name in new[] { "fa", "fb", "fc", "fd", "f-", "f]", "faa" }) _temp.Write(name);

        Assert.Equal([P("f-"), P("f]"), P("fa"), P("fb"), P("fc"), P("fd")], Resolve(P("f?")));
        Assert.Equal([P("fa"), P("fc")], Resolve(P("f[ac]")));
        Assert.Equal([P("fa"), P("fb"), P("fc")], Resolve(P("f[a-c]")));
        Assert.Equal([P("f-"), P("f]"), P("fd")], Resolve(P("f[!a-c]")));
        Assert.Equal([P("f]"), P("fd")], Resolve(P("f[^a-c-]")));
        Assert.Equal([P("f]"), P("fa")], Resolve(P("f[]a]")));
    }

    [Fact]
    public void Resolve_WildcardSkipsHiddenNames_UnlessPatternStartsWithThem()
    {
        _temp.Write("_SUCCESS");
        _temp.Write(".crc");
        _temp.Write("data");
        _temp.Write("_logs/x");

        Assert.Equal([P("data")], Resolve(P("*")));
        Assert.Equal([P("_SUCCESS"), P("_logs/x")], Resolve(P("_*")));
        Assert.Equal([P(".crc")], Resolve(P(".c?c")));
    }

    [Fact]
    public void Resolve_ExistingNameWithGlobCharacters_IsTakenLiterally()
    {
        string literal = _temp.Write("a[1].txt");
        _temp.Write("a1.txt");
        Assert.Equal([literal], Resolve(literal));
    }

    [Fact]
    public void Resolve_CommaList_KeepsItemOrderAndDropsDuplicates()
    {
        string b = _temp.Write("d/b");
        string a = _temp.Write("d/a");
        string z = _temp.Write("z");

        Assert.Equal([z, a, b], Resolve($"{z},{_temp.Path}/d"));
        Assert.Equal([b, a, z], Resolve($"{b}, {P("d/*")} ,{z},{a}"));
        Assert.Equal([a, b], Resolve($"{P("d/{a,b}")},{P("d")}"));
    }

    [Fact]
    public void Resolve_RelativePath_ResolvesAgainstCurrentDirectory()
    {
        string file = _temp.Write("rel/f.txt");
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, file);
        Assert.False(Path.IsPathRooted(relative));

        Assert.Equal([file], Resolve(relative));
        Assert.Equal([file], Resolve(Path.GetRelativePath(Environment.CurrentDirectory, P("rel/*.txt"))));
    }

    [Fact]
    public void Resolve_MissingFile_ThrowsFileNotFoundNamingPath()
    {
        string missing = P("nope.txt");
        var error = Assert.Throws<FileNotFoundException>(() => InputPaths.Resolve(missing));
        Assert.Contains(missing, error.Message);
        Assert.Equal(missing, error.FileName);
    }

    [Fact]
    public void Resolve_MissingItemInList_ThrowsNamingThatItem()
    {
        string present = _temp.Write("here");
        string missing = P("gone/deeper");
        var error = Assert.Throws<FileNotFoundException>(() => InputPaths.Resolve($"{present},{missing}"));
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Resolve_GlobMatchingNothing_ThrowsFileNotFoundNamingPattern()
    {
        _temp.Write("a.txt");
        string pattern = P("*.csv");
        var error = Assert.Throws<FileNotFoundException>(() => InputPaths.Resolve(pattern));
        Assert.Contains(pattern, error.Message);
        Assert.Equal(pattern, error.FileName);

        Assert.Throws<FileNotFoundException>(() => InputPaths.Resolve(P("missing/*/x")));
    }

    [Fact]
    public void Resolve_DirectoryWithOnlyHiddenFiles_ThrowsFileNotFound()
    {
        _temp.Write("out/_SUCCESS");
        _temp.Write("out/sub/part-0");
        var error = Assert.Throws<FileNotFoundException>(() => InputPaths.Resolve(P("out")));
        Assert.Contains(P("out"), error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(" , ,")]
    public void Resolve_NoPath_ThrowsArgumentExceptionNamingPath(string? path)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => InputPaths.Resolve(path!));
        Assert.Equal("path", error.ParamName);
    }

    [Fact]
    public void Resolve_UnclosedBrace_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => InputPaths.Resolve(P("{a,b")));
        Assert.Equal("path", error.ParamName);
        Assert.Contains(P("{a,b"), error.Message);
    }
}
