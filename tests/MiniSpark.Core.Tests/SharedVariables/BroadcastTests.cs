namespace MiniSpark.Tests.SharedVariables;

public sealed class BroadcastTests
{
    [Fact]
    public void Broadcast_IsReadByEveryTask()
    {
        using var sc = new SparkContext("local[2]", "broadcast");
        Broadcast<Dictionary<int, string>> names = sc.Broadcast(new Dictionary<int, string> { [1] = "one", [2] = "two" });
        string[] result = sc.Parallelize([1, 2, 1, 3], 2).Map(x => names.Value.GetValueOrDefault(x, "?")).Collect();
        Assert.Equal(["one", "two", "one", "?"], result);
        names.Unpersist();
        Assert.Equal("one", names.Value[1]);
    }

    [Fact]
    public void DestroyedBroadcast_ThrowsOnUse_InTasksAndOnTheDriver()
    {
        using var sc = new SparkContext("local[2]", "broadcast-destroyed");
        Broadcast<int[]> data = sc.Broadcast(new[] { 1, 2, 3 });
        Assert.NotEqual(data.Id, sc.Broadcast(0).Id);
        data.Destroy();
        data.Destroy(); // idempotent
        Assert.True(data.IsDestroyed);
        Assert.Contains("destroyed", Assert.Throws<InvalidOperationException>(() => data.Value).Message);
        Assert.Throws<InvalidOperationException>(() => data.Unpersist());
        var error = Assert.Throws<SparkJobException>(() => sc.Parallelize([0], 1).Map(i => data.Value[i]).Collect());
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }
}
