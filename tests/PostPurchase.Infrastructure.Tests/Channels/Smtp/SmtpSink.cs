using System.Diagnostics;
using MimeKit;

namespace PostPurchase.Infrastructure.Tests.Channels.Smtp;

/// <summary>
/// A real SMTP server (tests/support/smtp-sink.js, the npm package smtp-server) on a free loopback port,
/// writing every received message to a temporary folder; stopped and removed on dispose.
/// </summary>
internal sealed class SmtpSink : IDisposable
{
    private readonly Process _process;

    private SmtpSink(Process process, string folder, int port)
    {
        _process = process;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync(string? user = null, string? password = null)
    {
        var root = RepositoryRoot();
        var script = Path.Combine(root, "tests", "support", "smtp-sink.js");
        if (!Directory.Exists(Path.Combine(root, "node_modules", "smtp-server")))
        {
            throw new InvalidOperationException("The npm package smtp-server is missing: run `npm ci` at the repository root.");
        }
        var folder = Directory.CreateTempSubdirectory("postpurchase-smtp-").FullName;
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(folder);
        if (user is not null)
        {
            start.Environment["SMTP_SINK_USER"] = user;
            start.Environment["SMTP_SINK_PASSWORD"] = password ?? "";
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"smtp-sink exited: {await process.StandardError.ReadToEndAsync(timeout.Token)}");
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                return new SmtpSink(process, folder, int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<string> Files => Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).ToList();

    public MimeMessage Single()
    {
        var file = Assert.Single(Files);
        return MimeMessage.Load(file);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "tests", "support", "smtp-sink.js")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("tests/support/smtp-sink.js not found above the test output folder.");
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(Folder, recursive: true);
        }
    }
}
