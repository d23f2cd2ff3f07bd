namespace PostPurchase.Faults.Rig;

/// <summary>Messages by what the merchant sees: retrying (pending with the last error shown), waiting, failed, sent.</summary>
internal sealed class MessageCounts
{
    private long _retrying, _waiting, _failed, _failedSilently, _sent, _delivered, _unread;

    public long Retrying => Interlocked.Read(ref _retrying);

    public long Waiting => Interlocked.Read(ref _waiting);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Failed messages shown without any error: a failure the merchant cannot act on.</summary>
    public long FailedSilently => Interlocked.Read(ref _failedSilently);

    public long Sent => Interlocked.Read(ref _sent);

    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Orders whose messages could not be read.</summary>
    public long Unread => Interlocked.Read(ref _unread);

    public void Add(int retrying = 0, int waiting = 0, int failed = 0, int failedSilently = 0, int sent = 0, int delivered = 0, int unread = 0)
    {
        Interlocked.Add(ref _retrying, retrying);
        Interlocked.Add(ref _waiting, waiting);
        Interlocked.Add(ref _failed, failed);
        Interlocked.Add(ref _failedSilently, failedSilently);
        Interlocked.Add(ref _sent, sent);
        Interlocked.Add(ref _delivered, delivered);
        Interlocked.Add(ref _unread, unread);
    }

    public override string ToString() => $"retrying {Retrying}, waiting {Waiting}, failed {Failed}, sent {Sent}";
}
