using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MiniSpark.Ui.Server;

/// <summary>The stylesheet and the live-refresh script, embedded in the assembly (no files to deploy).</summary>
internal static class StaticFiles
{
    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType)> Files = Load();

    private static FrozenDictionary<string, (byte[] Content, string ContentType)> Load()
    {
        const string prefix = "MiniSpark.UI.Static.";
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        var assembly = typeof(StaticFiles).Assembly;
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            string file = name[prefix.Length..];
            string type = Path.GetExtension(file) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            files[file] = (memory.ToArray(), type);
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static Task Serve(HttpContext context)
    {
        // Only names from the embedded set: a request cannot reach the file system.
        if (context.GetRouteValue("file") is not string file || !Files.TryGetValue(file, out var entry))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        context.Response.ContentType = entry.ContentType;
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return context.Response.Body.WriteAsync(entry.Content, context.RequestAborted).AsTask();
    }
}
