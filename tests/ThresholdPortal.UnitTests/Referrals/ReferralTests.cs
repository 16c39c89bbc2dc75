using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.UnitTests.Thresholds;

namespace ThresholdPortal.UnitTests.Referrals;

public sealed class ReferralTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_complete_draft_is_ready_to_submit()
    {
        var progress = ReferralProgress.Of(CompleteReferral.Build());

        progress.IsReadyToSubmit.ShouldBeTrue();
        progress.Incomplete.ShouldBeEmpty();
        progress.Attachments.ShouldBe(SectionStatus.Optional);
    }

    [Fact]
    public void A_new_draft_has_every_section_still_to_do()
    {
        var progress = ReferralProgress.Of(new Referral { ReferralSourceCode = "2A" });

        progress.ThresholdLevel.ShouldBe(SectionStatus.NotStarted);
        progress.ChildrenOverall.ShouldBe(SectionStatus.CannotStartYet);
        progress.Incomplete.ShouldBe([
            ReferralSection.ThresholdLevel, ReferralSection.Children, ReferralSection.Household,
            ReferralSection.Concerns, ReferralSection.ConsentAndCommunication, ReferralSection.ReferrerDetails,
        ]);
    }

    [Fact]
    public void A_child_without_a_date_of_birth_leaves_the_children_in_progress()
    {
        var referral = CompleteReferral.Build();
        referral.Children[1].DateOfBirth = null;

        var progress = ReferralProgress.Of(referral);

        progress.ChildrenOverall.ShouldBe(SectionStatus.InProgress);
        progress.Children[1].Status.ShouldBe(SectionStatus.InProgress);
        progress.Incomplete.ShouldBe([ReferralSection.Children]);
    }

    [Fact]
    public void An_unborn_baby_needs_an_expected_date_not_a_name_or_date_of_birth()
    {
        var child = new ReferralChild { IsUnborn = true, ExpectedDate = new DateOnly(2026, 6, 1), Gender = ChildGender.NotKnown,
            AddressLine1 = "1 Mill Lane", Postcode = "NT1 1AA" };

        child.DetailsComplete.ShouldBeTrue();
        child.DisplayName.ShouldBe("Unborn baby");
    }

    [Fact]
    public void An_early_help_request_needs_the_familys_consent()
    {
        var document = TestDocuments.Small();
        var referral = CompleteReferral.Build(document);
        referral.ChooseLevel(ThresholdLevel.EarlyHelp);
        referral.ChooseEarlyHelpPathway(EarlyHelpChoice.SendEarlyHelpRequest, null);

        ReferralProgress.Of(referral).Incomplete.ShouldBe([ReferralSection.ConsentAndCommunication]);

        referral.Consent.Decision = ConsentDecision.Obtained;
        referral.Consent.SharingBasis = InformationSharingBasis.Consent;
        ReferralProgress.Of(referral).IsReadyToSubmit.ShouldBeTrue();
    }

    [Fact]
    public void Choosing_early_help_routes_the_referral_to_the_early_help_hub()
    {
        var referral = CompleteReferral.Build();
        referral.ChooseLevel(ThresholdLevel.EarlyHelp);

        referral.ChooseEarlyHelpPathway(EarlyHelpChoice.SendEarlyHelpRequest, "ignored");

        referral.Kind.ShouldBe(ReferralKind.EarlyHelpRequest);
        referral.ReasonForMashReferral.ShouldBeNull();
        referral.Kind.Queue().ShouldBe("Early Help Hub");
    }

    [Fact]
    public void Referring_to_the_mash_anyway_keeps_the_reason()
    {
        var referral = CompleteReferral.Build();
        referral.ChooseLevel(ThresholdLevel.EarlyHelp);

        referral.ChooseEarlyHelpPathway(EarlyHelpChoice.ReferToMashAnyway, "The family have refused early help twice.");

        referral.Kind.ShouldBe(ReferralKind.MashReferral);
        referral.ReasonForMashReferral.ShouldBe("The family have refused early help twice.");
    }

    [Fact]
    public void Raising_the_level_above_early_help_withdraws_an_early_help_request()
    {
        var document = TestDocuments.Small();
        var referral = CompleteReferral.Build(document);
        referral.ChooseLevel(ThresholdLevel.EarlyHelp);
        referral.ChooseEarlyHelpPathway(EarlyHelpChoice.SendEarlyHelpRequest, null);

        referral.Children[0].IndicatorCodes = ["health-4a"];
        referral.RefreshSuggestion(document);
        referral.ChooseLevel(ThresholdLevel.Specialist);

        referral.Kind.ShouldBe(ReferralKind.MashReferral);
        referral.EarlyHelpChoice.ShouldBeNull();
    }

    [Fact]
    public void A_child_protection_suggestion_sends_an_early_help_request_back_to_the_mash_whatever_level_was_chosen()
    {
        var document = TestDocuments.Small();
        var referral = CompleteReferral.Build(document);
        referral.ChooseLevel(ThresholdLevel.EarlyHelp);
        referral.ChooseEarlyHelpPathway(EarlyHelpChoice.SendEarlyHelpRequest, null);

        referral.Children[1].IndicatorCodes = ["health-4a"];
        referral.RefreshSuggestion(document);

        referral.SuggestedLevel.ShouldBe(ThresholdLevel.Specialist);
        referral.ChosenLevel.ShouldBe(ThresholdLevel.EarlyHelp);
        referral.EarlyHelpOffered.ShouldBeFalse();
        referral.Kind.ShouldBe(ReferralKind.MashReferral);
    }

    [Fact]
    public void The_early_help_pathway_cannot_be_chosen_when_it_was_not_offered()
    {
        var referral = CompleteReferral.Build();

        Should.Throw<InvalidOperationException>(() => referral.ChooseEarlyHelpPathway(EarlyHelpChoice.SendEarlyHelpRequest, null));
    }

    [Fact]
    public void Guidance_is_only_run_against_the_document_version_the_referral_started_with()
    {
        var referral = CompleteReferral.Build();

        Should.Throw<InvalidOperationException>(() => referral.RefreshSuggestion(TestDocuments.Small()));
    }

    [Fact]
    public void Ticking_fgm_as_a_concern_counts_as_a_girl_at_risk_unless_the_referrer_said_it_is_known()
    {
        var referral = CompleteReferral.Build();
        referral.Categories = [ConcernCategory.FemaleGenitalMutilation.Key];

        referral.Screening.Fgm.ShouldBe(FgmConcern.AtRisk);
        referral.Screening.FgmKnownOrSuspected.ShouldBeTrue();

        referral.Fgm = FgmConcern.Known;
        referral.Screening.Fgm.ShouldBe(FgmConcern.Known);
    }

    [Fact]
    public void Submitting_gives_the_reference_and_receipt_time_and_keeps_the_flags()
    {
        var referral = CompleteReferral.Build();
        var flag = new Domain.Referrals.Quality.QualityFlag(Domain.Referrals.Quality.QualityFlagKind.UnknownTerm,
            Domain.Referrals.Quality.AnswerField.WhatHappened, null, "Explain this term", "XYZ");

        referral.Submit("NS-2026-000001", Noon, [flag]);

        referral.Status.ShouldBe(ReferralStatus.Submitted);
        referral.Reference.ShouldBe("NS-2026-000001");
        referral.SubmittedAt.ShouldBe(Noon);
        referral.QualityFlags.ShouldHaveSingleItem().Term.ShouldBe("XYZ");
    }

    [Fact]
    public void A_referral_is_submitted_once_only()
    {
        var referral = CompleteReferral.Build();
        referral.Submit("NS-2026-000001", Noon, []);

        Should.Throw<InvalidOperationException>(() => referral.Submit("NS-2026-000002", Noon, []));
        referral.Reference.ShouldBe("NS-2026-000001");
    }

    [Fact]
    public void An_incomplete_draft_cannot_be_submitted()
    {
        var referral = CompleteReferral.Build();
        referral.Consent.Decision = null;

        Should.Throw<InvalidOperationException>(() => referral.Submit("NS-2026-000001", Noon, []));
        referral.Status.ShouldBe(ReferralStatus.Draft);
    }

    [Theory]
    [InlineData("NS", 2026, 123, "NS-2026-000123")]
    [InlineData("NS", 2027, 1234567, "NS-2027-1234567")]
    public void References_read_prefix_year_and_a_six_figure_number(string prefix, int year, long number, string expected)
    {
        var reference = ReferralReference.Format(prefix, year, number);

        reference.ShouldBe(expected);
        ReferralReference.IsWellFormed(reference).ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("NOT-A-REFERENCE")]
    [InlineData("ns-2026-000123")]
    [InlineData("NS-2026-12")]
    public void Malformed_references_are_recognised(string? reference)
    {
        ReferralReference.IsWellFormed(reference).ShouldBeFalse();
    }
}
