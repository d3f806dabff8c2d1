using System.Text;
using MiniSpark.Output;
using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Output;

// The protocol driven by hand, attempt by attempt: no scheduler, no threads unless a test says so.
public sealed class FileOutputCommitterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static void WriteAttempt(FileOutputCommitter committer, TaskAttemptOutput attempt, string text)
    {
        using Stream stream = committer.FileSystem.CreateFile(attempt.FilePath);
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static TaskCommitStatus RunTask(FileOutputCommitter committer, int partition, long attemptId, string text)
    {
        TaskAttemptOutput attempt = committer.SetupTask(partition, attemptId);
        try
        {
            WriteAttempt(committer, attempt, text);
            return committer.CommitTask(attempt);
        }
        finally
        {
            committer.EndTask(attempt);
        }
    }

    [Fact]
    public void Layout_AttemptsUnderTemporary_TaskCommitRenames_JobCommitPublishes()
    {
        string output = _temp.At("out");
        FileOutputCommitter committer = FileOutputCommitter.SetupJob(LocalOutputFileSystem.Instance, output, SaveMode.ErrorIfExists,
            ".txt", 2, jobToken: "job1");

        TaskAttemptOutput attempt = committer.SetupTask(1, attemptId: 7);
        Assert.Equal(Path.Combine(output, "_temporary", "0", "_temporary", "attempt-job1-00001-7", "part-00001.txt"), attempt.FilePath);
        WriteAttempt(committer, attempt, "b\n");
        Assert.Equal(TaskCommitStatus.Committed, committer.CommitTask(attempt));
        committer.EndTask(attempt);
        Assert.Equal(["_temporary/", "_temporary/0/", "_temporary/0/_temporary/", "_temporary/0/task-00001/", "_temporary/0/task-00001/part-00001.txt"],
            TempDirectory.Tree(output));

        Assert.Equal(TaskCommitStatus.Committed, RunTask(committer, 0, 3, "a\n"));
        committer.CommitJob();

        Assert.Equal(["_SUCCESS", "part-00000.txt", "part-00001.txt"], TempDirectory.Tree(output));
        Assert.Equal("a\n", File.ReadAllText(Path.Combine(output, "part-00000.txt")));
        Assert.Equal(0, new FileInfo(Path.Combine(output, "_SUCCESS")).Length);
        Assert.Equal(["out"], Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName)); // nothing left aside
    }

    [Fact]
    public void TwoAttemptsOfOnePartition_FirstToCommitWins_TheOtherIsDeniedAndItsFilesDeleted()
    {
        string output = _temp.At("out");
        FileOutputCommitter committer = FileOutputCommitter.SetupJob(LocalOutputFileSystem.Instance, output, SaveMode.ErrorIfExists, "", 1);
        TaskAttemptOutput first = committer.SetupTask(0, 10);
        TaskAttemptOutput second = committer.SetupTask(0, 11);
        WriteAttempt(committer, first, "first\n");
        WriteAttempt(committer, second, "second\n");

        Assert.Equal(TaskCommitStatus.Committed, committer.CommitTask(second));
        Assert.Equal(TaskCommitStatus.Denied, committer.CommitTask(first));
        Assert.False(Directory.Exists(first.DirectoryPath));
        committer.EndTask(first);
        committer.EndTask(second);
        committer.CommitJob();

        Assert.Equal(["_SUCCESS", "part-00000"], TempDirectory.Tree(output));
        Assert.Equal("second\n", File.ReadAllText(Path.Combine(output, "part-00000")));
    }

    [Fact]
    public void AttemptAskingWhileAnotherIsRenaming_IsNotAuthorized_AndDeniedOnceTheOtherCommits()
    {
        string output = _temp.At("out");
        var fileSystem = new FaultyFileSystem();
        FileOutputCommitter committer = FileOutputCommitter.SetupJob(fileSystem, output, SaveMode.ErrorIfExists, "", 1);
        TaskAttemptOutput first = committer.SetupTask(0, 1);
        TaskAttemptOutput second = committer.SetupTask(0, 2);
        WriteAttempt(committer, first, "1\n");
        WriteAttempt(committer, second, "2\n");
        Exception? whileRenaming = null;
        // While the first attempt holds the authorization (inside its rename), the second must wait, not commit:
        // asked with a cancelled token, it gives up instead of waiting.
        fileSystem.Before(nameof(IOutputFileSystem.MoveDirectory), p => p == first.DirectoryPath,
            _ => whileRenaming = Record.Exception(() => committer.CommitTask(second, new CancellationToken(canceled: true))));

        Assert.Equal(TaskCommitStatus.Committed, committer.CommitTask(first));
        Assert.IsType<OperationCanceledException>(whileRenaming);
        Assert.Equal(TaskCommitStatus.Denied, committer.CommitTask(second));
    }

    [Fact]
    public void AuthorizedCommitterFails_AnotherAttemptCommits_TheFailedOneIsNeverAuthorized()
    {
        string output = _temp.At("out");
        var fileSystem = new FaultyFileSystem();
        FileOutputCommitter committer = FileOutputCommitter.SetupJob(fileSystem, output, SaveMode.ErrorIfExists, "", 1);
        TaskAttemptOutput first = committer.SetupTask(0, 1);
        WriteAttempt(committer, first, "1\n");
        fileSystem.FailOn(nameof(IOutputFileSystem.MoveDirectory), p => p == first.DirectoryPath);

        Assert.Throws<IOException>(() => committer.CommitTask(first));
        committer.AbortTask(first);
        committer.EndTask(first);
        Assert.Equal(1, fileSystem.FaultsInjected);
        Assert.False(Directory.Exists(first.DirectoryPath));

        Assert.Equal(TaskCommitStatus.Committed, RunTask(committer, 0, 2, "2\n"));
        Assert.Equal(TaskCommitStatus.Denied, committer.CommitTask(first));
        committer.CommitJob();
        Assert.Equal("2\n", File.ReadAllText(Path.Combine(output, "part-00000")));
    }

    [Fact]
    public void ErrorIfExists_ExistingDirectoryOrFile_ThrowsNamingThePath_AndTouchesNothing()
    {
        string directory = _temp.Write("dir/keep.txt", "old");
        string file = _temp.Write("file.txt", "old");

        IOException fromDirectory = Assert.Throws<IOException>(() =>
            FileOutputCommitter.SetupJob(LocalOutputFileSystem.Instance, _temp.At("dir"), SaveMode.ErrorIfExists, "", 1));
        IOException fromFile = Assert.Throws<IOException>(() =>
            FileOutputCommitter.SetupJob(LocalOutputFileSystem.Instance, file, SaveMode.ErrorIfExists, "", 1));

        Assert.Contains(_temp.At("dir"), fromDirectory.Message);
        Assert.Contains(file, fromFile.Message);
        Assert.Equal(["keep.txt"], TempDirectory.Tree(_temp.At("dir")));
        Assert.Equal("old", File.ReadAllText(file));
        Assert.Equal("old", File.ReadAllText(directory));
    }

    [Fact]
    public void AbortJob_DeletesTemporaryAndTheDirectoryItCreated_PublishesNothing()
    {
        string output = _temp.At("a/b/out");
        FileOutputCommitter committer = FileOutputCommitter.SetupJob(LocalOutputFileSystem.Instance, output, SaveMode.ErrorIfExists, "", 3);
        RunTask(committer, 0, 1, "x\n");
        TaskAttemptOutput running = committer.SetupTask(1, 2);
        WriteAttempt(committer, running, "half");
        committer.AbortTask(running);
        committer.EndTask(running);

        committer.AbortJob(TimeSpan.FromSeconds(5));

        Assert.False(Directory.Exists(output));
        Assert.True(Directory.Exists(_temp.At("a/b")));
        Assert.Throws<OperationCanceledException>(() => committer.SetupTask(2, 3));
        // The path is free again.
        FileOutputCommitter.SetupJob(LocalOutputFileSystem.Instance, output, SaveMode.ErrorIfExists, "", 1).AbortJob(TimeSpan.Zero);
    }

    [Fact]
    public void AbortJob_WithAnAttemptStillRunning_TheLastAttemptCleansUpWhenItEnds()
    {
        string output = _temp.At("out");
        FileOutputCommitter committer = FileOutputCommitter.SetupJob(LocalOutputFileSystem.Instance, output, SaveMode.ErrorIfExists, "", 1);
        TaskAttemptOutput zombie = committer.SetupTask(0, 1);
        WriteAttempt(committer, zombie, "late");

        committer.AbortJob(TimeSpan.Zero); // gives up waiting at once
        Assert.True(Directory.Exists(zombie.DirectoryPath));
        Assert.Throws<IOException>(() =>
            FileOutputCommitter.SetupJob(LocalOutputFileSystem.Instance, output, SaveMode.Overwrite, "", 1)); // still reserved

        Assert.Equal(TaskCommitStatus.Denied, committer.CommitTask(zombie));
        committer.EndTask(zombie);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void CommitJob_PartitionWithoutCommittedTask_Throws_AndAbortLeavesNothing()
    {
        string output = _temp.At("out");
        FileOutputCommitter committer = FileOutputCommitter.SetupJob(LocalOutputFileSystem.Instance, output, SaveMode.ErrorIfExists, "", 2);
        RunTask(committer, 1, 1, "x\n");

        IOException error = Assert.Throws<IOException>(committer.CommitJob);
        committer.AbortJob(TimeSpan.FromSeconds(5));

        Assert.Contains("partition 0", error.Message);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Overwrite_OldContentStaysUntilJobCommit_ThenIsReplacedWhole()
    {
        string output = _temp.At("out");
        _temp.Write("out/part-00000", "old0\n");
        _temp.Write("out/part-00001", "old1\n");
        _temp.Write("out/_SUCCESS", "");
        _temp.Write("out/_temporary/0/task-00000/part-00000", "left over by a crashed save\n");
        FileOutputCommitter committer = FileOutputCommitter.SetupJob(LocalOutputFileSystem.Instance, output, SaveMode.Overwrite, "", 1);

        RunTask(committer, 0, 1, "new\n");
        Assert.Equal("old1\n", File.ReadAllText(Path.Combine(output, "part-00001")));
        committer.CommitJob();

        Assert.Equal(["_SUCCESS", "part-00000"], TempDirectory.Tree(output));
        Assert.Equal("new\n", File.ReadAllText(Path.Combine(output, "part-00000")));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Overwrite_ExistingFile_IsReplacedByTheDirectory()
    {
        string output = _temp.Write("out", "a file");
        FileOutputCommitter committer = FileOutputCommitter.SetupJob(LocalOutputFileSystem.Instance, output, SaveMode.Overwrite, ".txt", 1);
        Assert.NotEqual(output, committer.WorkRoot);
        Assert.Equal("a file", File.ReadAllText(output));

        RunTask(committer, 0, 1, "new\n");
        committer.CommitJob();

        Assert.Equal(["_SUCCESS", "part-00000.txt"], TempDirectory.Tree(output));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName));
    }

    // Every file-system step of job commit fails once in turn: the output path must then hold exactly what it held
    // before (old content, or nothing), never a part of the new output, and no temporary files after the abort.
    [Theory]
    [InlineData("CreateDirectory", "_output", false)]
    [InlineData("MoveFile", "part-00001", false)]
    [InlineData("CreateFile", "_SUCCESS", false)]
    [InlineData("MoveDirectory", "out", false)]     // renaming the old output aside
    [InlineData("MoveDirectory", "_output", false)] // renaming the new output in (undone)
    [InlineData("CreateDirectory", "_output", true)]
    [InlineData("MoveFile", "part-00001", true)]
    [InlineData("CreateFile", "_SUCCESS", true)]
    [InlineData("MoveDirectory", "out", true)]
    [InlineData("MoveDirectory", "_output", true)]
    public void CommitJob_FailingAtAnyStep_LeavesTheOutputPathAsBefore(string operation, string name, bool overwrite)
    {
        string output = _temp.At("out");
        if (overwrite)
        {
            _temp.Write("out/part-00000", "old\n");
            _temp.Write("out/_SUCCESS", "");
        }
        string[] before = overwrite ? TempDirectory.Tree(output) : [];
        var fileSystem = new FaultyFileSystem();
        FileOutputCommitter committer = FileOutputCommitter.SetupJob(fileSystem, output,
            overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists, "", 2);
        RunTask(committer, 0, 1, "new0\n");
        RunTask(committer, 1, 2, "new1\n");
        fileSystem.FailOn(operation, p => Path.GetFileName(p) == name);

        Assert.Throws<IOException>(committer.CommitJob);
        committer.AbortJob(TimeSpan.FromSeconds(5));

        Assert.Equal(1, fileSystem.FaultsInjected);
        if (overwrite)
        {
            Assert.Equal(before, TempDirectory.Tree(output));
            Assert.Equal("old\n", File.ReadAllText(Path.Combine(output, "part-00000")));
        }
        else
        {
            Assert.False(Directory.Exists(output));
        }
        Assert.Equal(overwrite ? ["out"] : [], Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void TwoSavesToOnePath_AtOnce_TheSecondThrows()
    {
        string output = _temp.At("out");
        FileOutputCommitter first = FileOutputCommitter.SetupJob(LocalOutputFileSystem.Instance, output, SaveMode.Overwrite, "", 1);

        IOException error = Assert.Throws<IOException>(() =>
            FileOutputCommitter.SetupJob(LocalOutputFileSystem.Instance, output, SaveMode.Overwrite, "", 1));

        Assert.Contains("another save", error.Message);
        first.AbortJob(TimeSpan.Zero);
    }

    // Spark's SPARK-4879 reproduction, without sleeps: every partition has three attempts racing to commit, on
    // threads released together. Whatever the interleaving, each partition commits exactly once.
    [Fact]
    public void DuplicateAttemptsRacingToCommit_ExactlyOneFilePerPartition_NoLostOrDuplicatedLines()
    {
        const int partitions = 4, attempts = 3;
        for (int trial = 0; trial < 25; trial++)
        {
            string output = _temp.At($"out{trial}");
            FileOutputCommitter committer = FileOutputCommitter.SetupJob(LocalOutputFileSystem.Instance, output, SaveMode.ErrorIfExists, "", partitions);
            using var ready = new CountdownEvent(partitions * attempts);
            using var go = new ManualResetEvent(false); // a kernel event: waiting threads do not spin
            var committed = new int[partitions];
            Thread[] threads =
            [
                .. Enumerable.Range(0, partitions * attempts).Select(i => new Thread(() =>
                {
                    int partition = i % partitions;
                    TaskAttemptOutput attempt = committer.SetupTask(partition, i);
                    WriteAttempt(committer, attempt, $"line {partition}\n");
                    ready.Signal();
                    go.WaitOne();
                    if (committer.CommitTask(attempt) == TaskCommitStatus.Committed) Interlocked.Increment(ref committed[partition]);
                    committer.EndTask(attempt);
                })),
            ];
            foreach (Thread thread in threads) thread.Start();
            ready.Wait();
            go.Set();
            foreach (Thread thread in threads) thread.Join();
            committer.CommitJob();

            Assert.All(committed, c => Assert.Equal(1, c));
            Assert.Equal([.. Enumerable.Range(0, partitions).Select(p => $"part-{p:D5}"), "_SUCCESS"],
                TempDirectory.Tree(output).OrderBy(n => n[0] == '_').ThenBy(n => n, StringComparer.Ordinal));
            Assert.Equal(Enumerable.Range(0, partitions).Select(p => $"line {p}"),
                Directory.GetFiles(output, "part-*").Order(StringComparer.Ordinal).SelectMany(File.ReadAllLines));
        }
    }

    [Fact]
    public void Overwrite_SymbolicLink_ReplacesTheLinkOnly_NeverDeletesThroughIt()
    {
        string target = _temp.Write("real/keep.txt", "kept");
        string link = _temp.At("out");
        try
        {
            Directory.CreateSymbolicLink(link, _temp.At("real"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return; // no permission to create links here (Windows without developer mode)
        }
        FileOutputCommitter committer = FileOutputCommitter.SetupJob(LocalOutputFileSystem.Instance, link, SaveMode.Overwrite, "", 1);

        RunTask(committer, 0, 1, "new\n");
        committer.CommitJob();

        Assert.Null(new DirectoryInfo(link).LinkTarget);
        Assert.Equal(["_SUCCESS", "part-00000"], TempDirectory.Tree(link));
        Assert.Equal("kept", File.ReadAllText(target));
        Assert.Equal(["keep.txt"], TempDirectory.Tree(_temp.At("real")));
        Assert.Equal(["out", "real"], Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
