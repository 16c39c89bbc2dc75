using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.UnitTests.Thresholds;

public sealed class ThresholdDocumentPublicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void A_new_draft_is_a_copy_of_the_current_version_that_can_change_without_touching_it()
    {
        var current = TestDocuments.Small();

        var draft = current.NewDraft(2, Now);
        draft.Indicators.Single(i => i.Code == "health-1a").Text = "Changed in the draft";
        draft.Describe(ThresholdLevel.Targeted).Name = "Complex needs";

        (draft.Status, draft.Version, draft.Key).ShouldBe((ThresholdDocumentStatus.Draft, 2, current.Key));
        draft.Id.ShouldNotBe(current.Id);
        draft.Indicators.Select(i => i.Code).ShouldBe(current.Indicators.Select(i => i.Code));
        current.FindIndicator("health-1a")!.Text.ShouldBe("Indicator health-1a");
        current.Describe(ThresholdLevel.Targeted).Name.ShouldBe("Targeted");
    }

    [Fact]
    public void A_valid_draft_is_published_today_and_the_version_it_replaces_is_retired()
    {
        var current = TestDocuments.Small();
        var draft = current.NewDraft(2, Now);

        ThresholdDocumentPublication.Problems(draft).ShouldBeEmpty();
        ThresholdDocumentPublication.Publish(draft, current, Today);

        (draft.Status, draft.PublishedOn).ShouldBe((ThresholdDocumentStatus.Published, Today));
        current.Status.ShouldBe(ThresholdDocumentStatus.Retired);
    }

    [Fact]
    public void A_draft_without_an_indicator_at_a_level_is_refused_with_the_reason()
    {
        var current = TestDocuments.Small();
        var draft = current.NewDraft(2, Now);
        draft.Indicators.RemoveAll(i => i.Level == ThresholdLevel.Specialist);

        ThresholdDocumentPublication.Problems(draft).ShouldBe(["no indicator at Level 4"]);
        Should.Throw<InvalidOperationException>(() => ThresholdDocumentPublication.Publish(draft, current, Today));
        (draft.Status, current.Status).ShouldBe((ThresholdDocumentStatus.Draft, ThresholdDocumentStatus.Published));
    }

    [Fact]
    public void Duplicated_codes_unknown_sub_domains_and_empty_text_are_refused()
    {
        var draft = TestDocuments.Small().NewDraft(2, Now);
        draft.Indicators.Add(new ThresholdIndicator { Code = "care-3a", Level = ThresholdLevel.Targeted, SubDomainCode = "care",
            Text = "Twice", Order = 20 });
        draft.Indicators.Add(new ThresholdIndicator { Code = "school-2a", Level = ThresholdLevel.EarlyHelp, SubDomainCode = "school",
            Text = "Nowhere", Order = 21 });
        draft.Indicators.Add(new ThresholdIndicator { Code = "care-2z", Level = ThresholdLevel.EarlyHelp, SubDomainCode = "care",
            Text = " ", Order = 22 });

        ThresholdDocumentPublication.Problems(draft).ShouldBe(
        [
            "indicator care-3a appears more than once",
            "indicator school-2a names an unknown sub-domain school",
            "indicator care-2z needs a code and text within their length limits",
        ]);
    }

    [Fact]
    public void Only_a_draft_can_be_published()
    {
        var published = TestDocuments.Small();

        ThresholdDocumentPublication.Problems(published).ShouldBe(["only a draft can be published"]);
        Should.Throw<InvalidOperationException>(() => ThresholdDocumentPublication.Publish(published, null, Today));
    }

    [Fact]
    public void A_draft_cannot_replace_a_version_that_is_not_the_published_one()
    {
        var retired = TestDocuments.Small();
        retired.Status = ThresholdDocumentStatus.Retired;
        var draft = retired.NewDraft(2, Now);

        Should.Throw<InvalidOperationException>(() => ThresholdDocumentPublication.Publish(draft, retired, Today));
        draft.Status.ShouldBe(ThresholdDocumentStatus.Draft);
    }
}
