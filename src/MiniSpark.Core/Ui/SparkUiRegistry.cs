using MiniSpark.Internal;
using System.Reflection;

namespace MiniSpark.Ui;

/// <summary>A running web UI of one context; the context disposes it when it stops (closing the port).</summary>
internal interface ISparkUi : IDisposable
{
    /// <summary>Where the UI listens, e.g. <c>http://127.0.0.1:4040</c>.</summary>
    string WebUrl { get; }
}

/// <summary>Starts a web UI for a context; implemented by the <c>MiniSpark.UI</c> assembly.</summary>
internal interface ISparkUiFactory
{
    /// <summary>Starts serving <paramref name="store"/> for <paramref name="context"/> (settings: <c>spark.ui.*</c>).</summary>
    ISparkUi Start(SparkContext context, AppStatusStore store);
}

/// <summary>Names the <see cref="ISparkUiFactory"/> of an assembly that provides the web UI:
/// <c>[assembly: SparkUiFactory(typeof(WebUiFactory))]</c>. Core finds it without referencing that assembly.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class SparkUiFactoryAttribute(Type factoryType) : Attribute
{
    public Type FactoryType { get; } = factoryType;
}

/// <summary>How <c>spark.ui.enabled=true</c> reaches a web server that lives in another assembly.</summary>
/// <remarks>
/// Core never references <c>MiniSpark.UI</c> (ASP.NET Core stays out of the engine). When a context wants a UI,
/// the registry loads the assembly by name (<c>MiniSpark.UI</c>: found when the application references the
/// package), reads its <see cref="SparkUiFactoryAttribute"/> and creates the factory once. Tests may
/// <see cref="Register"/> a factory directly. Without the assembly the context fails with a message naming the package.
/// </remarks>
internal static class SparkUiRegistry
{
    public const string UiAssemblyName = "MiniSpark.UI";

    private static readonly Lock s_lock = new();
    private static ISparkUiFactory? s_factory;

    /// <summary>Uses <paramref name="factory"/> for every later context.</summary>
    public static void Register(ISparkUiFactory factory)
    {
        lock (s_lock) s_factory = factory;
    }

    /// <summary>The registered factory, or the one the UI assembly names.</summary>
    /// <exception cref="InvalidOperationException">The UI assembly cannot be found or names no factory.</exception>
    public static ISparkUiFactory Resolve()
    {
        lock (s_lock)
        {
            return s_factory ??= Discover() ?? throw new InvalidOperationException(SR.UiPackageMissing);
        }
    }

    private static ISparkUiFactory? Discover()
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(UiAssemblyName));
        }
        catch (Exception error) when (error is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
        Type? type = assembly.GetCustomAttribute<SparkUiFactoryAttribute>()?.FactoryType;
        return type is null ? null : (ISparkUiFactory?)Activator.CreateInstance(type, nonPublic: true);
    }
}
