using MiniSpark.Serialization;

namespace MiniSpark.Checkpointing;

/// <summary>The on-disk form of a checkpoint: one file per partition, <c>part-NNNNN</c>, in the record stream format
/// (chunks with xxHash32 checksums and a final record count), so a truncated or corrupted file is detected on read.</summary>
internal static class CheckpointFiles
{
    public static string PartitionPath(string directory, int partition) => Path.Combine(directory, $"part-{partition:D5}");

    /// <summary>Writes one partition to a temporary file and renames it into place: a failed attempt leaves no file
    /// that could be mistaken for a complete one, and retried attempts simply replace each other.</summary>
    public static long Write<T>(string directory, int partition, IEnumerable<T> records, long taskAttemptId)
    {
        string final = PartitionPath(directory, partition);
        string temporary = $"{final}.attempt-{taskAttemptId}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Serializer.WriteAll(stream, records);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, final, overwrite: true);
            return new FileInfo(final).Length;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public static IEnumerable<T> Read<T>(string directory, int partition)
    {
        string path = PartitionPath(directory, partition);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException e)
        {
            throw new FileNotFoundException($"Checkpoint file '{path}' of partition {partition} is missing.", path, e);
        }
        return ReadChecked<T>(stream, path);
    }

    private static IEnumerable<T> ReadChecked<T>(FileStream stream, string path)
    {
        using (stream)
        {
            using IEnumerator<T> records = Serializer.ReadAll<T>(stream).GetEnumerator();
            while (true)
            {
                try
                {
                    if (!records.MoveNext()) yield break;
                }
                catch (InvalidDataException e)
                {
                    throw new InvalidDataException($"Checkpoint file '{path}' is corrupt or truncated: {e.Message}", e);
                }
                yield return records.Current;
            }
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
