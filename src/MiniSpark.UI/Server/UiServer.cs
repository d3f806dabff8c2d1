using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MiniSpark.Ui.Pages;
using MiniSpark.Ui.Rest;

namespace MiniSpark.Ui.Server;

/// <summary>Kestrel serving the pages, the REST API and the static files of a catalog of applications.</summary>
/// <remarks>
/// <para>Built on the smallest host ASP.NET Core offers (<see cref="WebApplication.CreateEmptyBuilder"/>): no
/// configuration files, no environment variables, no logging providers, and a host lifetime that ignores
/// Ctrl+C, so the application that embeds the UI keeps its own console and signals.</para>
/// <para>The port is the one asked for or, when it is taken, the next free one up to <c>spark.port.maxRetries</c>
/// further (Spark's rule); port 0 takes any free port. <see cref="Dispose"/> stops Kestrel and frees the port.</para>
/// </remarks>
internal sealed class UiServer : IDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private UiServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url.GetLeftPart(UriPartial.Authority);
        Port = url.Port;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:4040</c>.</summary>
    public string Url { get; }

    public int Port { get; }

    /// <summary>Starts serving <paramref name="catalog"/> on <paramref name="host"/> at <paramref name="port"/> or the next free port.</summary>
    /// <exception cref="IOException">No port of the range was free.</exception>
    public static UiServer Start(IApplicationCatalog catalog, string host, int port, int maxRetries)
    {
        IPAddress address = ResolveHost(host);
        for (int attempt = 0; ; attempt++)
        {
            int candidate = port == 0 ? 0 : port + attempt;
            WebApplication app = Build(catalog, address, candidate);
            try
            {
                // Off the caller's synchronization context: Stop/Start may be called from a UI thread.
                Task.Run(() => app.StartAsync()).GetAwaiter().GetResult();
                string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
                    .Addresses.First();
                return new UiServer(app, new Uri(bound));
            }
            catch (Exception error) when (IsAddressInUse(error) && port != 0 && attempt < maxRetries && candidate < 65535)
            {
                Task.Run(() => app.DisposeAsync().AsTask()).GetAwaiter().GetResult();
            }
            catch (Exception error) when (IsAddressInUse(error))
            {
                Task.Run(() => app.DisposeAsync().AsTask()).GetAwaiter().GetResult();
                throw new IOException($"The web UI could not bind to {host} on any port from {port} to {candidate} " +
                    $"('{ConfigKeys.UiPort}', '{ConfigKeys.PortMaxRetries}'): all are in use.", error);
            }
            catch
            {
                Task.Run(() => app.DisposeAsync().AsTask()).GetAwaiter().GetResult();
                throw;
            }
        }
    }

    private static IPAddress ResolveHost(string host)
    {
        if (IPAddress.TryParse(host, out IPAddress? address)) return address;
        if (host is "localhost") return IPAddress.Loopback;
        if (host is "*" or "+" or "0.0.0.0") return IPAddress.Any;
        IPAddress[] addresses;
        try
        {
            addresses = Dns.GetHostAddresses(host);
        }
        catch (SocketException error)
        {
            throw new ArgumentException($"Setting '{ConfigKeys.UiHost}' names host '{host}', which cannot be resolved: {error.Message}",
                ConfigKeys.UiHost, error);
        }
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new ArgumentException($"Setting '{ConfigKeys.UiHost}' names host '{host}', which has no address.", ConfigKeys.UiHost);
    }

    private static bool IsAddressInUse(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is AddressInUseException || e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }) return true;
        }
        return false;
    }

    private static WebApplication Build(IApplicationCatalog catalog, IPAddress address, int port)
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(UiServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Listen(address, port);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        WebApplication app = builder.Build();
        app.Use(SecurityHeaders);
        MapRoutes(app, catalog);
        return app;
    }

    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        IHeaderDictionary headers = context.Response.Headers;
        // No inline script or style anywhere: an injected <script> could not run even if escaping failed.
        headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
            "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return next(context);
    }

    private static void MapRoutes(WebApplication app, IApplicationCatalog catalog)
    {
        app.MapMethods("/static/{file}", GetOrHead, StaticFiles.Serve);
        RestApi.Map(app, catalog);
        if (catalog is HistoryCatalog history)
        {
            app.MapMethods("/", GetOrHead, context => WriteHtml(context, HistoryPage.Render(history)));
            RouteGroupBuilder group = app.MapGroup("/history/{appId}");
            MapPages(group, context =>
            {
                string appId = (string)context.GetRouteValue("appId")!;
                return catalog.Find(appId) is { } store
                    ? new UiView(store, "/history/" + Uri.EscapeDataString(appId), IsHistory: true)
                    : null;
            });
            group.MapMethods("/", GetOrHead, context =>
                Redirect(context, $"/history/{Uri.EscapeDataString((string)context.GetRouteValue("appId")!)}/jobs/"));
        }
        else
        {
            AppStatusStore store = catalog.Applications[0];
            var view = new UiView(store, "", IsHistory: false);
            MapPages(app, _ => view);
            app.MapMethods("/", GetOrHead, context => Redirect(context, "/jobs/"));
        }
    }

    private static void MapPages(IEndpointRouteBuilder routes, Func<HttpContext, UiView?> viewOf)
    {
        RequestDelegate Page(Func<HttpContext, UiView, string?> render) => context =>
        {
            UiView? view = viewOf(context);
            if (view is null) return WriteText(context, StatusCodes.Status404NotFound, "Unknown application.");
            string? html = render(context, view);
            return html is null ? WriteText(context, StatusCodes.Status400BadRequest, "Missing or invalid id.") : WriteHtml(context, html);
        };
        routes.MapMethods("/jobs/", GetOrHead, Page((_, view) => JobsPage.Render(view)));
        routes.MapMethods("/jobs/job/", GetOrHead, Page((context, view) => QueryInt(context, "id") is { } id ? JobPage.Render(view, id) : null));
        routes.MapMethods("/jobs/job/dag.svg", GetOrHead, context =>
        {
            UiView? view = viewOf(context);
            if (view is null || QueryInt(context, "id") is not { } id || JobPage.Svg(view, id) is not { } svg)
                return WriteText(context, StatusCodes.Status404NotFound, "Unknown job.");
            context.Response.ContentType = "image/svg+xml; charset=utf-8";
            return context.Response.WriteAsync(svg, context.RequestAborted);
        });
        routes.MapMethods("/stages/", GetOrHead, Page((_, view) => StagesPage.Render(view)));
        routes.MapMethods("/stages/stage/", GetOrHead, Page((context, view) =>
            QueryInt(context, "id") is { } id ? StagePage.Render(view, id, QueryInt(context, "attempt") ?? 0) : null));
        routes.MapMethods("/storage/", GetOrHead, Page((_, view) => StoragePage.Render(view)));
        routes.MapMethods("/environment/", GetOrHead, Page((_, view) => EnvironmentPage.Render(view)));
    }

    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    private static int? QueryInt(HttpContext context, string name) =>
        int.TryParse(context.Request.Query[name].FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : null;

    private static Task WriteHtml(HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }

    private static Task WriteText(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    private static Task Redirect(HttpContext context, string location)
    {
        context.Response.Redirect(location);
        return Task.CompletedTask;
    }

    /// <summary>Stops Kestrel (open requests get a moment to finish) and frees the port. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Task.Run(async () =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }).GetAwaiter().GetResult();
    }

    /// <summary>A host lifetime for a server inside someone else's process: no Ctrl+C or SIGTERM handling.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
