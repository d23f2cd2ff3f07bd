using OpenTelemetry.Metrics;

namespace PostPurchase.Host.Telemetry;

/// <summary>Metrics from the <c>PostPurchase</c> meter and ASP.NET Core; printed to the console in Development; structured logs.</summary>
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
            if (development)
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
