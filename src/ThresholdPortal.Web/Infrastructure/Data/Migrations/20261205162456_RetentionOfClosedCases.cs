using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Closed cases and information requests leave by the retention schedule (issue 19; docs/decisions/0124). The agency
    /// answers stay append-only: as for the audit trail (0120), the only way out is a set of functions that run as the
    /// schema's owner, decide for themselves what is due from the cutoffs they are given, refuse a cutoff under their floor
    /// and remove a bounded batch. The application's role can call them but never delete an answer itself.
    /// </summary>
    public partial class RetentionOfClosedCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION information_requests_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' AND current_setting('thresholdportal.retention', true) = 'information-requests'
                       AND current_user = (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = TG_TABLE_NAME) THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END;
                $$;

                CREATE INDEX "IX_MashCases_ClosedFor" ON "MashCases" ((coalesce("DecidedAt", "ClosedAt")), "Id")
                    WHERE "Status" = 'Decided';

                -- These SQL functions carry no SET clause, so the planner inlines them: a batch is then a walk of the index below
                -- from the oldest closure, not a read of every closed case.
                -- One definition of a closed case due for removal, for the settings page's counts and the removal alike: decided
                -- before the cutoff its outcome gives, and no early help record about it still open or ended since the cutoff.
                CREATE FUNCTION retention_closed_cases_due(nfa_before timestamptz, step_down_before timestamptz,
                    statutory_before timestamptz)
                RETURNS TABLE ("CaseId" uuid, "ReferralId" uuid, "Kind" text, "ClosedFor" timestamptz)
                LANGUAGE sql STABLE AS $$
                    SELECT c."Id", c."ReferralId", k.kind, coalesce(c."DecidedAt", c."ClosedAt")
                    FROM "MashCases" c
                    CROSS JOIN LATERAL (SELECT CASE
                        WHEN c."ContactOutcome" = 'ClosedAtContact' OR c."Outcome" IN ('NoFurtherAction', 'NoFurtherActionWithAdvice')
                            THEN 'no-further-action'
                        WHEN c."Outcome" = 'StepDownToEarlyHelp' THEN 'step-down'
                        ELSE 'statutory' END AS kind) k
                    CROSS JOIN LATERAL (SELECT CASE k.kind WHEN 'no-further-action' THEN nfa_before
                        WHEN 'step-down' THEN step_down_before ELSE statutory_before END AS before) b
                    WHERE c."Status" = 'Decided'
                      AND coalesce(c."DecidedAt", c."ClosedAt") < greatest(nfa_before, step_down_before, statutory_before)
                      AND coalesce(c."DecidedAt", c."ClosedAt") < b.before
                      AND NOT EXISTS (SELECT 1 FROM "EarlyHelpCases" e WHERE e."SteppedDownFromCaseId" = c."Id"
                          AND coalesce(e."ClosedAt", e."SteppedUpAt", 'infinity') >= b.before)
                      AND NOT EXISTS (SELECT 1 FROM "EarlyHelpCases" e WHERE e."SteppedUpToCaseId" = c."Id"
                          AND coalesce(e."ClosedAt", e."SteppedUpAt", 'infinity') >= b.before)
                      AND NOT EXISTS (SELECT 1 FROM "EarlyHelpCases" e WHERE e."StepDownId" IS NULL AND e."ReferralId" = c."ReferralId"
                          AND coalesce(e."ClosedAt", e."SteppedUpAt", 'infinity') >= b.before)
                $$;

                -- Early help requests the hub received directly (no MASH case), ended before the step-down cutoff.
                CREATE FUNCTION retention_early_help_requests_due(step_down_before timestamptz)
                RETURNS TABLE ("EarlyHelpCaseId" uuid, "ReferralId" uuid, "EndedAt" timestamptz)
                LANGUAGE sql STABLE AS $$
                    SELECT e."Id", e."ReferralId", coalesce(e."ClosedAt", e."SteppedUpAt")
                    FROM "EarlyHelpCases" e
                    WHERE e."SteppedDownFromCaseId" IS NULL
                      AND coalesce(e."ClosedAt", e."SteppedUpAt") < step_down_before
                      AND NOT EXISTS (SELECT 1 FROM "MashCases" c WHERE c."ReferralId" = e."ReferralId")
                $$;

                -- Removes requests with whom they named, their answers and the answers' attachments. Only the schema's owner
                -- gets past the append-only triggers, so this does nothing useful unless called by the functions below.
                CREATE FUNCTION retention_delete_information_requests(requests uuid[]) RETURNS integer
                LANGUAGE plpgsql SET search_path = public AS $$
                DECLARE
                    removed integer;
                BEGIN
                    PERFORM set_config('thresholdportal.retention', 'information-requests', true);
                    DELETE FROM "InformationResponseAttachmentContents" WHERE "AttachmentId" IN (
                        SELECT a."Id" FROM "InformationResponseAttachments" a JOIN "InformationResponses" r ON r."Id" = a."ResponseId"
                        WHERE r."RequestId" = ANY (requests));
                    DELETE FROM "InformationResponseAttachments" WHERE "ResponseId" IN (
                        SELECT "Id" FROM "InformationResponses" WHERE "RequestId" = ANY (requests));
                    DELETE FROM "InformationResponses" WHERE "RequestId" = ANY (requests);
                    DELETE FROM "InformationRequestSubjects" WHERE "RequestId" = ANY (requests);
                    DELETE FROM "InformationRequests" WHERE "Id" = ANY (requests);
                    GET DIAGNOSTICS removed = ROW_COUNT;
                    PERFORM set_config('thresholdportal.retention', '', true);
                    RETURN removed;
                END;
                $$;
                REVOKE ALL ON FUNCTION retention_delete_information_requests(uuid[]) FROM PUBLIC;

                -- The newest thing received: every floor is measured back from it, not from a clock.
                CREATE FUNCTION retention_newest_received() RETURNS timestamptz LANGUAGE sql STABLE SET search_path = public AS $$
                    SELECT greatest((SELECT max("ReceivedAt") FROM "MashCases"), (SELECT max("ReceivedAt") FROM "EarlyHelpCases"))
                $$;

                CREATE FUNCTION retention_remove_closed_cases(nfa_before timestamptz, step_down_before timestamptz,
                    statutory_before timestamptz, batch integer) RETURNS integer
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
                DECLARE
                    cases uuid[];
                    referrals uuid[];
                    early uuid[];
                    early_referrals uuid[];
                    removed integer;
                BEGIN
                    IF batch IS NULL OR batch < 1 OR batch > 10000 THEN
                        RAISE EXCEPTION 'a retention batch is from 1 to 10000 cases' USING ERRCODE = 'invalid_parameter_value';
                    END IF;
                    IF greatest(nfa_before, step_down_before, statutory_before) > retention_newest_received() - interval '1 year' THEN
                        RAISE EXCEPTION 'closed cases are kept for at least a year' USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    SELECT coalesce(array_agg(d."CaseId"), '{}'), coalesce(array_agg(d."ReferralId"), '{}') INTO cases, referrals
                    FROM (SELECT "CaseId", "ReferralId" FROM retention_closed_cases_due(nfa_before, step_down_before, statutory_before)
                          ORDER BY "ClosedFor", "CaseId" LIMIT batch) d;
                    SELECT coalesce(array_agg(x."Id"), '{}'), coalesce(array_agg(x."ReferralId"), '{}') INTO early, early_referrals FROM (
                        SELECT e."Id", e."ReferralId" FROM "EarlyHelpCases" e WHERE e."SteppedDownFromCaseId" = ANY (cases)
                        UNION
                        SELECT e."Id", e."ReferralId" FROM "EarlyHelpCases" e WHERE e."SteppedUpToCaseId" = ANY (cases)
                        UNION
                        SELECT e."Id", e."ReferralId" FROM "EarlyHelpCases" e WHERE e."StepDownId" IS NULL AND e."ReferralId" = ANY (referrals)
                        UNION
                        SELECT * FROM (SELECT "EarlyHelpCaseId", "ReferralId" FROM retention_early_help_requests_due(step_down_before)
                                       ORDER BY "EndedAt", "EarlyHelpCaseId" LIMIT batch) r) x;

                    DELETE FROM "EarlyHelpCases" WHERE "Id" = ANY (early);
                    DELETE FROM "Escalations" WHERE "CaseId" = ANY (cases);
                    DELETE FROM "ReferrerFeedback" WHERE "CaseId" = ANY (cases);
                    DELETE FROM "EarlyHelpStepDowns" WHERE "CaseId" = ANY (cases);
                    DELETE FROM "PersonLinks" WHERE "CaseId" = ANY (cases);
                    DELETE FROM "AgencyChecksNotNeeded" WHERE "CaseId" = ANY (cases);
                    DELETE FROM "AuditedCases" WHERE "CaseId" = ANY (cases);
                    PERFORM retention_delete_information_requests(ARRAY(SELECT "Id" FROM "InformationRequests" WHERE "CaseId" = ANY (cases)));
                    DELETE FROM "CaseDecisions" WHERE "CaseId" = ANY (cases);
                    DELETE FROM "MashCases" WHERE "Id" = ANY (cases);
                    -- The referral goes with its children, adults, attachments and flags (their keys cascade), unless
                    -- something not removed still refers to it.
                    DELETE FROM "Referrals" r WHERE r."Id" = ANY (referrals || early_referrals)
                        AND NOT EXISTS (SELECT 1 FROM "MashCases" c WHERE c."ReferralId" = r."Id")
                        AND NOT EXISTS (SELECT 1 FROM "EarlyHelpCases" e WHERE e."ReferralId" = r."Id");
                    GET DIAGNOSTICS removed = ROW_COUNT;
                    RETURN removed;
                END;
                $$;

                -- Requests and answers about cases closed before the cutoff, when they are kept for less time than the case.
                CREATE FUNCTION retention_remove_information_requests(closed_before timestamptz, batch integer) RETURNS integer
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
                BEGIN
                    IF batch IS NULL OR batch < 1 OR batch > 10000 THEN
                        RAISE EXCEPTION 'a retention batch is from 1 to 10000 requests' USING ERRCODE = 'invalid_parameter_value';
                    END IF;
                    IF closed_before > retention_newest_received() - interval '1 year' THEN
                        RAISE EXCEPTION 'information requests are kept for at least a year' USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    RETURN retention_delete_information_requests(ARRAY(
                        SELECT q."Id" FROM "InformationRequests" q JOIN "MashCases" c ON c."Id" = q."CaseId"
                        WHERE c."Status" = 'Decided' AND coalesce(c."DecidedAt", c."ClosedAt") < closed_before
                        ORDER BY q."Id" LIMIT batch));
                END;
                $$;

                -- The attachments of answers about cases closed before the cutoff; the answers' words stay until their own time.
                CREATE FUNCTION retention_remove_response_attachments(closed_before timestamptz, batch integer) RETURNS integer
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
                DECLARE
                    attachments uuid[];
                BEGIN
                    IF batch IS NULL OR batch < 1 OR batch > 10000 THEN
                        RAISE EXCEPTION 'a retention batch is from 1 to 10000 attachments' USING ERRCODE = 'invalid_parameter_value';
                    END IF;
                    IF closed_before > retention_newest_received() - interval '1 month' THEN
                        RAISE EXCEPTION 'attachments are kept for at least a month' USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    attachments := ARRAY(SELECT a."Id" FROM "InformationResponseAttachments" a
                        JOIN "InformationResponses" r ON r."Id" = a."ResponseId"
                        JOIN "InformationRequests" q ON q."Id" = r."RequestId"
                        JOIN "MashCases" c ON c."Id" = q."CaseId"
                        WHERE c."Status" = 'Decided' AND coalesce(c."DecidedAt", c."ClosedAt") < closed_before
                        ORDER BY a."Id" LIMIT batch);
                    PERFORM set_config('thresholdportal.retention', 'information-requests', true);
                    DELETE FROM "InformationResponseAttachmentContents" WHERE "AttachmentId" = ANY (attachments);
                    DELETE FROM "InformationResponseAttachments" WHERE "Id" = ANY (attachments);
                    PERFORM set_config('thresholdportal.retention', '', true);
                    RETURN cardinality(attachments);
                END;
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION retention_remove_response_attachments(timestamptz, integer);
                DROP FUNCTION retention_remove_information_requests(timestamptz, integer);
                DROP FUNCTION retention_remove_closed_cases(timestamptz, timestamptz, timestamptz, integer);
                DROP FUNCTION retention_newest_received();
                DROP FUNCTION retention_delete_information_requests(uuid[]);
                DROP FUNCTION retention_early_help_requests_due(timestamptz);
                DROP FUNCTION retention_closed_cases_due(timestamptz, timestamptz, timestamptz);
                DROP INDEX "IX_MashCases_ClosedFor";
                CREATE OR REPLACE FUNCTION information_requests_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                """);
        }
    }
}
