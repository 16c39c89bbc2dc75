using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.BackgroundJobs;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.IntegrationTests.DataProtection;

/// <summary>
/// The retention schedule applied to generated old records (issue 19, item 1; docs/decisions/0120): a dry run that
/// counts and removes nothing, then a real run in small batches, the counts recorded, the referrer of a draft reminded
/// once, and the audit trail opened only through its one narrow path.
/// </summary>
public sealed class RetentionTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_dry_run_counts_and_removes_nothing_then_a_real_run_removes_each_kind_due_in_batches_and_records_the_counts()
    {
        var world = await SeedAsync();

        (await Job(dryRun: true).RunAsync(CancellationToken.None)).Any.ShouldBeFalse();
        (await App.AuditAsync()).Single(e => e.Action == RetentionSweep.DryRun).Detail.ShouldBe(
            "Draft referrals to delete: 2; Draft referrals whose referrer is reminded: 1; Cases closed with no further action: 0; " +
            "Cases stepped down to early help: 0; Early help requests the hub has closed: 0; Cases handed to social care: 0; " +
            "Information requests: 0; Attachments to referrals and answers: 0; Audit events: 3; E-mails sent or given up: 2; " +
            "Deactivated accounts to erase: 0");
        (await CountsAsync()).ShouldBe((4, 5, 3));

        var done = await Job(dryRun: false, batchSize: 1).RunAsync(CancellationToken.None);

        done.ShouldBe(new RetentionBatch(1, 2, 2, 3));
        (await CountsAsync()).ShouldBe((2, 4, 0), "the fresh and reminded drafts, the recent e-mails and the reminder remain");
        var drafts = await App.ExecuteDbContextAsync(db => db.Referrals.Where(r => r.Status == ReferralStatus.Draft).Select(r => r.Id)
            .ToListAsync());
        drafts.ShouldBe([world.Fresh, world.Reminded], ignoreOrder: true);
        var reminder = await App.ExecuteDbContextAsync(db =>
            db.OutboxMessages.SingleAsync(m => m.Template == EmailTemplate.DraftRetentionReminder.Name));
        (reminder.Recipient, reminder.Link).ShouldBe(("teacher@school.test", $"/referrals/draft/{world.Reminded}"));
        var audit = await App.AuditAsync();
        audit.Single(e => e.Action == RetentionSweep.Applied).Detail
            .ShouldBe("1 draft(s) reminded, 2 draft(s) deleted, 2 e-mail(s), 3 audit event(s), 0 attachment(s), 0 account(s) erased, " +
                "0 closed case(s) and early help request(s), 0 information request(s)");
        audit.ShouldNotContain(e => e.OccurredAt < TestClock.UtcNow.AddYears(-6));

        (await Job(dryRun: false).RunAsync(CancellationToken.None)).Any.ShouldBeFalse("a draft is reminded once");
    }

    [Fact]
    public async Task Attachments_of_long_closed_cases_are_removed_and_accounts_deactivated_long_ago_are_erased()
    {
        var team = await App.MashTeamAsync();
        var old = await App.AddCaseAsync(team,
            new CaseSeed(TestClock.UtcNow.AddYears(-7)) { AssignedTo = team.Practitioner, CloseAtContact = true });
        var recent = await App.AddCaseAsync(team,
            new CaseSeed(TestClock.UtcNow.AddMonths(-2)) { AssignedTo = team.Practitioner, CloseAtContact = true });
        var gone = await App.CreateUserAsync("gone@school.test", team.School, PortalRole.Referrer);
        var left = await App.CreateUserAsync("left@school.test", team.School, PortalRole.Referrer);
        await App.ExecuteDbContextAsync(async db =>
        {
            foreach (var referralId in new[] { old.ReferralId, recent.ReferralId })
            {
                var attachment = new ReferralAttachment
                {
                    ReferralId = referralId, Kind = AttachmentKind.Other, Description = "Chronology", FileName = "chronology.pdf",
                    ContentType = "application/pdf", SizeBytes = 4, UploadedAt = TestClock.UtcNow.AddYears(-7),
                };
                db.ReferralAttachments.Add(attachment);
                db.AttachmentContents.Add(new AttachmentContent { AttachmentId = attachment.Id, Bytes = "%PDF"u8.ToArray() });
            }

            foreach (var (user, months) in new[] { (gone, 13), (left, 1) })
            {
                await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
                db.AuditEvents.Add(new AuditEvent
                {
                    OccurredAt = TestClock.UtcNow.AddMonths(-months), Action = AccountEvents.Deactivated,
                    SubjectType = nameof(PortalUser), SubjectId = user.Id.ToString(),
                });
            }

            await db.SaveChangesAsync();
        });

        await Job(dryRun: true).RunAsync(CancellationToken.None);
        var dryRun = (await App.AuditAsync()).Single(e => e.Action == RetentionSweep.DryRun).Detail.ShouldNotBeNull();
        dryRun.ShouldContain("Attachments to referrals and answers: 1");
        dryRun.ShouldContain("Deactivated accounts to erase: 1");
        (await App.ExecuteDbContextAsync(db => db.ReferralAttachments.CountAsync())).ShouldBe(2);

        var done = await Job(dryRun: false, batchSize: 1).RunAsync(CancellationToken.None);

        (done.Attachments, done.AccountsErased).ShouldBe((1, 1));
        (await App.ExecuteDbContextAsync(db => db.ReferralAttachments.Select(a => a.ReferralId).ToListAsync()))
            .ShouldBe([recent.ReferralId]);
        (await App.ExecuteDbContextAsync(db => db.AttachmentContents.CountAsync())).ShouldBe(1);
        var users = await App.ExecuteDbContextAsync(db => db.Users.AsNoTracking()
            .Where(u => u.Id == gone.Id || u.Id == left.Id).ToDictionaryAsync(u => u.Id));
        users[gone.Id].ErasedAt.ShouldNotBeNull();
        users[gone.Id].Email.ShouldBe($"erased-{gone.Id:N}@erased.invalid");
        users[left.Id].ErasedAt.ShouldBeNull();
        users[left.Id].Email.ShouldBe("left@school.test");
        (await App.AuditAsync()).ShouldContain(e => e.Action == AccountEvents.PersonalDataErased && e.SubjectId == gone.Id.ToString()
            && e.Detail == "By the retention schedule");
    }

    [Fact]
    public async Task The_audit_trail_stays_append_only_for_the_app_and_its_narrow_path_keeps_at_least_a_year()
    {
        await SeedAsync();
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        await using (var flag = new NpgsqlCommand("SELECT set_config('thresholdportal.retention', 'audit-events', true)", connection))
        {
            await flag.ExecuteScalarAsync();
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM \"AuditEvents\"", connection))
        {
            (await Should.ThrowAsync<PostgresException>(() => delete.ExecuteNonQueryAsync())).SqlState.ShouldBe("42501");
        }

        await transaction.RollbackAsync();
        await using var tooRecent = new NpgsqlCommand("SELECT retention_remove_audit_events(@cutoff, 100)", connection);
        tooRecent.Parameters.AddWithValue("cutoff", TestClock.UtcNow.AddMonths(-6));
        (await Should.ThrowAsync<PostgresException>(() => tooRecent.ExecuteScalarAsync())).MessageText
            .ShouldBe("audit events are kept for at least a year");
        (await App.ExecuteDbContextAsync(db => db.AuditEvents.CountAsync(e => e.OccurredAt < TestClock.UtcNow.AddYears(-6)))).ShouldBe(3);
    }

    [Fact]
    public async Task An_administrator_changes_a_rule_as_an_audited_settings_version_and_sees_the_dry_run_counts_change()
    {
        await SeedAsync();
        var (admin, administrator, _) = await App.SignInAsAdministratorAsync();
        (await DueOnPageAsync(admin)).ShouldContain("Draft referrals to delete 2");

        var refused = await Forms.PostAsync(admin, Page, Schedule(draftDays: "7", reminderDays: "7"));
        Forms.ErrorSummary(await refused.Content.ReadAsStringAsync()).ShouldContain("The reminder must come before the draft is deleted");
        var tooShort = await Forms.PostAsync(admin, Page, Schedule(auditMonths: "6"));
        Forms.ErrorSummary(await tooShort.Content.ReadAsStringAsync()).ShouldContain("Audit events: enter from 12 to 300 months");
        (await App.ExecuteDbContextAsync(db => db.MashSettingsVersions.CountAsync())).ShouldBe(1, "nothing stored from a refused form");

        var saved = await Forms.PostAsync(admin, Page, Schedule(draftDays: "20", reminderDays: "5"));

        saved.Headers.Location!.ToString().ShouldBe(Page);
        var newest = await App.ExecuteDbContextAsync(db => db.MashSettingsVersions.AsNoTracking().OrderBy(v => v.Version).LastAsync());
        newest.Retention.ShouldNotBeNull().DraftReferralDays.ShouldBe(20);
        newest.Changes.ShouldContain("Retention of draft referrals, after their last change from 30 days (reminder 7 days before) " +
            "to 20 days (reminder 5 days before)");
        (await App.AuditAsync()).ShouldContain(e => e.Action == ConfigurationEvents.MashSettingsChanged && e.UserId == administrator.Id);
        var due = await DueOnPageAsync(admin);
        due.ShouldContain("Draft referrals to delete 3");
        due.ShouldContain("Draft referrals whose referrer is reminded 0");
    }

    private const string Page = "/admin/configuration/mash-settings/retention";

    private static async Task<string> DueOnPageAsync(HttpClient admin)
    {
        var html = await admin.GetStringAsync(Page);
        var table = html[html.IndexOf("id=\"retention-due\"", StringComparison.Ordinal)..];
        return MashTestData.Text(table[..table.IndexOf("</table>", StringComparison.Ordinal)]);
    }

    private static Dictionary<string, string> Schedule(string draftDays = "30", string reminderDays = "7", string auditMonths = "72") =>
        new()
    {
        ["Data.BasedOnVersion"] = "1", ["Data.Reason"] = "Agreed with the data protection officer.",
        ["Data.DraftReferralDays"] = draftDays, ["Data.DraftReminderDays"] = reminderDays,
        ["Data.ClosedNoFurtherActionMonths"] = "72", ["Data.ClosedStepDownMonths"] = "72", ["Data.ClosedStatutoryMonths"] = "72",
        ["Data.InformationRequestMonths"] = "72", ["Data.AttachmentMonths"] = "72", ["Data.AuditEventMonths"] = auditMonths,
        ["Data.OutboxMessageDays"] = "30", ["Data.AccountMonths"] = "12",
    };

    private RetentionJob Job(bool dryRun, int batchSize = 500) => new(App.Services.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(new RetentionOptions { DryRun = dryRun, BatchSize = batchSize }), TestClock.Instance,
        NullLogger<RetentionJob>.Instance);

    /// <summary>Drafts, outbox messages, and audit events older than 6 years.</summary>
    private Task<(int Drafts, int Emails, int OldAuditEvents)> CountsAsync() => App.ExecuteDbContextAsync(async db => (
        await db.Referrals.CountAsync(r => r.Status == ReferralStatus.Draft), await db.OutboxMessages.CountAsync(),
        await db.AuditEvents.CountAsync(e => e.OccurredAt < TestClock.UtcNow.AddYears(-6))));

    /// <summary>
    /// Four drafts: two unchanged for 40 days (due), one for 25 (its referrer due a reminder), one changed yesterday; five
    /// e-mails, two sent 40 days ago; three audit events 7 years old among the recent ones.
    /// </summary>
    private async Task<(Guid Fresh, Guid Reminded)> SeedAsync()
    {
        var school = await App.CreateOrganisationAsync("Hilltop School", Domain.Organisations.OrganisationKind.School, "school.test");
        await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);
        var referrer = await App.SignInAsync("teacher@school.test");
        var drafts = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var journey = new ReferralJourney(referrer);
            drafts.Add(await journey.StartAsync());
        }

        foreach (var (draft, days) in drafts.Zip([40, 40, 25, 1]))
        {
            await App.ExecuteDbContextAsync(db => db.Referrals.Where(r => r.Id == draft)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.UpdatedAt, TestClock.UtcNow.AddDays(-days))));
        }

        await App.ExecuteDbContextAsync(async db =>
        {
            db.OutboxMessages.RemoveRange(db.OutboxMessages);
            foreach (var days in new[] { 40, 40, 2, 1 })
            {
                var at = TestClock.UtcNow.AddDays(-days);
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Recipient = "someone@school.test", Template = EmailTemplate.FeedbackReady.Name, Link = "/referrals", CreatedAt = at,
                    NextAttemptAt = at, SentAt = at,
                });
            }

            db.OutboxMessages.Add(new OutboxMessage
            {
                Recipient = "someone@school.test", Template = EmailTemplate.FeedbackReady.Name, Link = "/referrals",
                CreatedAt = TestClock.UtcNow, NextAttemptAt = TestClock.UtcNow,
            });
            for (var i = 0; i < 3; i++)
            {
                db.AuditEvents.Add(new AuditEvent
                {
                    OccurredAt = TestClock.UtcNow.AddYears(-7).AddDays(i), Action = CaseEvents.Viewed, SubjectType = CaseEvents.SubjectType,
                    SubjectId = Guid.NewGuid().ToString(),
                });
            }

            await db.SaveChangesAsync();
        });
        return (drafts[3], drafts[2]);
    }
}
