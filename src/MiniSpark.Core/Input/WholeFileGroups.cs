using System.IO.Compression;
using System.Text;

namespace MiniSpark.Input;

/// <summary>Plans and reads whole-file partitions: each file is one record, read at once.</summary>
/// <remarks>
/// Spark's <c>wholeTextFiles</c> packs files into <c>minPartitions</c> combined splits by size. Here the packing is
/// a greedy longest-first balance over bytes, deterministic for a given list of files.
/// </remarks>
internal static class WholeFileGroups
{
    /// <summary>
    /// Groups <paramref name="files"/> into <c>min(minPartitions, files.Count)</c> non-empty groups of similar total
    /// size; each group keeps the files' original order, and groups are ordered by their first file.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minPartitions"/> is not positive.</exception>
    public static IReadOnlyList<IReadOnlyList<FileInfo>> Plan(IReadOnlyList<FileInfo> files, int minPartitions)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minPartitions);
        int groupCount = Math.Min(minPartitions, files.Count);
        if (groupCount == 0) return [];

        var lengths = new long[files.Count];
        for (int i = 0; i < files.Count; i++) lengths[i] = files[i].Length;
        // Largest first, ties in original order, so the plan depends on nothing but the input.
        int[] bySize = [.. Enumerable.Range(0, files.Count).OrderByDescending(i => lengths[i]).ThenBy(i => i)];

        // Lightest group first. Ties go to the group with fewer files, so an empty group always wins and none stays
        // empty even among zero-byte files; then to the lower index, for determinism.
        var members = new List<int>[groupCount];
        var lightest = new PriorityQueue<int, (long Bytes, int Files, int Group)>(groupCount);
        for (int g = 0; g < groupCount; g++)
        {
            members[g] = [];
            lightest.Enqueue(g, (0, 0, g));
        }
        foreach (int file in bySize)
        {
            lightest.TryDequeue(out int group, out (long Bytes, int Files, int Group) load);
            members[group].Add(file);
            lightest.Enqueue(group, (load.Bytes + lengths[file], load.Files + 1, group));
        }

        foreach (List<int> group in members) group.Sort();
        Array.Sort(members, (a, b) => a[0].CompareTo(b[0]));
        var groups = new IReadOnlyList<FileInfo>[groupCount];
        for (int g = 0; g < groupCount; g++) groups[g] = members[g].ConvertAll(i => files[i]);
        return groups;
    }

    /// <summary>The whole content of <paramref name="file"/> as UTF-8 (BOM skipped), decompressing <c>.gz</c> files.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read; the message names it.</exception>
    /// <exception cref="InvalidDataException">A gzip file is corrupt.</exception>
    public static string ReadAll(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        string path = file.FullName;
        using FileStream stream = LineReader.Open(path, 0);
        using var content = new MemoryStream();
        Stream source = FileSplits.IsGzip(path) ? CheckedGzipStream.Decompress(stream, path, leaveOpen: true) : stream;
        try
        {
            source.CopyTo(content);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException(InputMessages.CorruptGzip(path, content.Length), e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException(InputMessages.ReadFailed(path, content.Length, source != stream), e);
        }
        finally
        {
            if (source != stream) source.Dispose();
        }
        ReadOnlySpan<byte> bytes = content.GetBuffer().AsSpan(0, (int)content.Length);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        return Encoding.UTF8.GetString(bytes);
    }
}
