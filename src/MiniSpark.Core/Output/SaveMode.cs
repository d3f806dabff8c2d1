namespace MiniSpark;

/// <summary>What a <c>SaveAs...</c> action does when its output path already exists.</summary>
public enum SaveMode
{
    /// <summary>Fail with an <see cref="IOException"/> naming the path, before any task runs (the default, as in Spark).</summary>
    ErrorIfExists = 0,

    /// <summary>Replace whatever is at the path. The old content stays in place and readable until the new output is
    /// complete; it is swapped out only at job commit, and kept if the job fails.</summary>
    Overwrite = 1,
}
