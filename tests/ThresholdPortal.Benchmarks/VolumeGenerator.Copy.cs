using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Identifiers;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.Benchmarks;

/// <summary>The binary COPY of each generated table: the fast path that makes a million rows take minutes.</summary>
public sealed partial class VolumeGenerator
{
    private static async Task CopyReferralsAsync(NpgsqlConnection connection, Guid documentId, List<Generated> rows,
        CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY "Referrals" ("Id", "Reference", "Status", "Kind", "IdempotencyKey", "ReferrerUserId", "ReferringOrganisationId",
                "ReferralSourceCode", "ThresholdDocumentId", "CreatedAt", "UpdatedAt", "SubmittedAt", "ChildInImmediateDanger",
                "Fgm", "SuggestedLevel", "SuggestionReasons", "ChosenLevel", "Categories", "Concerns_WhatHappened",
                "Referrer_Name", "Referrer_Email", "Referrer_Phone", "Consent_Decision")
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(row.ReferralId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.Reference, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(nameof(ReferralStatus.Submitted), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(nameof(ReferralKind.MashReferral), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.ReferrerId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.OrganisationId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.SourceCode, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(documentId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.ReceivedAt.AddMinutes(-30), NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(row.ReceivedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(row.ReceivedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(nameof(FgmConcern.None), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(row.Level, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.Level, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.Categories, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.WhatHappened, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync("Generated referrer", NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync("referrer@example.org", NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync("01632 960 000", NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, row.Consent, NpgsqlDbType.Varchar, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyChildrenAsync(NpgsqlConnection connection, List<Generated> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY "ReferralChildren" ("Id", "ReferralId", "Order", "GivenName", "FamilyName", "IsUnborn", "DateOfBirth", "Gender", "Town",
                "IndicatorCodes", "NhsNumber", "Sex", "Ethnicity", "Upn", "Disabilities", "AddressLine1", "Postcode")
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Children.Length; i++)
            {
                var child = row.Children[i];
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(child.Id, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(row.ReferralId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(child.Given, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(child.Family, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken);
                await writer.WriteAsync(child.Born, NpgsqlDbType.Date, cancellationToken);
                await writer.WriteAsync(nameof(ChildGender.NotKnown), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync("Northtown", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);

                var identity = IdentityOf(child, row.ReceivedAt);
                await writer.WriteAsync(identity.NhsNumber, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(identity.Sex, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(identity.Ethnicity, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(writer, identity.Upn, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(identity.Disabilities, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(identity.Address, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(identity.Postcode, NpgsqlDbType.Varchar, cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private sealed record Identity(string NhsNumber, string Sex, string Ethnicity, string? Upn, string[] Disabilities, string Address,
        string Postcode);

    /// <summary>
    /// What the census return reads of a child, drawn from the person's random id so a family referred again carries the same
    /// NHS number and address, and the copy needs no random state of its own. Most children of school age have a UPN (LA
    /// 999, a made-up school and serial); about 1 in 12 has a disability.
    /// </summary>
    private static Identity IdentityOf(GeneratedChild child, DateTimeOffset receivedAt)
    {
        var draw = (uint)child.PersonId.GetHashCode();
        var schoolAge = child.Born.Year <= receivedAt.Year - 5;
        return new Identity(NhsNumber.InTestRange((int)(draw % 1_000_000)), draw % 2 == 0 ? "F" : "M", Ethnicity(draw % 1000 / 1000f),
            schoolAge && draw % 10 != 0 ? UpnOf(draw) : null,
            draw % 12 == 0 ? DisabilityMix[(int)(draw / 12 % (uint)DisabilityMix.Length)] : ["NONE"],
            $"{draw % 200 + 1} {Streets[(int)(draw / 200 % (uint)Streets.Length)]}", PostcodeOf(draw));
    }

    private static readonly string[][] DisabilityMix = [["LD"], ["AUT"], ["COMM"], ["BEH"], ["AUT", "COMM"], ["MOB"], ["HEAR"], ["VIS"]];

    private static readonly string[] Streets =
        ["High Street", "Mill Lane", "Church Road", "Station Road", "Park Avenue", "Victoria Street"];

    /// <summary>A valid UPN made by the check-letter rule: LA 999, a school from the draw, year 25, a serial.</summary>
    private static string UpnOf(uint draw)
    {
        var rest = string.Create(CultureInfo.InvariantCulture, $"999{draw % 10_000:D4}25{draw / 10_000 % 1000:D3}");
        return Upn.CheckLetter("?" + rest) + rest;
    }

    /// <summary>A Northtown postcode: NT1 to NT9, then a digit and two letters.</summary>
    private static string PostcodeOf(uint draw) => string.Create(CultureInfo.InvariantCulture,
        $"NT{draw % 9 + 1} {draw / 9 % 10}{(char)('A' + (int)(draw / 90 % 26))}{(char)('A' + (int)(draw / 2340 % 26))}");

    /// <summary>The ethnicity code at a point (0 to 1) of England's pupil mix.</summary>
    private static string Ethnicity(float at)
    {
        foreach (var (code, share) in CensusCodes.TypicalEthnicityMix)
        {
            if ((at -= share) < 0)
            {
                return code;
            }
        }

        return "NOBT";
    }

    private static async Task CopyCasesAsync(NpgsqlConnection connection, List<Generated> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY "MashCases" ("Id", "ReferralId", "Reference", "Channel", "SourceCode", "ReferringOrganisationId", "ReferrerLevel",
                "ReceivedAt", "Status", "Rating", "DecisionDueAt", "AssignedToUserId", "AssignedAt", "Flags", "ContactOutcome",
                "ClosureReason", "AdviceGiven", "ClosedAt", "DecisionId", "Outcome", "DecidedLevel", "DecidedAt", "DecidedWithinDeadline")
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var row in rows)
        {
            var c = row.Case;
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(c.Id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.ReferralId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.Reference, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(c.Channel.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(c.SourceCode, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(row.OrganisationId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.Level, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(c.ReceivedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(c.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, c.Rating?.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, c.DecisionDueAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(writer, c.AssignedToUserId, NpgsqlDbType.Uuid, cancellationToken);
            await WriteNullableAsync(writer, c.AssignedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync((int)c.Flags, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(writer, c.ContactOutcome?.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, c.ClosureReason?.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, c.AdviceGiven, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, c.ClosedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(writer, c.DecisionId, NpgsqlDbType.Uuid, cancellationToken);
            await WriteNullableAsync(writer, c.Outcome?.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, (int?)c.DecidedLevel, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(writer, c.DecidedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(writer, c.DecidedWithinDeadline, NpgsqlDbType.Boolean, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyDecisionsAsync(NpgsqlConnection connection, List<Generated> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY "CaseDecisions" ("Id", "CaseId", "Revision", "Rating", "Level", "ThresholdDocumentId", "Outcome", "PrimaryNeed",
                "Factors", "Rationale", "ReasonsForReferrer", "HandoverTo", "ProposedByUserId", "ProposedAt", "State", "ReviewedByUserId",
                "ReviewedAt")
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var d in rows.Select(r => r.Decision).OfType<CaseDecision>())
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(d.Id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(d.CaseId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(d.Revision, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(d.Rating.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync((int)d.Level, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(d.ThresholdDocumentId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(d.Outcome.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(d.PrimaryNeed.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(d.Factors.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(d.Rationale, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(d.ReasonsForReferrer, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, d.HandoverTo, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(d.ProposedByUserId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(d.ProposedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(d.State.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, d.ReviewedByUserId, NpgsqlDbType.Uuid, cancellationToken);
            await WriteNullableAsync(writer, d.ReviewedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type,
        CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await writer.WriteAsync(value, type, cancellationToken);
        }
    }
}
