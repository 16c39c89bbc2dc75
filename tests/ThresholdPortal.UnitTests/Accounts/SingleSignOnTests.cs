using ThresholdPortal.Domain.Accounts;

namespace ThresholdPortal.UnitTests.Accounts;

public sealed class SingleSignOnTests
{
    private static readonly Guid Council = Guid.NewGuid();
    private static readonly Guid School = Guid.NewGuid();

    private static ProviderAssertion Assertion(
        string subject = "sub-1", string? email = "sam.ward@northshire.gov.uk", bool verified = true, string[]? amr = null,
        string[]? groups = null) =>
        new(subject, email, verified, amr ?? ["pwd"], groups ?? []);

    private static SingleSignOnAccount Account(
        Guid? organisation = null, bool active = true, bool erased = false, bool awaitingApproval = false, string? linked = null) =>
        new(Guid.NewGuid(), organisation ?? Council, active, erased, awaitingApproval, linked);

    [Fact]
    public void A_first_sign_in_links_the_account_with_the_verified_address()
    {
        var account = Account();
        SingleSignOn.Decide(Assertion(), Council, bySubject: null, byEmail: account)
            .ShouldBe(new SingleSignOnDecision.Admitted(account.Id, LinkNow: true));
    }

    [Fact]
    public void A_later_sign_in_follows_the_link_not_the_address()
    {
        var linked = Account(linked: "sub-1");
        var other = Account();
        SingleSignOn.Decide(Assertion(email: "changed@northshire.gov.uk"), Council, linked, other)
            .ShouldBe(new SingleSignOnDecision.Admitted(linked.Id, LinkNow: false));
    }

    [Fact]
    public void An_account_already_linked_at_the_same_subject_is_not_linked_again()
    {
        var account = Account(linked: "sub-1");
        SingleSignOn.Decide(Assertion(), Council, bySubject: null, byEmail: account)
            .ShouldBe(new SingleSignOnDecision.Admitted(account.Id, LinkNow: false));
    }

    [Theory]
    [InlineData(false, "sam.ward@northshire.gov.uk")]
    [InlineData(true, null)]
    [InlineData(true, " ")]
    public void An_unverified_or_missing_address_is_refused(bool verified, string? email) =>
        SingleSignOn.Decide(Assertion(email: email, verified: verified), Council, null, Account())
            .ShouldBe(new SingleSignOnDecision.Refused(SingleSignOnRefusal.EmailNotVerified));

    [Fact]
    public void An_unknown_address_is_refused_and_no_account_is_made() =>
        SingleSignOn.Decide(Assertion(), Council, null, null)
            .ShouldBe(new SingleSignOnDecision.Refused(SingleSignOnRefusal.UnknownAccount));

    public static TheoryData<SingleSignOnAccount, SingleSignOnRefusal> Unusable => new()
    {
        { Account(active: false), SingleSignOnRefusal.Deactivated },
        { Account(active: false, erased: true), SingleSignOnRefusal.Erased },
        { Account(awaitingApproval: true), SingleSignOnRefusal.AwaitingApproval },
        { Account(organisation: School), SingleSignOnRefusal.OtherOrganisation },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void An_account_that_cannot_sign_in_is_refused_by_address(SingleSignOnAccount account, SingleSignOnRefusal reason) =>
        SingleSignOn.Decide(Assertion(), Council, null, account).ShouldBe(new SingleSignOnDecision.Refused(reason));

    [Theory]
    [MemberData(nameof(Unusable))]
    public void A_linked_account_that_cannot_sign_in_is_refused_too(SingleSignOnAccount account, SingleSignOnRefusal reason) =>
        SingleSignOn.Decide(Assertion(), Council, account with { LinkedSubject = "sub-1" }, null)
            .ShouldBe(new SingleSignOnDecision.Refused(reason));

    [Fact]
    public void An_account_linked_to_another_subject_is_refused() =>
        SingleSignOn.Decide(Assertion(), Council, null, Account(linked: "sub-2"))
            .ShouldBe(new SingleSignOnDecision.Refused(SingleSignOnRefusal.LinkedToSomeoneElse));

    [Theory]
    [InlineData(true, true, new[] { "pwd", "mfa" }, false)]
    [InlineData(true, true, new[] { "pwd" }, true)]
    [InlineData(true, false, new[] { "pwd", "mfa" }, true)]
    [InlineData(false, true, new[] { "pwd" }, false)]
    [InlineData(true, true, new[] { "MFA" }, true)]
    public void The_portal_second_factor_is_skipped_only_on_a_trusted_mfa_assertion(
        bool rolesRequire, bool acceptProvider, string[] amr, bool owed) =>
        SingleSignOn.PortalSecondFactorOwed(rolesRequire, acceptProvider, Assertion(amr: amr)).ShouldBe(owed);

    [Fact]
    public void Mapped_groups_grant_and_take_away_only_the_roles_they_govern()
    {
        var mapping = new Dictionary<string, string>
        {
            ["mash-practitioners"] = PortalRole.MashPractitioner,
            ["mash-managers"] = PortalRole.MashManager,
            ["anything"] = "NotARole",
        };

        var changes = SingleSignOn.RoleChangesFor(
            mapping, ["mash-practitioners", "anything"], [PortalRole.MashManager, PortalRole.Auditor]);

        changes.Granted.ShouldBe([PortalRole.MashPractitioner]);
        changes.Removed.ShouldBe([PortalRole.MashManager]);
        changes.Any.ShouldBeTrue();
    }

    [Fact]
    public void No_mapping_changes_no_role() =>
        SingleSignOn.RoleChangesFor(new Dictionary<string, string>(), ["mash-managers"], [PortalRole.Referrer]).Any.ShouldBeFalse();

    [Fact]
    public void Roles_already_matching_the_groups_are_left_alone() =>
        SingleSignOn.RoleChangesFor(
                new Dictionary<string, string> { ["mash-practitioners"] = PortalRole.MashPractitioner },
                ["mash-practitioners"], [PortalRole.MashPractitioner])
            .Any.ShouldBeFalse();
}
