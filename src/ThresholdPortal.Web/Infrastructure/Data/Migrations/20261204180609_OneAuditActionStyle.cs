using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Audit codes take one style, words joined by hyphens (docs/decisions/0097): the snake_case codes already stored are
    /// rewritten. The audit table is append-only by trigger, so the trigger is disabled for this one update and enabled
    /// again inside the migration's own transaction: no other writer can change a row meanwhile. The list is frozen
    /// here, as the codes were on the day; <c>AuditActions.Legacy</c> still reads any old code.
    /// </summary>
    public partial class OneAuditActionStyle : Migration
    {
        private const string Mapping = """
            (VALUES
                ('user.invitation_resent', 'user.invitation-resent'),
                ('user.invitation_accepted', 'user.invitation-accepted'),
                ('user.email_confirmed', 'user.email-confirmed'),
                ('user.registration_approved', 'user.registration-approved'),
                ('user.two_factor_reset', 'user.two-factor-reset'),
                ('user.two_factor_enabled', 'user.two-factor-enabled'),
                ('user.two_factor_disabled', 'user.two-factor-disabled'),
                ('user.recovery_codes_replaced', 'user.recovery-codes-replaced'),
                ('user.recovery_code_used', 'user.recovery-code-used'),
                ('user.password_changed', 'user.password-changed'),
                ('user.password_reset', 'user.password-reset'),
                ('threshold_document.draft_created', 'threshold-document.draft-created'),
                ('threshold_document.level_changed', 'threshold-document.level-changed'),
                ('threshold_document.indicator_added', 'threshold-document.indicator-added'),
                ('threshold_document.indicator_changed', 'threshold-document.indicator-changed'),
                ('threshold_document.indicator_retired', 'threshold-document.indicator-retired'),
                ('threshold_document.published', 'threshold-document.published'),
                ('early_help_service.created', 'early-help-service.created'),
                ('early_help_service.updated', 'early-help-service.updated'),
                ('early_help_service.withdrawn', 'early-help-service.withdrawn'),
                ('early_help_service.reinstated', 'early-help-service.reinstated'),
                ('glossary.term_added', 'glossary.term-added'),
                ('glossary.term_changed', 'glossary.term-changed'),
                ('glossary.term_removed', 'glossary.term-removed'),
                ('mash_settings.changed', 'mash-settings.changed'),
                ('partner_agency.created', 'partner-agency.created'),
                ('partner_agency.updated', 'partner-agency.updated')
            ) AS m("Old", "New")
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Rewrite(migrationBuilder, "\"Old\"", "\"New\"");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Rewrite(migrationBuilder, "\"New\"", "\"Old\"");

        private static void Rewrite(MigrationBuilder migrationBuilder, string from, string to) => migrationBuilder.Sql($"""
            ALTER TABLE "AuditEvents" DISABLE TRIGGER audit_events_append_only;
            UPDATE "AuditEvents" e SET "Action" = m.{to} FROM {Mapping} WHERE e."Action" = m.{from};
            ALTER TABLE "AuditEvents" ENABLE TRIGGER audit_events_append_only;
            """);
    }
}
