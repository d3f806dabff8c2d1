using MiniSpark.Serialization;

namespace MiniSpark.Storage;

/// <summary>Blocks as files under <c>spark.local.dir</c>, in the record stream format (checksummed chunks).</summary>
internal sealed class DiskStore(Func<string> localDirectory)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<RddBlockId, (string Path, long Bytes)> _files = [];
    private string? _directory;

    private string Directory
    {
        get
        {
            lock (_lock)
            {
                if (_directory is null)
                {
                    _directory = Path.Combine(localDirectory(), "blocks");
                    System.IO.Directory.CreateDirectory(_directory);
                }
                return _directory;
            }
        }
    }

    public bool Contains(RddBlockId block)
    {
        lock (_lock) return _files.ContainsKey(block);
    }

    /// <summary>Writes a block; on failure (a full disk) deletes the partial file and throws naming the path.</summary>
    public long Write<T>(RddBlockId block, IEnumerable<T> values)
    {
        string path = Path.Combine(Directory, block.FileName);
        string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                Serializer.WriteAll(stream, values);
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException e)
        {
            TryDelete(temporary);
            throw new IOException($"Writing block {block} to '{temporary}' failed: {e.Message}", e);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
        long bytes = new FileInfo(path).Length;
        lock (_lock) _files[block] = (path, bytes);
        return bytes;
    }

    public bool TryRead<T>(RddBlockId block, out IEnumerable<T> values)
    {
        string? path;
        lock (_lock) path = _files.TryGetValue(block, out var file) ? file.Path : null;
        if (path is not null && !File.Exists(path))
        {
            Remove(block); // the file was lost: the block is recomputed from lineage
            path = null;
        }
        if (path is null)
        {
            values = [];
            return false;
        }
        values = Read<T>(path);
        return true;
    }

    private static IEnumerable<T> Read<T>(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16,
            FileOptions.SequentialScan);
        foreach (T value in Serializer.ReadAll<T>(stream)) yield return value;
    }

    public long BytesOf(int rddId)
    {
        lock (_lock) return _files.Where(f => f.Key.RddId == rddId).Sum(f => f.Value.Bytes);
    }

    public IReadOnlyList<RddBlockId> BlocksOf(int rddId)
    {
        lock (_lock) return [.. _files.Keys.Where(k => k.RddId == rddId)];
    }

    /// <summary>The file of a block, for fault-injection tests.</summary>
    internal string? PathOf(RddBlockId block)
    {
        lock (_lock) return _files.TryGetValue(block, out var file) ? file.Path : null;
    }

    public void Remove(RddBlockId block)
    {
        string? path;
        lock (_lock) path = _files.Remove(block, out var file) ? file.Path : null;
        if (path is not null) TryDelete(path);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
