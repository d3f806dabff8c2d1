namespace MiniSpark.Output;

/// <summary>The machine's file system.</summary>
internal sealed class LocalOutputFileSystem : IOutputFileSystem
{
    public static LocalOutputFileSystem Instance { get; } = new();

    private LocalOutputFileSystem() { }

    public OutputEntryKind GetKind(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path))
        {
            // A dangling link exists as an entry, though neither File.Exists nor Directory.Exists says so.
            return info.LinkTarget is not null ? OutputEntryKind.Link : OutputEntryKind.None;
        }
        FileAttributes attributes = File.GetAttributes(path);
        if ((attributes & FileAttributes.ReparsePoint) != 0) return OutputEntryKind.Link;
        return (attributes & FileAttributes.Directory) != 0 ? OutputEntryKind.Directory : OutputEntryKind.File;
    }

    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    public Stream CreateFile(string path) =>
        new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);

    public void MoveFile(string source, string destination) => File.Move(source, destination, overwrite: false);

    public void MoveDirectory(string source, string destination)
    {
        if (GetKind(source) is OutputEntryKind.File or OutputEntryKind.Link && !Directory.Exists(source))
            File.Move(source, destination, overwrite: false);
        else
            Directory.Move(source, destination);
    }

    public void Delete(string path)
    {
        switch (GetKind(path))
        {
            case OutputEntryKind.None:
                return;
            case OutputEntryKind.Directory:
                Directory.Delete(path, recursive: true);
                return;
            case OutputEntryKind.Link when Directory.Exists(path):
                Directory.Delete(path, recursive: false); // removes the link, never what it points to
                return;
            default:
                File.Delete(path);
                return;
        }
    }

    public IReadOnlyList<string> ListFiles(string directory)
    {
        List<string> files = [.. Directory.EnumerateFiles(directory)];
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public bool IsEmptyDirectory(string path) => !Directory.EnumerateFileSystemEntries(path).Any();
}
