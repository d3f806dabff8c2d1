namespace MiniSpark.Storage;

/// <summary>The context's scratch directory (<c>spark.local.dir</c>): created on first use; on dispose a
/// default one is deleted and a user-given one is emptied (the user owns the folder itself).</summary>
internal sealed class LocalDirectory(string? userPath) : IDisposable
{
    private readonly Lock _lock = new();
    private string? _path;
    private bool _disposed;

    public string Path
    {
        get
        {
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_path is not null) return _path;
                string root = userPath ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "minispark-" + Guid.NewGuid().ToString("N"));
                // Each context gets its own subfolder, so two contexts sharing spark.local.dir never collide.
                _path = userPath is null ? root : System.IO.Path.Combine(root, "minispark-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(_path);
                return _path;
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            if (_path is null) return;
            try
            {
                Directory.Delete(_path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Internal.Log.Warning($"Could not delete the local directory '{_path}': {e.Message}");
            }
        }
    }
}
