using PostPurchase.Core.Policies;
using PostPurchase.Core.Studio;

namespace PostPurchase.Core.Tests.Studio;

public class TimingSentencesTests
{
    [Fact]
    public void FeedbackFor_SkincareWithSurvey_SaysSurveyThenReviewAndTheScores()
    {
        var policy = new TimelinePolicy { Csat = new CsatPolicy { DaysAfterDelivery = 14 } };

        var sentence = TimingSentences.FeedbackFor(28, policy);

        Assert.Equal("survey 14 days after delivery at 10:00 local time, review request 14 days later if the score is 4 or 5 or the survey is not answered.", sentence);
    }

    [Fact]
    public void FeedbackFor_ReviewDueBeforeSurvey_SaysItWaits()
    {
        var sentence = TimingSentences.FeedbackFor(1, TimelinePolicy.Default);

        Assert.Contains("review request 1 day later (not 1 day after delivery: a review request waits for the day after the survey)", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void FeedbackFor_NoSurveyWithReminder_SaysDaysAfterDeliveryAndReminder()
    {
        var policy = new TimelinePolicy { Csat = new CsatPolicy { Enabled = false }, Review = new ReviewPolicy { LocalHour = 9, ReminderAfterDays = 5 } };

        Assert.Equal("review request 7 days after delivery at 09:00 local time, and one reminder 5 days later if the link was not used.", TimingSentences.FeedbackFor(7, policy));
    }

    [Fact]
    public void Describe_Defaults_GroupsCategoriesBySameDelayAndNamesFrance()
    {
        var sentences = TimingSentences.Describe(TimelinePolicy.Default);

        Assert.StartsWith("Skincare, beauty, cosmetics: survey 2 days after delivery", sentences[0], StringComparison.Ordinal);
        Assert.Contains(sentences, s => s.StartsWith("Anything else: survey 2 days after delivery at 10:00 local time, review request 8 days later", StringComparison.Ordinal));
        Assert.Contains("FR: texts between 08:00 and 22:00, never on Sundays or public holidays.", sentences);
        Assert.Contains("At most 3 non-essential messages per buyer per day; confirmations, delivery problems, delays, cancellations and returns always go.", sentences);
    }

    [Fact]
    public void Describe_SurveyDelayPerCategory_SkincareSentenceOfTheIssue()
    {
        var policy = new TimelinePolicy
        {
            Review = new ReviewPolicy { CategoryDays = new() { ["skincare"] = 28, ["apparel"] = 7 } },
            Csat = new CsatPolicy { CategoryDays = new() { ["skincare"] = 14 } },
        };

        var sentences = TimingSentences.Describe(policy);

        Assert.Equal("Skincare: survey 14 days after delivery at 10:00 local time, review request 14 days later if the score is 4 or 5 or the survey is not answered.", sentences[0]);
        Assert.Equal("Apparel: survey 2 days after delivery at 10:00 local time, review request 5 days later if the score is 4 or 5 or the survey is not answered.", sentences[1]);
    }

    [Fact]
    public void Describe_SkuOverride_HasItsOwnSentence()
    {
        var policy = new TimelinePolicy { Review = new ReviewPolicy { SkuDays = new() { ["SERUM-30"] = 42 } } };

        Assert.Contains(TimingSentences.Describe(policy), s => s.StartsWith("SKU SERUM-30: survey 2 days after delivery at 10:00 local time, review request 40 days later", StringComparison.Ordinal));
    }
}
