using System.Security.Cryptography;
using System.Text;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Web.Endpoints;
using PostPurchase.Web.Pages.Dashboard;

namespace PostPurchase.Web.Studio;

/// <summary>What every studio handler needs from the request: the dashboard's sign-in, anti-forgery and page answer, the settings, who is saving.</summary>
internal sealed class StudioSession
{
    private StudioSession(HttpContext http)
    {
        Http = http;
        Dash = new DashboardServices(http);
        Settings = http.RequestServices.GetRequiredService<IStudioSettings>();
    }

    public HttpContext Http { get; }

    public DashboardServices Dash { get; }

    public IStudioSettings Settings { get; }

    public CancellationToken Aborted => Http.RequestAborted;

    public static StudioSession For(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new StudioSession(http);
    }

    /// <summary>Null when signed in; else the redirect to sign-in.</summary>
    public IResult? Challenge() => Dash.Challenge();

    /// <summary>Null when the POST is signed in and carries the anti-forgery token; else 401 or 400.</summary>
    public Task<IResult?> RejectPostAsync() => Dash.RejectPostAsync();

    public DashboardChrome Chrome() => Dash.Chrome();

    public IResult Page(string html, int status = StatusCodes.Status200OK) => Dash.Page(html, status);

    /// <summary>Who saves: the name typed in the form, with the API key's fingerprint (never the key).</summary>
    public string Who(string? name)
    {
        var fingerprint = KeyFingerprint(Dash.Options.ApiKey);
        var clean = new string((name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length == 0 ? fingerprint : $"{(clean.Length > 60 ? clean[..60] : clean)} ({fingerprint})";
    }

    /// <summary>"API key 3f2a9c1b": the first 8 hex digits of the key's SHA-256, enough to tell keys apart in the history without revealing one.</summary>
    public static string KeyFingerprint(string? apiKey) =>
        $"API key {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey ?? "")))[..8]}";

    public async Task<IFormCollection> FormAsync() => await Http.Request.ReadFormAsync(Aborted).ConfigureAwait(false);
}
