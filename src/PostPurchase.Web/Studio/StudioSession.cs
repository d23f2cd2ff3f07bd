using System.Security.Cryptography;
using System.Text;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Web.Endpoints;
using PostPurchase.Web.Pages.Dashboard;

namespace PostPurchase.Web.Studio;

/// <summary>What every studio handler needs from the request: the dashboard sign-in and anti-forgery, the settings, who is saving.</summary>
internal sealed class StudioSession
{
    private StudioSession(HttpContext http)
    {
        Http = http;
        Dash = ActivatorUtilities.CreateInstance<DashboardEndpoints.DashServices>(http.RequestServices);
        Settings = http.RequestServices.GetRequiredService<IStudioSettings>();
    }

    public HttpContext Http { get; }

    public DashboardEndpoints.DashServices Dash { get; }

    public IStudioSettings Settings { get; }

    public CancellationToken Aborted => Http.RequestAborted;

    public static StudioSession For(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new StudioSession(http);
    }

    /// <summary>Null when signed in; else the redirect to sign-in.</summary>
    public IResult? Challenge() => Dash.Challenge(Http);

    /// <summary>Null when the POST is signed in and carries the anti-forgery token; else 401 or 400.</summary>
    public Task<IResult?> RejectPostAsync() => Dash.RejectPostAsync(Http);

    public DashboardChrome Chrome() => Dash.Chrome(Http);

    public IResult Page(string html, int status = StatusCodes.Status200OK) => Dash.Page(Http, html, status);

    /// <summary>Who saves: the name typed in the form, with the API key's fingerprint (never the key).</summary>
    public string Who(string? name)
    {
        var key = Dash.Options.Value.ApiKey ?? "";
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
        var clean = new string((name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length == 0 ? $"API key {fingerprint}" : $"{(clean.Length > 60 ? clean[..60] : clean)} (API key {fingerprint})";
    }

    public async Task<IFormCollection> FormAsync() => await Http.Request.ReadFormAsync(Aborted).ConfigureAwait(false);
}
