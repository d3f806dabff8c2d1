using MiniSpark.Output;

namespace MiniSpark.Tests.Fakes;

/// <summary>The local file system, with failures and hooks injected per operation; counts the faults it injected.</summary>
internal sealed class FaultyFileSystem : IOutputFileSystem
{
    private readonly IOutputFileSystem _inner = LocalOutputFileSystem.Instance;
    private readonly List<Rule> _rules = [];
    private readonly Lock _lock = new();
    private int _faultsInjected;

    public int FaultsInjected => Volatile.Read(ref _faultsInjected);

    /// <summary>The next <paramref name="times"/> calls of <paramref name="operation"/> whose first path matches throw an <see cref="IOException"/>.</summary>
    public FaultyFileSystem FailOn(string operation, Func<string, bool> match, int times = 1)
    {
        lock (_lock) _rules.Add(new Rule(operation, match, times, null));
        return this;
    }

    /// <summary>Runs <paramref name="hook"/> before each matching call of <paramref name="operation"/>.</summary>
    public FaultyFileSystem Before(string operation, Func<string, bool> match, Action<string> hook)
    {
        lock (_lock) _rules.Add(new Rule(operation, match, int.MaxValue, hook));
        return this;
    }

    private void Check(string operation, string path)
    {
        Action<string>? hook = null;
        bool fail = false;
        lock (_lock)
        {
            foreach (Rule rule in _rules)
            {
                if (rule.Operation != operation || rule.Remaining <= 0 || !rule.Match(path)) continue;
                if (rule.Hook is not null)
                {
                    hook = rule.Hook;
                    continue;
                }
                rule.Remaining--;
                fail = true;
                break;
            }
        }
        hook?.Invoke(path);
        if (fail)
        {
            Interlocked.Increment(ref _faultsInjected);
            throw new IOException($"Injected fault: {operation} '{path}'.");
        }
    }

    public OutputEntryKind GetKind(string path) => _inner.GetKind(path);

    public void CreateDirectory(string path)
    {
        Check(nameof(CreateDirectory), path);
        _inner.CreateDirectory(path);
    }

    public Stream CreateFile(string path)
    {
        Check(nameof(CreateFile), path);
        return _inner.CreateFile(path);
    }

    public void MoveFile(string source, string destination)
    {
        Check(nameof(MoveFile), source);
        _inner.MoveFile(source, destination);
    }

    public void MoveDirectory(string source, string destination)
    {
        Check(nameof(MoveDirectory), source);
        _inner.MoveDirectory(source, destination);
    }

    public void Delete(string path)
    {
        Check(nameof(Delete), path);
        _inner.Delete(path);
    }

    public IReadOnlyList<string> ListFiles(string directory) => _inner.ListFiles(directory);

    public bool IsEmptyDirectory(string path) => _inner.IsEmptyDirectory(path);

    private sealed class Rule(string operation, Func<string, bool> match, int remaining, Action<string>? hook)
    {
        public string Operation { get; } = operation;
        public Func<string, bool> Match { get; } = match;
        public int Remaining { get; set; } = remaining;
        public Action<string>? Hook { get; } = hook;
    }
}
