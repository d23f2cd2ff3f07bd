using PostPurchase.Infrastructure.Runtime;

namespace PostPurchase.Infrastructure.Tests.Runtime;

public sealed class SweepScheduleTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Note_EarlierThanEveryTimeNoted_CompletesTheWaitTaken()
    {
        var schedule = new SweepSchedule();
        schedule.Note(Noon.AddMinutes(5));
        var waiting = schedule.EarlierNoted;

        schedule.Note(Noon.AddSeconds(5));

        Assert.True(waiting.IsCompleted);
        Assert.False(schedule.EarlierNoted.IsCompleted);
        Assert.Equal(Noon.AddSeconds(5), schedule.Earliest);
    }

    [Fact]
    public void Note_LaterThanTheEarliest_LeavesTheWaitPending()
    {
        var schedule = new SweepSchedule();
        schedule.Note(Noon.AddSeconds(5));
        var waiting = schedule.EarlierNoted;

        schedule.Note(Noon.AddMinutes(5));

        Assert.False(waiting.IsCompleted);
        Assert.Equal(Noon.AddSeconds(5), schedule.Earliest);
    }

    [Fact]
    public void Note_NothingNotedBefore_CompletesTheWaitTaken()
    {
        var schedule = new SweepSchedule();
        var waiting = schedule.EarlierNoted;

        schedule.Note(Noon);

        Assert.True(waiting.IsCompleted);
    }
}
