namespace MiniSpark.Output;

/// <summary>What is at a path, without following a final symbolic link.</summary>
internal enum OutputEntryKind
{
    None,
    File,
    Directory,
    /// <summary>A symbolic link (or other reparse point), to anything: never written or deleted through.</summary>
    Link,
}

/// <summary>The file operations of the output commit protocol: a seam so tests can make any step fail.</summary>
/// <remarks>Paths are absolute. Moves never replace an existing destination.</remarks>
internal interface IOutputFileSystem
{
    OutputEntryKind GetKind(string path);

    /// <summary>Creates <paramref name="path"/> and missing parents; nothing when it exists.</summary>
    void CreateDirectory(string path);

    /// <summary>A new file opened for writing; fails when the file exists or its directory does not.</summary>
    Stream CreateFile(string path);

    void MoveFile(string source, string destination);

    /// <summary>Renames a directory (or a file or link, as one entry) atomically on one volume.</summary>
    void MoveDirectory(string source, string destination);

    /// <summary>Removes a file or link, or a directory with its content; links inside are removed, not followed.
    /// Nothing when the path does not exist.</summary>
    void Delete(string path);

    /// <summary>The files (not directories) directly in <paramref name="directory"/>, full paths, ordinal name order.</summary>
    IReadOnlyList<string> ListFiles(string directory);

    bool IsEmptyDirectory(string path);
}
