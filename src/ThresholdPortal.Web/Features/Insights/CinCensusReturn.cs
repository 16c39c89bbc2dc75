using System.Globalization;
using System.Text;
using System.Xml;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Infrastructure.Web;
using ThresholdPortal.Domain.Returns;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>
/// The Children in Need census return as the DfE collects it (issue 17, item 4; docs/decisions/0125): every child referred
/// in the census year whose referral the MASH decided, grouped by child, with their identifiers, characteristics and each
/// referral's date, source, NFA flag, primary need and closure. <see cref="Query"/> reads it and runs the front door's
/// validation rules; <see cref="Download"/> writes the XML, audited as every export is.
/// </summary>
public static class CinCensusReturn
{
    public const string Subject = "cin-census-xml";

    /// <summary>An NFA referral ends with the decision: the episode closes that day for "any other reason" (RC7).</summary>
    public const string NfaClosureReason = "RC7";

    public sealed record Query(int Year) : IQuery<Result>;

    public sealed record Result(CensusYear Year, IReadOnlyList<CensusChild> Children, IReadOnlyList<CensusFailure> Failures);

    public sealed record Download(int Year) : IQuery<XmlDownload>;

    public sealed record XmlDownload(string FileName, byte[] Content);

    public sealed class QueryValidator : AbstractValidator<Query>
    {
        public QueryValidator() => RuleFor(q => q.Year).InclusiveBetween(CensusYear.Earliest, 2100).WithMessage("Choose a census year");
    }

    public sealed class DownloadValidator : AbstractValidator<Download>
    {
        public DownloadValidator() => RuleFor(q => q.Year).InclusiveBetween(CensusYear.Earliest, 2100).WithMessage("Choose a census year");
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, IOptions<ReturnsOptions> options, TimeProvider clock)
        : IRequestHandler<Query, Result>, IRequestHandler<Download, XmlDownload>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var year = new CensusYear(request.Year);
            var children = await ReadAsync(db, year, cancellationToken);
            return new Result(year, children, CinCensusRules.Check(children, year));
        }

        public async Task<XmlDownload> Handle(Download request, CancellationToken cancellationToken)
        {
            var year = new CensusYear(request.Year);
            var children = await ReadAsync(db, year, cancellationToken);
            var serial = await db.AuditEvents.CountAsync(e => e.Action == InsightsEvents.Exported && e.SubjectId == Subject
                && e.Detail == year.Name, cancellationToken) + 1;
            await audit.RecordNowAsync(InsightsEvents.Exported, InsightsEvents.SubjectType, Subject, year.Name, cancellationToken);
            var header = new CensusHeader(year, options.Value.LocalAuthorityCode, options.Value.SoftwareCode, serial, clock.GetUtcNow());
            return new XmlDownload($"cin-census-{year.Ending}-{options.Value.LocalAuthorityCode}-{serial}.xml", Write(header, children));
        }
    }

    /// <summary>The census header's values: the year, the council's three-digit code, the software and the file's serial.</summary>
    public sealed record CensusHeader(CensusYear Year, string LocalAuthorityCode, string SoftwareCode, int SerialNo, DateTimeOffset At);

    /// <summary>The children referred in the year with a decision, one per child id, their referrals in date order.</summary>
    public static async Task<IReadOnlyList<CensusChild>> ReadAsync(PortalDbContext db, CensusYear year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(year);
        var (start, end) = (UkTime.StartOf(year.Start), UkTime.StartOf(year.ReferenceDate.AddDays(1)));
        var rows = await InsightsSql.Run<Row>(db, $"""
            SELECT upper(left(replace({ChildRowsExport<Row>.ChildId}, '-', ''), {CinCensusRules.MostIdLength})) AS "LaChildId",
                   rc."Upn", CASE WHEN rc."IsUnborn" THEN NULL ELSE rc."DateOfBirth" END AS "BirthDate",
                   CASE WHEN rc."IsUnborn" THEN rc."ExpectedDate" END AS "ExpectedBirthDate",
                   CASE WHEN rc."IsUnborn" THEN 'U' ELSE rc."Sex" END AS "Sex", rc."Ethnicity", rc."Disabilities",
                   (c."ReceivedAt" AT TIME ZONE @zone)::date AS "ReferralDate", c."SourceCode" AS "Source",
                   {ChildRowsExport<Row>.NfaFlag} = 'Y' AS "Nfa", left(d."PrimaryNeed", 2) AS "PrimaryNeed",
                   (COALESCE(c."DecidedAt", c."ClosedAt") AT TIME ZONE @zone)::date AS "DecidedDate"
            {InsightsSql.Cases}
            JOIN "CaseDecisions" d ON d."Id" = c."DecisionId"
            JOIN "ReferralChildren" rc ON rc."ReferralId" = c."ReferralId"
            LEFT JOIN "PersonLinks" l ON l."CaseId" = c."Id" AND l."Role" = 'Child' AND l."SubjectId" = rc."Id"
            LEFT JOIN "ChildOutcomes" co ON co."DecisionId" = c."DecisionId" AND co."ReferralChildId" = rc."Id"
            WHERE c."ReceivedAt" >= @start AND c."ReceivedAt" < @end AND c."Status" = 'Decided'
            ORDER BY c."ReceivedAt", c."Id", rc."Order"
            """, [new("start", start.UtcDateTime), new("end", end.UtcDateTime), InsightsSql.Zone()]).ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.LaChildId, StringComparer.Ordinal).Select(g =>
        {
            // The latest referral describes the child as the portal last knew them.
            var latest = g.Last();
            return new CensusChild(g.Key, latest.Upn, latest.BirthDate, latest.ExpectedBirthDate, latest.Sex, latest.Ethnicity,
                latest.Disabilities ?? [],
                [.. g.Select(r => new CensusReferral(r.ReferralDate, r.Source, r.Nfa, r.Nfa ? null : r.PrimaryNeed,
                    r.Nfa ? r.DecidedDate : null, r.Nfa ? NfaClosureReason : null))]);
        })];
    }

    /// <summary>The return as the DfE's XML: its elements in the specification's order (the sequence is part of the schema).</summary>
    public static byte[] Write(CensusHeader header, IReadOnlyList<CensusChild> children)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(children);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartElement("Message");
            xml.WriteStartElement("Header");
            xml.WriteStartElement("CollectionDetails");
            xml.WriteElementString("Collection", "CIN");
            xml.WriteElementString("Year", header.Year.Ending.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("ReferenceDate", Date(header.Year.ReferenceDate));
            xml.WriteEndElement();
            xml.WriteStartElement("Source");
            xml.WriteElementString("SourceLevel", "L");
            xml.WriteElementString("LEA", header.LocalAuthorityCode);
            xml.WriteElementString("SoftwareCode", header.SoftwareCode);
            xml.WriteElementString("Release", "1.0");
            xml.WriteElementString("SerialNo", header.SerialNo.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("DateTime", header.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("Children");
            foreach (var child in children)
            {
                WriteChild(xml, child);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    private static void WriteChild(XmlWriter xml, CensusChild child)
    {
        xml.WriteStartElement("Child");
        xml.WriteStartElement("ChildIdentifiers");
        xml.WriteElementString("LAchildID", child.LaChildId);
        Optional(xml, "UPN", child.Upn);
        Optional(xml, "PersonBirthDate", child.BirthDate is { } born ? Date(born) : null);
        Optional(xml, "ExpectedPersonBirthDate", child.ExpectedBirthDate is { } due ? Date(due) : null);
        Optional(xml, "Sex", child.Sex);
        xml.WriteEndElement();
        xml.WriteStartElement("ChildCharacteristics");
        Optional(xml, "Ethnicity", child.Ethnicity);
        if (child.Disabilities.Count > 0)
        {
            xml.WriteStartElement("Disabilities");
            foreach (var disability in child.Disabilities)
            {
                xml.WriteElementString("Disability", disability);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        foreach (var referral in child.Referrals)
        {
            xml.WriteStartElement("CINdetails");
            xml.WriteElementString("CINreferralDate", Date(referral.ReferralDate));
            Optional(xml, "ReferralSource", referral.Source);
            Optional(xml, "PrimaryNeedCode", referral.PrimaryNeed);
            Optional(xml, "CINclosureDate", referral.ClosureDate is { } closed ? Date(closed) : null);
            Optional(xml, "ReasonForClosure", referral.ClosureReason);
            xml.WriteElementString("ReferralNFA", referral.Nfa ? "true" : "false");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Optional(XmlWriter xml, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            xml.WriteElementString(name, value);
        }
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public sealed class Row
    {
        public string LaChildId { get; init; } = string.Empty;
        public string? Upn { get; init; }
        public DateOnly? BirthDate { get; init; }
        public DateOnly? ExpectedBirthDate { get; init; }
        public string? Sex { get; init; }
        public string? Ethnicity { get; init; }
        public string[]? Disabilities { get; init; }
        public DateOnly ReferralDate { get; init; }
        public string? Source { get; init; }
        public bool Nfa { get; init; }
        public string? PrimaryNeed { get; init; }
        public DateOnly? DecidedDate { get; init; }
    }
}

/// <summary>The council's identity in statutory returns (<c>Returns</c>): its three-digit DfE code and the software's name.</summary>
public sealed class ReturnsOptions
{
    public const string Section = "Returns";

    /// <summary>The DfE's three-digit local authority code (the census's LEA), for example 919 for Hertfordshire.</summary>
    public string LocalAuthorityCode { get; set; } = "999";

    public string SoftwareCode { get; set; } = "ThresholdPortal";

    public static IServiceCollection Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReturnsOptions>().Bind(configuration.GetSection(Section))
            .Validate(o => o.LocalAuthorityCode is { Length: 3 } code && code.All(char.IsAsciiDigit)
                && o.SoftwareCode is { Length: > 0 and <= 50 }, "Returns needs a three-digit LocalAuthorityCode and a SoftwareCode.")
            .ValidateOnStart();
        return services;
    }
}
