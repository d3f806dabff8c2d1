using MiniSpark.Ui;
using MiniSpark.Ui.Server;

[assembly: SparkUiFactory(typeof(MiniSpark.Ui.Internal.WebUiFactory))]

namespace MiniSpark.Ui.Internal;

/// <summary>What Core finds through <see cref="SparkUiFactoryAttribute"/> when a context sets <c>spark.ui.enabled=true</c>:
/// starts the live web UI on the context's status store.</summary>
internal sealed class WebUiFactory : ISparkUiFactory
{
    public ISparkUi Start(SparkContext context, AppStatusStore store) =>
        new WebUi(UiServer.Start(new LiveCatalog(store), context.UiHost, context.UiPort, context.PortMaxRetries));

    private sealed class WebUi(UiServer server) : ISparkUi
    {
        public string WebUrl => server.Url;

        public void Dispose() => server.Dispose();
    }
}
