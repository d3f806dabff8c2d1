using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MiniSpark.Ui.Server;

namespace MiniSpark.Ui.Rest;

/// <summary>Spark's monitoring REST API under <c>/api/v1</c>: applications, jobs, stages (with tasks, task lists and
/// task summaries), storage, environment and executors, answered from the status stores.</summary>
/// <remarks>
/// Paths, query parameters (<c>status</c>, <c>details</c>, <c>quantiles</c>, <c>offset</c>, <c>length</c>,
/// <c>sortBy</c>) and JSON shapes follow Spark's, so clients written for Spark (scripts, dashboards, sparkMeasure-like
/// tools) read MiniSpark. Unknown applications, jobs and stages answer 404 with Spark's messages; bad query values 400.
/// </remarks>
internal static class RestApi
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Converters = { new SparkDateConverter() },
    };

    public static void Map(IEndpointRouteBuilder routes, IApplicationCatalog catalog)
    {
        const string app = "/api/v1/applications/{appId}";
        routes.MapGet("/api/v1/version", context => Write(context, new VersionInfo(Version)));
        routes.MapGet("/api/v1/applications", context => Applications(context, catalog));
        routes.MapGet(app, context => WithApp(context, catalog, store => Write(context, ApplicationOf(store))));
        routes.MapGet(app + "/jobs", context => WithApp(context, catalog, store => Jobs(context, store)));
        routes.MapGet(app + "/jobs/{jobId}", context => WithApp(context, catalog, store => Job(context, store)));
        routes.MapGet(app + "/stages", context => WithApp(context, catalog, store => Stages(context, store)));
        routes.MapGet(app + "/stages/{stageId}", context => WithApp(context, catalog, store => StageAttempts(context, store)));
        routes.MapGet(app + "/stages/{stageId}/{attemptId}", context => WithApp(context, catalog, store => StageAttempt(context, store)));
        routes.MapGet(app + "/stages/{stageId}/{attemptId}/taskSummary", context => WithApp(context, catalog, store => Summary(context, store)));
        routes.MapGet(app + "/stages/{stageId}/{attemptId}/taskList", context => WithApp(context, catalog, store => TaskList(context, store)));
        routes.MapGet(app + "/storage/rdd", context => WithApp(context, catalog, store => Write(context, store.Storage.Select(RddOf).ToList())));
        routes.MapGet(app + "/storage/rdd/{rddId}", context => WithApp(context, catalog, store => Rdd(context, store)));
        routes.MapGet(app + "/environment", context => WithApp(context, catalog, store => Write(context, EnvironmentOf(store))));
        routes.MapGet(app + "/executors", context => WithApp(context, catalog, store => Write(context, new[] { ExecutorOf(store) })));
        routes.MapGet(app + "/allexecutors", context => WithApp(context, catalog, store => Write(context, new[] { ExecutorOf(store) })));
    }

    private static string Version => typeof(RestApi).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private static Task WithApp(HttpContext context, IApplicationCatalog catalog, Func<AppStatusStore, Task> handle)
    {
        string appId = (string)context.GetRouteValue("appId")!;
        AppStatusStore? store = catalog.Find(appId);
        return store is null ? NotFound(context, $"unknown app: {appId}") : handle(store);
    }

    private static Task Applications(HttpContext context, IApplicationCatalog catalog)
    {
        string? status = context.Request.Query["status"].FirstOrDefault()?.ToLowerInvariant();
        if (status is not (null or "completed" or "running"))
            return BadRequest(context, $"unknown status: {status}; use completed or running");
        var apps = catalog.Applications
            .Where(s => s.Application is not null)
            .Where(s => status is null || (status == "completed") == s.Application!.Completed)
            .Select(ApplicationOf)
            .ToList();
        return Write(context, apps);
    }

    private static Task Jobs(HttpContext context, AppStatusStore store)
    {
        if (!TryStatuses(context, out List<JobStatus> statuses, out string? error)) return BadRequest(context, error!);
        return Write(context, store.GetJobs(statuses).Select(JobOf).ToList());
    }

    private static Task Job(HttpContext context, AppStatusStore store)
    {
        if (!TryRouteInt(context, "jobId", out int jobId)) return NotFound(context, "unknown job: " + context.GetRouteValue("jobId"));
        JobSnapshot? job = store.GetJob(jobId);
        return job is null ? NotFound(context, $"unknown job: {jobId}") : Write(context, JobOf(job));
    }

    private static Task Stages(HttpContext context, AppStatusStore store)
    {
        if (!TryStatuses(context, out List<StageStatus> statuses, out string? error)) return BadRequest(context, error!);
        bool details = Flag(context, "details", false);
        return Write(context, store.GetStages(statuses).Select(s => StageOf(store, s, details)).ToList());
    }

    private static Task StageAttempts(HttpContext context, AppStatusStore store)
    {
        if (!TryRouteInt(context, "stageId", out int stageId)) return NotFound(context, "unknown stage: " + context.GetRouteValue("stageId"));
        IReadOnlyList<StageSnapshot> attempts = store.GetStageAttempts(stageId);
        bool details = Flag(context, "details", true);
        return attempts.Count == 0
            ? NotFound(context, $"unknown stage: {stageId}")
            : Write(context, attempts.Select(s => StageOf(store, s, details)).ToList());
    }

    private static Task StageAttempt(HttpContext context, AppStatusStore store) =>
        WithStage(context, store, stage => Write(context, StageOf(store, stage, Flag(context, "details", true))));

    private static Task Summary(HttpContext context, AppStatusStore store) => WithStage(context, store, stage =>
    {
        IReadOnlyList<double> quantiles = AppStatusStore.DefaultQuantiles;
        string? text = context.Request.Query["quantiles"].FirstOrDefault();
        if (text is not null)
        {
            var parsed = new List<double>();
            foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double q) || q < 0 || q > 1)
                    return BadRequest(context, $"Bad value for parameter \"quantiles\": '{part}' is not a number from 0 to 1.");
                parsed.Add(q);
            }
            quantiles = parsed;
        }
        TaskSummary summary = store.GetTaskSummary(stage.StageId, stage.AttemptId, quantiles) ?? TaskSummary.Empty(quantiles);
        double[] zeros = new double[quantiles.Count];
        return Write(context, new TaskMetricDistributions(quantiles, summary.Duration, zeros, zeros, summary.Duration, zeros, zeros,
            zeros, zeros, zeros, zeros, summary.PeakExecutionMemory, summary.MemoryBytesSpilled, summary.DiskBytesSpilled,
            new InputMetricDistributions(zeros, summary.RecordsRead),
            new OutputMetricDistributions(zeros, summary.RecordsWritten),
            new ShuffleReadMetricDistributions(summary.ShuffleBytesRead, zeros, zeros, zeros, zeros, zeros, zeros, zeros),
            new ShuffleWriteMetricDistributions(summary.ShuffleBytesWritten, zeros, zeros)));
    });

    private static Task TaskList(HttpContext context, AppStatusStore store) => WithStage(context, store, stage =>
    {
        int offset = QueryInt(context, "offset", 0);
        int length = QueryInt(context, "length", 20);
        if (offset < 0 || length < 0) return BadRequest(context, "offset and length must not be negative.");
        string sortBy = context.Request.Query["sortBy"].FirstOrDefault() ?? "ID";
        IEnumerable<TaskSnapshot> tasks = store.GetTasks(stage.StageId, stage.AttemptId);
        tasks = sortBy switch
        {
            "ID" => tasks.OrderBy(t => t.TaskId),
            "runtime" => tasks.OrderBy(t => t.DurationMs ?? long.MaxValue),
            "-runtime" => tasks.OrderByDescending(t => t.DurationMs ?? -1),
            _ => null!,
        };
        if (tasks is null) return BadRequest(context, $"unknown sortBy: {sortBy}; use ID, runtime or -runtime");
        return Write(context, tasks.Skip(offset).Take(length).Select(TaskOf).ToList());
    });

    private static Task Rdd(HttpContext context, AppStatusStore store)
    {
        if (!TryRouteInt(context, "rddId", out int rddId)) return NotFound(context, "unknown rdd: " + context.GetRouteValue("rddId"));
        RddStorageInfo? rdd = store.Storage.FirstOrDefault(r => r.RddId == rddId);
        return rdd is null ? NotFound(context, $"no rdd found w/ id {rddId}") : Write(context, RddOf(rdd));
    }

    private static Task WithStage(HttpContext context, AppStatusStore store, Func<StageSnapshot, Task> handle)
    {
        if (!TryRouteInt(context, "stageId", out int stageId)) return NotFound(context, "unknown stage: " + context.GetRouteValue("stageId"));
        IReadOnlyList<StageSnapshot> attempts = store.GetStageAttempts(stageId);
        if (attempts.Count == 0) return NotFound(context, $"unknown stage: {stageId}");
        if (!TryRouteInt(context, "attemptId", out int attemptId) || attempts.FirstOrDefault(s => s.AttemptId == attemptId) is not { } stage)
        {
            return NotFound(context, $"unknown attempt for stage {stageId}.  Found attempts: " +
                $"[{string.Join(",", attempts.Select(a => a.AttemptId).Order())}]");
        }
        return handle(stage);
    }

    internal static ApplicationInfo ApplicationOf(AppStatusStore store)
    {
        ApplicationSnapshot app = store.Application!;
        DateTimeOffset end = app.EndTime ?? DateTimeOffset.FromUnixTimeMilliseconds(-1);
        long duration = (long)((app.EndTime ?? DateTimeOffset.UtcNow) - app.StartTime).TotalMilliseconds;
        return new ApplicationInfo(app.Id, app.Name, [new ApplicationAttemptInfo(app.StartTime, end, app.LastUpdated, duration, app.User,
            app.Completed, Version, app.StartTime.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds(),
            app.LastUpdated.ToUnixTimeMilliseconds())]);
    }

    internal static JobData JobOf(JobSnapshot job) => new(job.JobId, job.Name, job.Description, job.SubmissionTime,
        job.CompletionTime, job.StageIds, job.JobGroup, job.Status.ToString().ToUpperInvariant(), job.NumTasks, job.NumActiveTasks,
        job.NumCompletedTasks, job.NumSkippedTasks, job.NumFailedTasks, job.NumKilledTasks, job.NumCompletedTasks,
        job.NumActiveStages, job.NumCompletedStages, job.NumSkippedStages, job.NumFailedStages, new Dictionary<string, int>());

    internal static StageData StageOf(AppStatusStore store, StageSnapshot stage, bool details)
    {
        MetricValues t = stage.Totals;
        Dictionary<string, TaskData>? tasks = details
            ? store.GetTasks(stage.StageId, stage.AttemptId).ToDictionary(task => task.TaskId.ToString(CultureInfo.InvariantCulture), TaskOf)
            : null;
        return new StageData(stage.Status.ToString().ToUpperInvariant(), stage.StageId, stage.AttemptId, stage.NumTasks,
            stage.NumActiveTasks, stage.NumCompleteTasks, stage.NumFailedTasks, stage.NumKilledTasks, stage.NumCompleteTasks,
            stage.SubmissionTime, stage.FirstTaskLaunchedTime, stage.CompletionTime, stage.FailureReason, 0, 0, t.DurationMs, 0, 0, 0, 0,
            t.MemoryBytesSpilled, t.DiskBytesSpilled, t.PeakExecutionMemory, 0, t.RecordsRead, 0, t.RecordsWritten, 0, 0, 0, 0, 0,
            t.ShuffleBytesRead, t.ShuffleBytesRead, 0, t.ShuffleBytesWritten, 0, 0, stage.Name, "", "default",
            [.. stage.RddInfos.Select(r => r.Id)], [], tasks, new Dictionary<string, int>(), 0);
    }

    internal static TaskData TaskOf(TaskSnapshot task)
    {
        TaskMetricsData? metrics = task.Metrics is { } m
            ? new TaskMetricsData(0, 0, m.DurationMs, 0, 0, 0, 0, m.MemoryBytesSpilled, m.DiskBytesSpilled, m.PeakExecutionMemory,
                new InputMetrics(0, m.RecordsRead), new OutputMetrics(0, m.RecordsWritten),
                new ShuffleReadMetrics(0, 0, 0, 0, 0, m.ShuffleBytesRead, 0), new ShuffleWriteMetrics(m.ShuffleBytesWritten, 0, 0))
            : null;
        return new TaskData(task.TaskId, task.Index, task.Attempt, task.Index, task.LaunchTime, task.DurationMs, "driver", "localhost",
            task.Status.ToString().ToUpperInvariant(), "PROCESS_LOCAL", false, [], task.ErrorMessage, metrics,
            new Dictionary<string, string>(), 0, 0);
    }

    internal static RddStorageData RddOf(RddStorageInfo rdd) => new(rdd.RddId, rdd.Name, rdd.NumPartitions, rdd.CachedPartitions,
        rdd.StorageLevel.Description, rdd.MemoryBytes, rdd.DiskBytes);

    private static ApplicationEnvironmentInfo EnvironmentOf(AppStatusStore store)
    {
        IReadOnlyList<KeyValuePair<string, string>> runtime = store.RuntimeInformation;
        string dotnet = runtime.FirstOrDefault(r => r.Key == ".NET Version").Value ?? "";
        return new ApplicationEnvironmentInfo(new RuntimeInfo(dotnet, "", ""),
            [.. store.SparkProperties.Select(p => new[] { p.Key, p.Value })], [],
            [.. runtime.Select(p => new[] { p.Key, p.Value })], [], []);
    }

    private static ExecutorSummary ExecutorOf(AppStatusStore store)
    {
        int slots = int.TryParse(store.RuntimeInformation.FirstOrDefault(r => r.Key == "Executor Slots").Value, out int s) ? s : 1;
        IReadOnlyList<StageSnapshot> stages = store.GetStages();
        IReadOnlyList<RddStorageInfo> storage = store.Storage;
        int active = stages.Sum(x => x.NumActiveTasks), failed = stages.Sum(x => x.NumFailedTasks), done = stages.Sum(x => x.NumCompleteTasks);
        ApplicationSnapshot? app = store.Application;
        return new ExecutorSummary("driver", "localhost", app?.EndTime is null, storage.Sum(r => r.CachedPartitions),
            storage.Sum(r => r.MemoryBytes), storage.Sum(r => r.DiskBytes), slots, slots, active, failed, done,
            active + failed + done + stages.Sum(x => x.NumKilledTasks), stages.Sum(x => x.Totals.DurationMs), 0, 0,
            stages.Sum(x => x.Totals.ShuffleBytesRead), stages.Sum(x => x.Totals.ShuffleBytesWritten), false, 0,
            app?.StartTime ?? DateTimeOffset.UnixEpoch, new Dictionary<string, string>(), false);
    }

    private static bool TryStatuses<TStatus>(HttpContext context, out List<TStatus> statuses, out string? error) where TStatus : struct, Enum
    {
        statuses = [];
        error = null;
        foreach (string? value in context.Request.Query["status"])
        {
            foreach (string part in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!Enum.TryParse(part, ignoreCase: true, out TStatus status) || !Enum.IsDefined(status))
                {
                    error = $"unknown status: {part}; use one of {string.Join(", ", Enum.GetNames<TStatus>().Select(n => n.ToUpperInvariant()))}";
                    return false;
                }
                statuses.Add(status);
            }
        }
        return true;
    }

    private static bool Flag(HttpContext context, string name, bool defaultValue) =>
        bool.TryParse(context.Request.Query[name].FirstOrDefault(), out bool value) ? value : defaultValue;

    private static int QueryInt(HttpContext context, string name, int defaultValue) =>
        int.TryParse(context.Request.Query[name].FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : defaultValue;

    private static bool TryRouteInt(HttpContext context, string name, out int value) =>
        int.TryParse(context.GetRouteValue(name) as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    private static async Task Write(HttpContext context, object value)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, value.GetType(), Json, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task NotFound(HttpContext context, string message) => Text(context, StatusCodes.Status404NotFound, message);

    private static Task BadRequest(HttpContext context, string message) => Text(context, StatusCodes.Status400BadRequest, message);

    private static Task Text(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }
}
