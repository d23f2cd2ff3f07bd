using System.Text;

namespace PostPurchase.Testing.Hostile;

/// <summary>One request a hostile or broken client sends: a public route, a body of any bytes, a content type and a credential.</summary>
public sealed record HostileRequest(string Method, string Path, string BodyKind, byte[] Body, string? ContentType, Credential Credential)
{
    /// <summary>The HTTP request, signed or keyed for its route by <see cref="HostileSigner"/> with <paramref name="secrets"/> against the URL the runtime sees.</summary>
    public HttpRequestMessage ToHttp(Uri root, HostileSecrets secrets)
    {
        var path = HostileSigner.WithQueryCredential(this, secrets);
        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(root, path));
        if (Method != "GET")
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }
        foreach (var (name, value) in HostileSigner.Headers(this, request.RequestUri!, secrets))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    /// <summary>Short enough to read in a shrunk failure: the route, the kind of body, its size and first bytes, the credential.</summary>
    public override string ToString()
    {
        var head = Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 120));
        return $"{Method} {Path} [{ContentType}] {Credential} {BodyKind} ({Body.Length} bytes) '{head}'";
    }
}
