using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Features.ApiClients;

/// <summary>What a client may do, as OAuth scopes (docs/api.md).</summary>
public static class ApiScopes
{
    /// <summary>Send referrals and read the status and feedback of the organisation's own.</summary>
    public const string ReferralsWrite = "referrals:write";

    /// <summary>Read the feed of approved decisions, hand-overs, step-downs and escalation results.</summary>
    public const string CasesRead = "cases:read";

    public static IReadOnlyList<string> All { get; } = [ReferralsWrite, CasesRead];

    public static string Describe(string scope) => scope switch
    {
        ReferralsWrite => "Send referrals, and read the status and feedback of the organisation's own",
        CasesRead => "Read decisions and their outcomes for the council's case-management system",
        _ => scope,
    };
}

/// <summary>
/// A partner system registered by an administrator (issue 21): it signs in with OAuth 2.0 client credentials and acts
/// through a service account of its organisation, which can never sign in to the pages (docs/decisions/0128).
/// </summary>
public sealed class ApiClient
{
    public const int NameMaxLength = 100;
    public const int ClientIdLength = 24;
    public const int WebhookUrlMaxLength = 500;
    public const int DefaultRequestsPerMinute = 120;
    public const int MaxRequestsPerMinute = 6000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The public identifier the client sends as <c>client_id</c>: "tp-" and random letters, never reused.</summary>
    public required string ClientId { get; init; }

    public required string Name { get; set; }
    public Guid OrganisationId { get; init; }
    public Organisation Organisation { get; init; } = null!;
    public List<string> Scopes { get; set; } = [];

    /// <summary>The account the client acts as: referrals it sends are this account's, audit events name it.</summary>
    public Guid ServiceUserId { get; init; }
    public PortalUser ServiceUser { get; init; } = null!;

    public int RequestsPerMinute { get; set; } = DefaultRequestsPerMinute;
    public DateTimeOffset CreatedAt { get; init; }
    public Guid CreatedByUserId { get; init; }

    /// <summary>When an administrator turned the client off: it can get no token, and its tokens stop working.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>Where events are posted (https only), or null for no webhooks.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The key webhook bodies are signed with, encrypted with the app's Data Protection keys.</summary>
    public string? WebhookSecretProtected { get; set; }

    public List<ApiClientSecret> Secrets { get; init; } = [];

    public bool IsActive => DisabledAt is null;
}

/// <summary>One of a client's secrets: only its SHA-256 hash is kept, with when it stops working.</summary>
public sealed class ApiClientSecret
{
    public const int HintLength = 4;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ApiClientId { get; init; }
    public required byte[] Hash { get; init; }

    /// <summary>The secret's last characters, so an administrator can tell which one a partner holds.</summary>
    public required string Hint { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool WorksAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}

public sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("ApiClients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ClientId).HasMaxLength(ApiClient.ClientIdLength);
        builder.HasIndex(c => c.ClientId).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(ApiClient.NameMaxLength);
        builder.Property(c => c.WebhookUrl).HasMaxLength(ApiClient.WebhookUrlMaxLength);
        builder.Property(c => c.WebhookSecretProtected).HasMaxLength(1000);
        builder.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.ServiceUser).WithMany().HasForeignKey(c => c.ServiceUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ServiceUserId).IsUnique();
        builder.HasMany(c => c.Secrets).WithOne().HasForeignKey(s => s.ApiClientId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(c => c.IsActive);
    }
}

public sealed class ApiClientSecretConfiguration : IEntityTypeConfiguration<ApiClientSecret>
{
    public void Configure(EntityTypeBuilder<ApiClientSecret> builder)
    {
        builder.ToTable("ApiClientSecrets");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Hint).HasMaxLength(ApiClientSecret.HintLength);
    }
}
