using Microsoft.Extensions.Time.Testing;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Testing;

namespace PostPurchase.Infrastructure.Tests.Runtime;

/// <summary>The admission rule: refuse once inputs queue past the workers and the oldest has waited past the target; the count is a hard cap.</summary>
public sealed class EngineAdmissionTests
{
    private static readonly EngineOptions Options = new()
    {
        Render = (_, _) => throw new InvalidOperationException("Admission renders nothing."),
        Parallelism = 4,
        MaxBacklog = 100,
        AdmissionTarget = TimeSpan.FromMilliseconds(500),
    };

    private readonly FakeTimeProvider _time = new(Some.Monday);
    private readonly InputBacklog _backlog;
    private readonly EngineAdmission _admission;

    public EngineAdmissionTests()
    {
        _backlog = new InputBacklog(_time);
        _admission = new EngineAdmission(_backlog, Options);
    }

    [Fact]
    public void RetryAfter_QueueWaitingUnderTheTarget_Admits()
    {
        Queue(10);
        _time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Null(_admission.RetryAfter());
    }

    [Fact]
    public void RetryAfter_OldestWaitedPastTheTarget_RefusesForOneSecond()
    {
        Queue(10);
        _time.Advance(TimeSpan.FromMilliseconds(501));

        Assert.Equal(TimeSpan.FromSeconds(1), _admission.RetryAfter());
    }

    [Fact]
    public void RetryAfter_OldestWaitedFarPastTheTarget_RetryAfterGrowsWithTheWait()
    {
        Queue(10);
        _time.Advance(TimeSpan.FromSeconds(3.5));

        Assert.Equal(TimeSpan.FromSeconds(4), _admission.RetryAfter());
    }

    [Fact]
    public void RetryAfter_StalledStorage_RetryAfterAtMostThirtySeconds()
    {
        Queue(10);
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(TimeSpan.FromSeconds(30), _admission.RetryAfter());
    }

    [Fact]
    public void RetryAfter_OldWaitersApplied_AdmitsAgain()
    {
        var old = Queue(10);
        _time.Advance(TimeSpan.FromMilliseconds(400));
        Queue(10);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.NotNull(_admission.RetryAfter());

        foreach (var envelope in old)
        {
            _backlog.Done(envelope);
        }

        Assert.Null(_admission.RetryAfter());
    }

    [Fact]
    public void RetryAfter_SlowApplyWithNothingQueuedBehind_Admits()
    {
        // As many inputs as workers: all are being applied, none waits for a worker; a storage stall on them is no queue.
        Queue(Options.Parallelism);
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Null(_admission.RetryAfter());
    }

    [Fact]
    public void RetryAfter_BacklogAtTheHardCap_RefusesWithoutAnyWait()
    {
        Queue(Options.MaxBacklog);

        Assert.Equal(TimeSpan.FromSeconds(2), _admission.RetryAfter());
    }

    [Fact]
    public void Track_InputAlreadyCounted_KeepsTheTimeItJoined()
    {
        var envelope = Queue(1)[0];
        _time.Advance(TimeSpan.FromSeconds(2));

        _backlog.Track(envelope);

        Assert.Equal(TimeSpan.FromSeconds(2), _backlog.OldestWait());
        Assert.Equal(1, _backlog.Count);
    }

    [Fact]
    public void OldestWait_NothingWaiting_IsZero()
    {
        _backlog.Done(Queue(1)[0]);
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.Zero, _backlog.OldestWait());
        Assert.Equal(0, _backlog.Count);
    }

    private List<InputEnvelope> Queue(int count)
    {
        var envelopes = Enumerable.Range(0, count).Select(_ => InputEnvelope.For(Some.OrderId(), new CsatAnswered(5))).ToList();
        envelopes.ForEach(_backlog.Track);
        return envelopes;
    }
}
