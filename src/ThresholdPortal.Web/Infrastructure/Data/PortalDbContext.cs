using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ThresholdPortal.Domain.Audits;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Referrals.Quality;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>
/// The one EF Core context. Handlers use it directly (no repositories, see docs/decisions/0003).
/// Entity mappings live in <c>IEntityTypeConfiguration</c> classes beside this file.
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    private PublishedDocuments? published;

    /// <summary>
    /// The app's threshold document versions, read once each: the app's own singleton, found through the application's
    /// services (a pooled context takes nothing but its options, docs/decisions/0149); a context made outside the app gets
    /// its own.
    /// </summary>
    public PublishedDocuments PublishedDocuments => published ??=
        options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<PublishedDocuments>() ?? new();

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<ThresholdDocument> ThresholdDocuments => Set<ThresholdDocument>();
    public DbSet<IndicatorSuggestionResponse> IndicatorSuggestionResponses => Set<IndicatorSuggestionResponse>();
    public DbSet<EarlyHelpService> EarlyHelpServices => Set<EarlyHelpService>();
    public DbSet<GlossaryEntry> GlossaryTerms => Set<GlossaryEntry>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<ReferralChild> ReferralChildren => Set<ReferralChild>();
    public DbSet<SignificantAdult> ReferralAdults => Set<SignificantAdult>();
    public DbSet<ReferralAttachment> ReferralAttachments => Set<ReferralAttachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();
    public DbSet<Mediation.IdempotencyKey> IdempotencyKeys => Set<Mediation.IdempotencyKey>();

    // Triage (issue 4): the MASH's work on each referral, and the people it knows.
    public DbSet<MashCase> MashCases => Set<MashCase>();
    public DbSet<MashSettingsVersion> MashSettingsVersions => Set<MashSettingsVersion>();
    public DbSet<BragRatingChange> MashCaseRatings => Set<BragRatingChange>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<PersonLink> PersonLinks => Set<PersonLink>();

    // Information requests (issue 5): the agency checklist, requests to partner agencies and their responses.
    public DbSet<PartnerAgency> PartnerAgencies => Set<PartnerAgency>();
    public DbSet<InformationRequest> InformationRequests => Set<InformationRequest>();
    public DbSet<RequestSubject> InformationRequestSubjects => Set<RequestSubject>();
    public DbSet<InformationResponse> InformationResponses => Set<InformationResponse>();
    public DbSet<ResponseAttachment> InformationResponseAttachments => Set<ResponseAttachment>();
    public DbSet<ResponseAttachmentContent> InformationResponseAttachmentContents => Set<ResponseAttachmentContent>();
    public DbSet<AgencyNotNeeded> AgencyChecksNotNeeded => Set<AgencyNotNeeded>();

    // Decisions (issue 6): proposals and sign-off, feedback to the referrer, escalations.
    public DbSet<CaseDecision> CaseDecisions => Set<CaseDecision>();
    public DbSet<ReferrerFeedback> ReferrerFeedback => Set<ReferrerFeedback>();
    public DbSet<Escalation> Escalations => Set<Escalation>();
    public DbSet<EarlyHelpStepDown> EarlyHelpStepDowns => Set<EarlyHelpStepDown>();
    public DbSet<EarlyHelpCase> EarlyHelpCases => Set<EarlyHelpCase>();
    public DbSet<LeadProfessional> LeadProfessionals => Set<LeadProfessional>();

    // Case audits (issue 7): samples drawn from closed cases and the auditors' judgements.
    public DbSet<CaseAudit> CaseAudits => Set<CaseAudit>();
    public DbSet<AuditedCase> AuditedCases => Set<AuditedCase>();

    // Partner systems (issue 21).
    public DbSet<Features.ApiClients.ApiClient> ApiClients => Set<Features.ApiClients.ApiClient>();
    public DbSet<Features.ApiClients.ApiClientSecret> ApiClientSecrets => Set<Features.ApiClients.ApiClientSecret>();
    public DbSet<Features.ApiClients.ApiRequestCount> ApiRequestCounts => Set<Features.ApiClients.ApiRequestCount>();
    public DbSet<Features.ApiClients.ApiEvent> ApiEvents => Set<Features.ApiClients.ApiEvent>();
    public DbSet<Features.ApiClients.WebhookDelivery> WebhookDeliveries => Set<Features.ApiClients.WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        builder.HasSequence<long>(ReferralConfiguration.ReferenceSequence);
        builder.HasPostgresExtension("pg_trgm"); // Triage (issue 4): similarity search on known people's names.
        builder.HasPostgresExtension("btree_gist"); // Matching (issue 18): GiST indexes keyed on a name word, then trigrams.
    }
}
