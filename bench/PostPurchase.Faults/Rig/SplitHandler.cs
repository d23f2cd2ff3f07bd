namespace PostPurchase.Faults.Rig;

/// <summary>
/// Spreads the shops' and carriers' requests over two runtimes, as a load balancer in front of two Hosts would: each request
/// goes to one of them at random, and a share goes to both at once (a retry that reached the other instance, a webhook
/// delivered twice). A request sent to both is acknowledged only when both acknowledged it, so the sender repeats it otherwise.
/// </summary>
internal sealed class SplitHandler(Uri first, Uri second, double bothShare, int seed) : DelegatingHandler(new SocketsHttpHandler
{
    MaxConnectionsPerServer = 256,
    PooledConnectionLifetime = TimeSpan.FromSeconds(30),
})
{
    private readonly Lock _gate = new();
    private readonly Random _random = new(seed);
    private long _first;
    private long _second;
    private long _both;

    /// <summary>Requests sent to the first runtime only, to the second only, and to both.</summary>
    public (long First, long Second, long Both) Sent => (Interlocked.Read(ref _first), Interlocked.Read(ref _second), Interlocked.Read(ref _both));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        double draw;
        lock (_gate)
        {
            draw = _random.NextDouble();
        }
        if (draw < bothShare)
        {
            Interlocked.Increment(ref _both);
            var copy = await CopyAsync(request, second, cancellationToken);
            Retarget(request, first);
            var answers = await Task.WhenAll(base.SendAsync(request, cancellationToken), base.SendAsync(copy, cancellationToken));
            var refused = answers.FirstOrDefault(a => !a.IsSuccessStatusCode);
            var kept = refused ?? answers[0];
            foreach (var answer in answers.Where(a => a != kept))
            {
                answer.Dispose();
            }
            copy.Dispose();
            return kept;
        }
        var toFirst = draw < bothShare + ((1 - bothShare) / 2);
        Interlocked.Increment(ref toFirst ? ref _first : ref _second);
        Retarget(request, toFirst ? first : second);
        return await base.SendAsync(request, cancellationToken);
    }

    private static void Retarget(HttpRequestMessage request, Uri runtime) => request.RequestUri = new Uri(runtime, request.RequestUri!.PathAndQuery);

    private static async Task<HttpRequestMessage> CopyAsync(HttpRequestMessage request, Uri runtime, CancellationToken cancellationToken)
    {
        var copy = new HttpRequestMessage(request.Method, new Uri(runtime, request.RequestUri!.PathAndQuery));
        foreach (var (name, values) in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }
        if (request.Content is { } content)
        {
            copy.Content = new ByteArrayContent(await content.ReadAsByteArrayAsync(cancellationToken));
            foreach (var (name, values) in content.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }
        return copy;
    }
}
