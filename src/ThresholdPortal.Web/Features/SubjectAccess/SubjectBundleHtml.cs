using System.Globalization;
using System.Net;
using System.Text;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.SubjectAccess;

/// <summary>
/// The bundle's index.html (docs/decisions/0123): plain, self-contained HTML a person can read. The person asked about is
/// shown as written; every other person (other children, adults, referrers, agency and portal staff) is wrapped in a
/// "For redaction review" mark and listed at the end, and every free-text answer is marked to be read for third parties.
/// </summary>
public sealed class SubjectBundleHtml(SubjectRecord record, IReadOnlyDictionary<Guid, string> staffNames, DateTimeOffset at)
{
    public const string RedactionClass = "redaction-review";
    private readonly StringBuilder html = new();
    private readonly SortedSet<string> thirdParties = new(StringComparer.Ordinal);

    /// <summary>The third parties marked, as "Referrer: Name", in order.</summary>
    public IReadOnlyCollection<string> ThirdParties => thirdParties;

    public string Render(IReadOnlyDictionary<Guid, string> attachmentPaths)
    {
        ArgumentNullException.ThrowIfNull(attachmentPaths);
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Subject access bundle</title><style>")
            .Append("body{font-family:Arial,sans-serif;max-width:960px;margin:2em auto;line-height:1.4;color:#0b0c0c}")
            .Append("h1,h2,h3{font-weight:700}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #b1b4b6;")
            .Append("text-align:left;padding:4px;vertical-align:top}.").Append(RedactionClass)
            .Append("{background:#ffdd00;outline:2px dashed #0b0c0c}.free-text{border-left:4px solid #b1b4b6;padding-left:8px;")
            .Append("white-space:pre-wrap}</style></head><body>")
            .Append("<h1>Subject access bundle</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p>Made {E(UkTime.ShortWithYear(at))}. ")
            .Append("Names marked <span class=\"").Append(RedactionClass).Append("\">For redaction review</span> are other people: ")
            .Append("review each before the bundle is disclosed. Free text (in grey-edged blocks) may name other people too.</p>");
        Section("The person", () => Subjects());
        Section($"Referrals ({record.Referrals.Count})", () => Referrals(attachmentPaths));
        Section($"Cases ({record.Cases.Count})", Cases);
        Section($"Information requests and responses ({record.Requests.Count})", () => Requests(attachmentPaths));
        Section($"Access log ({record.AccessLog.Count} entries)", AccessLog);
        Section($"For redaction review ({thirdParties.Count} people)", () =>
        {
            html.Append("<ul>");
            foreach (var party in thirdParties)
            {
                html.Append("<li>").Append(E(party)).Append("</li>");
            }

            html.Append("</ul>");
        });
        return html.Append("</body></html>").ToString();
    }

    private void Subjects()
    {
        html.Append("<ul>");
        foreach (var child in record.Referrals.SelectMany(r => r.Children.Where(c => record.SubjectIds.Contains(c.Id))))
        {
            html.Append("<li>").Append(E(child.DisplayName)).Append(Born(child.DateOfBirth))
                .Append(child.NhsNumber is null ? string.Empty : $", NHS number {E(child.NhsNumber)}").Append("</li>");
        }

        foreach (var adult in record.Referrals.SelectMany(r => r.Adults.Where(a => record.SubjectIds.Contains(a.Id))))
        {
            html.Append("<li>").Append(E(adult.DisplayName)).Append(Born(adult.DateOfBirth)).Append("</li>");
        }

        html.Append("</ul>");
    }

    private void Referrals(IReadOnlyDictionary<Guid, string> attachmentPaths)
    {
        foreach (var referral in record.Referrals)
        {
            html.Append("<h3>Referral ").Append(E(referral.Reference ?? "draft")).Append("</h3><table>");
            Row("Status", referral.Status.ToString());
            Row("Sent", referral.SubmittedAt is { } sent ? UkTime.ShortWithYear(sent) : "Not sent");
            RowHtml("Referrer", $"{Mark("Referrer", referral.Referrer.Name)} {Mark("Referrer", referral.Referrer.JobTitle)} " +
                $"{E(referral.Referrer.OrganisationName)} {Mark("Referrer", referral.Referrer.Email)} " +
                $"{Mark("Referrer", referral.Referrer.Phone)}");
            RowHtml("Children", string.Join("<br>", referral.Children.OrderBy(c => c.Order).Select(c => record.SubjectIds.Contains(c.Id)
                ? E(c.DisplayName) + Born(c.DateOfBirth) : Mark("Other child", c.DisplayName) + Born(c.DateOfBirth))));
            RowHtml("Adults", string.Join("<br>", referral.Adults.OrderBy(a => a.Order).Select(a => record.SubjectIds.Contains(a.Id)
                ? E(a.DisplayName) : Mark("Adult", a.DisplayName) + (a.Relationship is null ? string.Empty : $" ({E(a.Relationship)})"))));
            FreeText("What happened", referral.Concerns.WhatHappened);
            FreeText("Analysis", referral.Concerns.Analysis);
            FreeText("Risk factors", referral.Concerns.RiskFactors);
            FreeText("Protective factors", referral.Concerns.ProtectiveFactors);
            FreeText("History", referral.Concerns.History);
            FreeText("Previous help", referral.Concerns.PreviousHelp);
            foreach (var child in referral.Children.Where(c => record.SubjectIds.Contains(c.Id)))
            {
                FreeText("How the concerns affect the child", child.HowConcernsAffectChild);
                FreeText("The child's voice", child.ChildsVoice);
            }

            RowHtml("Attachments", string.Join("<br>", referral.Attachments.Select(a => Attachment(a.Id, a.FileName, attachmentPaths))));
            html.Append("</table>");
        }
    }

    private void Cases()
    {
        html.Append("<table><tr><th>Reference</th><th>Received</th><th>Status</th></tr>");
        foreach (var mashCase in record.Cases)
        {
            html.Append("<tr><td>").Append(E(mashCase.Reference)).Append("</td><td>").Append(E(UkTime.ShortWithYear(mashCase.ReceivedAt)))
                .Append("</td><td>").Append(E(mashCase.Status.DisplayName())).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private void Requests(IReadOnlyDictionary<Guid, string> attachmentPaths)
    {
        foreach (var request in record.Requests)
        {
            html.Append("<h3>Request to ").Append(E(request.AgencyName)).Append(" about case ").Append(E(request.CaseReference))
                .Append("</h3><table>");
            Row("Sent", UkTime.ShortWithYear(request.SentAt));
            RowHtml("About", string.Join("<br>", request.Subjects.OrderBy(s => s.Order).Select(s =>
                record.SubjectIds.Contains(s.ReferralPersonId)
                ? E(s.Name) : Mark(s.Kind == Domain.InformationRequests.SubjectKind.Child ? "Other child" : "Adult", s.Name))));
            FreeText("Questions", string.Join("\n", request.Questions.Append(request.AdditionalQuestions ?? string.Empty)).Trim());
            foreach (var response in request.Responses.OrderBy(r => r.SubmittedAt))
            {
                RowHtml($"{response.Kind} on {E(UkTime.ShortWithYear(response.SubmittedAt))}",
                    $"By {Mark("Agency staff", response.RespondedByName)}");
                FreeText("Involvement", response.InvolvementSummary);
                FreeText("Current risks", response.CurrentRisks);
                FreeText("Reason declined", response.DeclineReason);
                RowHtml("Attachments",
                    string.Join("<br>", response.Attachments.Select(a => Attachment(a.Id, a.FileName, attachmentPaths))));
            }

            html.Append("</table>");
        }
    }

    private void AccessLog()
    {
        html.Append("<table><tr><th>When</th><th>Who</th><th>What</th></tr>");
        foreach (var entry in record.AccessLog)
        {
            var who = entry.UserId is { } id ? Mark("Portal staff", staffNames.GetValueOrDefault(id, $"Account {id:N}")) : "The portal";
            html.Append("<tr><td>").Append(E(UkTime.ShortWithYear(entry.OccurredAt))).Append("</td><td>").Append(who)
                .Append("</td><td>").Append(E(AuditActions.Describe(entry.Action))).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private void Section(string heading, Action body)
    {
        html.Append("<h2>").Append(E(heading)).Append("</h2>");
        body();
    }

    private void Row(string label, string? value) => RowHtml(label, E(value));

    private void RowHtml(string label, string value) =>
        html.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th><td>").Append(value).Append("</td></tr>");

    private void FreeText(string label, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            RowHtml(label, $"<div class=\"free-text\">{E(text)}</div>");
        }
    }

    private static string Attachment(Guid id, string fileName, IReadOnlyDictionary<Guid, string> paths) =>
        paths.TryGetValue(id, out var path) ? $"<a href=\"{E(path)}\">{E(fileName)}</a>" : E(fileName);

    /// <summary>Another person's detail, marked and listed for redaction review.</summary>
    private string Mark(string who, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        thirdParties.Add($"{who}: {value}");
        return $"<span class=\"{RedactionClass}\" title=\"For redaction review: {E(who)}\">{E(value)}</span>";
    }

    private static string Born(DateOnly? born) =>
        born is { } date ? $", born {date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}" : string.Empty;

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
