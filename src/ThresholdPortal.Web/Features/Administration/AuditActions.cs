using System.Reflection;
using ThresholdPortal.Web.Features.ApiClients;
using ThresholdPortal.Web.Features.CaseAudits;
using ThresholdPortal.Web.Features.EarlyHelp;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>
/// The one registry of audit action codes (docs/decisions/0097). Each feature declares its codes as constants in its
/// events class, listed here; every code has one style (lower-case words joined by hyphens, parts by dots, such as
/// "case.decision.submitted" or "user.two-factor-reset") and plain words. Codes stored before the style was one are
/// rewritten by a migration, and still read through <see cref="Legacy"/>.
/// </summary>
public static class AuditActions
{
    /// <summary>The classes that declare audit codes, each with its plain words for them.</summary>
    public static readonly IReadOnlyList<(Type Events, Func<string, string?> Describe)> Registered =
    [
        (typeof(CaseEvents), CaseEvents.DescribeOwn),
        (typeof(InformationRequestEvents), InformationRequestEvents.Describe),
        (typeof(CaseAuditEvents), CaseAuditEvents.Describe),
        (typeof(AccountEvents), AccountEvents.Describe),
        (typeof(ConfigurationEvents), ConfigurationEvents.Describe),
        (typeof(EarlyHelpEvents), EarlyHelpEvents.Describe),
        (typeof(RetentionSweep), RetentionSweep.Describe),
        (typeof(SubjectAccessEvents), SubjectAccessEvents.Describe),
        (typeof(ApiClientEvents), ApiClientEvents.Describe),
    ];

    /// <summary>Constants of the events classes that are not audit codes.</summary>
    private static readonly string[] NotCodes = ["ViewedDetail"];

    /// <summary>Every registered code.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. Registered.SelectMany(r => CodesOf(r.Events))];

    /// <summary>The codes the administrators' audit log lists: people, organisations and configuration.</summary>
    public static IReadOnlyList<string> OfAccountsAndConfiguration { get; } =
        [.. CodesOf(typeof(AccountEvents)), .. CodesOf(typeof(ConfigurationEvents))];

    /// <summary>Codes stored before one style, and what they became (migration 20261204180609_OneAuditActionStyle).</summary>
    public static IReadOnlyDictionary<string, string> Legacy { get; } = All
        .Where(code => code.Contains('-', StringComparison.Ordinal))
        .ToDictionary(code => code.Replace('-', '_'), code => code, StringComparer.Ordinal);

    /// <summary>"4 Nov 2026, 2:05pm", in UK time.</summary>
    public static string When(DateTimeOffset at) => UkTime.ShortWithYear(at);

    /// <summary>Plain words for any code, an old one included; an unknown code shows as itself.</summary>
    public static string Describe(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var code = Legacy.GetValueOrDefault(action, action);
        return Registered.Select(r => r.Describe(code)).FirstOrDefault(words => words is not null) ?? action;
    }

    private static IEnumerable<string> CodesOf(Type events) =>
        events.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && !NotCodes.Contains(f.Name)
                && !f.Name.EndsWith("SubjectType", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!);
}
