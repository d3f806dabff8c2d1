namespace MiniSpark.Input;

/// <summary>A byte range <c>[Start, End)</c> of one file: the unit a text-file task reads.</summary>
/// <remarks>
/// A split owns the lines whose first byte lies in its range (see <see cref="LineReader"/>), so splits may cut
/// lines anywhere and still partition a file's lines exactly.
/// </remarks>
internal sealed record FileSplit(string Path, long Start, long Length)
{
    /// <summary>First offset past the range.</summary>
    public long End => Start + Length;
}
