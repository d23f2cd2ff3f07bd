using System.Diagnostics;
using System.Reflection;

namespace PostPurchase.Functions.Tests.Deployment;

/// <summary>Compiles a Bicep file of the repository's <c>infra/</c> to ARM JSON with the Bicep CLI restored from NuGet.</summary>
internal static class BicepTemplate
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>The ARM JSON of <paramref name="relativePath"/> (e.g. <c>infra/main.bicep</c>), as text.</summary>
    public static async Task<string> BuildAsync(string relativePath)
    {
        var bicep = typeof(BicepTemplate).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepCli")?.Value;
        if (!OperatingSystem.IsLinux() || string.IsNullOrEmpty(bicep) || !File.Exists(bicep))
        {
            throw new InvalidOperationException($"The Bicep CLI is not at '{bicep}': this test runs on Linux x64 with the test project restored (Azure.Bicep.CommandLine.linux-x64), as scripts/lint-infra.sh does.");
        }
        File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute);
        var file = Path.Combine(RepositoryRoot(), relativePath);
        using var process = Process.Start(new ProcessStartInfo(bicep, ["build", file, "--stdout"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("The Bicep CLI did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(patience.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build {relativePath} failed ({process.ExitCode}): {await errors}");
        }
        return await output;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "infra", "main.bicep")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No infra/main.bicep above {AppContext.BaseDirectory}.");
    }
}
