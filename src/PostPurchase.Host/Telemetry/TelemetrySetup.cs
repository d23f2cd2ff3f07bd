using OpenTelemetry.Metrics;

namespace PostPurchase.Host.Telemetry;

/// <summary>Metrics from the <c>PostPurchase</c> meter and ASP.NET Core (printed to the console when asked for); structured logs.</summary>
internal static class TelemetrySetup
{
    /// <summary>The meter every PostPurchase component records on.</summary>
    public const string MeterName = "PostPurchase";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(MeterName).AddAspNetCoreInstrumentation();
            // Off by default: a minute's dump of every instrument would bury the log lines a merchant reads; the dashboard's
            // metrics page shows the same figures.
            if (builder.Configuration.GetValue<bool>("PostPurchase:ConsoleMetrics"))
            {
                metrics.AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 60_000);
            }
        });

        builder.Logging.ClearProviders();
        if (development)
        {
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        }
        else
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        return builder;
    }
}
