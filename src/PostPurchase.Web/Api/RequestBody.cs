using Microsoft.AspNetCore.Http;

namespace PostPurchase.Web.Api;

/// <summary>Reads request bodies with a size limit, so both runtimes refuse oversize bodies the same way (413).</summary>
public static class RequestBody
{
    /// <summary>The largest body any PostPurchase endpoint accepts: 256 KB.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>The raw body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken, int maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
