using MiniSpark.Internal;

namespace MiniSpark.Ui.Server;

/// <summary>The applications of an event log directory (or one log file), each replayed into its own status store.</summary>
/// <remarks>
/// The directory is listed on every request, so logs written after the server started appear; a log is replayed
/// again only when its size or time changed (a running application's <c>.inprogress</c> log grows). Files whose
/// names start with <c>.</c> or <c>_</c> are ignored; a log that cannot be read is listed with its error instead.
/// Application ids come from the logs, never from request paths, so no request can name a file.
/// </remarks>
internal sealed class HistoryCatalog : IApplicationCatalog
{
    private readonly string _path;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _cache = new(StringComparer.Ordinal);

    public HistoryCatalog(string path)
    {
        _path = Path.GetFullPath(path);
        if (!Directory.Exists(_path) && !File.Exists(_path))
            throw new DirectoryNotFoundException($"The event log directory or file '{_path}' does not exist.");
    }

    public string Location => _path;

    public bool IsHistory => true;

    public IReadOnlyList<AppStatusStore> Applications => [.. Entries().Where(e => e.Store is not null).Select(e => e.Store!)];

    public AppStatusStore? Find(string appId) => Entries().FirstOrDefault(e => e.AppId == appId)?.Store;

    /// <summary>Every log, newest application first; unreadable ones carry their error.</summary>
    public IReadOnlyList<Entry> Entries()
    {
        string[] files = File.Exists(_path)
            ? [_path]
            : [.. Directory.EnumerateFiles(_path).Where(f => Path.GetFileName(f) is var name && !name.StartsWith('.') && !name.StartsWith('_'))];
        lock (_lock)
        {
            var entries = new List<Entry>();
            foreach (string file in files)
            {
                var info = new FileInfo(file);
                if (!info.Exists) continue;
                if (!_cache.TryGetValue(file, out Entry? entry) || entry.Length != info.Length || entry.Modified != info.LastWriteTimeUtc)
                    _cache[file] = entry = Load(info);
                entries.Add(entry);
            }
            foreach (string gone in _cache.Keys.Except(files).ToList()) _cache.Remove(gone);
            return [.. entries.OrderByDescending(e => e.Store?.Application?.StartTime ?? DateTimeOffset.MinValue).ThenBy(e => e.FileName)];
        }
    }

    private static Entry Load(FileInfo file)
    {
        string fallbackId = file.Name.EndsWith(EventLogFields.InProgressSuffix, StringComparison.Ordinal)
            ? file.Name[..^EventLogFields.InProgressSuffix.Length]
            : file.Name;
        try
        {
            AppStatusStore store = EventLogReader.ReplayInto(file.FullName);
            return new Entry(store.Application?.Id ?? fallbackId, file.Name, file.Length, file.LastWriteTimeUtc, store, null);
        }
        catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Log.Warning($"The event log {file.FullName} could not be read: {error.Message}");
            return new Entry(fallbackId, file.Name, file.Length, file.LastWriteTimeUtc, null, error.Message);
        }
    }

    /// <summary>One log: its application (null when unreadable) or why it could not be read.</summary>
    internal sealed record Entry(string AppId, string FileName, long Length, DateTime Modified, AppStatusStore? Store, string? Error);
}
