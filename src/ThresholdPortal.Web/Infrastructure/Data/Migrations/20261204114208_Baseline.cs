using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateSequence(
                name: "ReferralReferenceNumbers");

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SubjectId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EarlyHelpServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Offer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    MinimumAge = table.Column<int>(type: "integer", nullable: false),
                    MaximumAge = table.Column<int>(type: "integer", nullable: false),
                    Area = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HowToAccess = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpServices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GlossaryTerms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Term = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Meaning = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    WidelyUnderstood = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GlossaryTerms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MashSettingsVersions",
                columns: table => new
                {
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Changes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WorkingDayStarts = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    WorkingDayEnds = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    WorkingDays = table.Column<int[]>(type: "integer[]", nullable: false),
                    RedHours = table.Column<double>(type: "double precision", nullable: false),
                    AmberHours = table.Column<double>(type: "double precision", nullable: false),
                    GreenHours = table.Column<double>(type: "double precision", nullable: false),
                    UnratedHours = table.Column<double>(type: "double precision", nullable: false),
                    GreenCountsWorkingTime = table.Column<bool>(type: "boolean", nullable: false),
                    RedWorkedOutOfHours = table.Column<bool>(type: "boolean", nullable: false),
                    RequestRedHours = table.Column<double>(type: "double precision", nullable: false),
                    RequestAmberHours = table.Column<double>(type: "double precision", nullable: false),
                    RequestGreenHours = table.Column<double>(type: "double precision", nullable: false),
                    RequestBlueHours = table.Column<double>(type: "double precision", nullable: false),
                    RequestUnratedHours = table.Column<double>(type: "double precision", nullable: false),
                    BankHolidays = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MashSettingsVersions", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    EmailDomains = table.Column<List<string>>(type: "text[]", nullable: false),
                    SharedReferralVisibility = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Template = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    GaveUpAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerAgencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    RecipientKinds = table.Column<string[]>(type: "text[]", nullable: false),
                    StandardQuestions = table.Column<List<string>>(type: "text[]", nullable: false),
                    SuggestedFromReferralSchool = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerAgencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ThresholdDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: "Published"),
                    LoadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThresholdDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    JobTitle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    AwaitingApproval = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ThresholdIndicators",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ThresholdDocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    SubDomainCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThresholdIndicators", x => new { x.ThresholdDocumentId, x.Code });
                    table.ForeignKey(
                        name: "FK_ThresholdIndicators_ThresholdDocuments_ThresholdDocumentId",
                        column: x => x.ThresholdDocumentId,
                        principalTable: "ThresholdDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ThresholdLevelDescriptions",
                columns: table => new
                {
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ThresholdDocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThresholdLevelDescriptions", x => new { x.ThresholdDocumentId, x.Level });
                    table.ForeignKey(
                        name: "FK_ThresholdLevelDescriptions_ThresholdDocuments_ThresholdDocu~",
                        column: x => x.ThresholdDocumentId,
                        principalTable: "ThresholdDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ThresholdSubDomains",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ThresholdDocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Domain = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThresholdSubDomains", x => new { x.ThresholdDocumentId, x.Code });
                    table.ForeignKey(
                        name: "FK_ThresholdSubDomains_ThresholdDocuments_ThresholdDocumentId",
                        column: x => x.ThresholdDocumentId,
                        principalTable: "ThresholdDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccountTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    TokenHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccountTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseAudits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Strata = table.Column<string[]>(type: "text[]", nullable: false),
                    CasesPerStratum = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CompletedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAudits_AspNetUsers_CompletedByUserId",
                        column: x => x.CompletedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseAudits_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SearchName = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    AddressLine1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Town = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Involvement = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InvolvementSince = table.Column<DateOnly>(type: "date", nullable: true),
                    InvolvementTeam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Persons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Persons_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Persons_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdempotencyKey = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferrerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferringOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralSourceCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    ThresholdDocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ChildInImmediateDanger = table.Column<bool>(type: "boolean", nullable: true),
                    FgmKnownOrSuspected = table.Column<bool>(type: "boolean", nullable: true),
                    SuggestedLevel = table.Column<int>(type: "integer", nullable: true),
                    SuggestionReasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    ChosenLevel = table.Column<int>(type: "integer", nullable: true),
                    EarlyHelpChoice = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ReasonForMashReferral = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Categories = table.Column<List<string>>(type: "text[]", nullable: true),
                    Communication_CommunicationNeedsDetails = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Communication_HasCommunicationNeeds = table.Column<bool>(type: "boolean", nullable: true),
                    Communication_InterpreterNeeded = table.Column<bool>(type: "boolean", nullable: true),
                    Communication_Language = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Concerns_Analysis = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    Concerns_ExpectedOutcome = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    Concerns_History = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    Concerns_OtherProfessionals = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    Concerns_PreviousHelp = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    Concerns_ProtectiveFactors = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    Concerns_RiskFactors = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    Concerns_WhatHappened = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    Consent_Decision = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Consent_Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Consent_SharingBasis = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    FollowUps_CceDetails = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: true),
                    FollowUps_CseDetails = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: true),
                    FollowUps_CsePeopleAndPlaces = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: true),
                    FollowUps_CseRiskToolCompleted = table.Column<bool>(type: "boolean", nullable: true),
                    FollowUps_DashCompleted = table.Column<bool>(type: "boolean", nullable: true),
                    FollowUps_FgmPoliceReference = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    FollowUps_FgmReportedToPolice = table.Column<bool>(type: "boolean", nullable: true),
                    FollowUps_MissingDetails = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: true),
                    FollowUps_OtherDetails = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: true),
                    Referrer_Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Referrer_JobTitle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Referrer_Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Referrer_OrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Referrer_Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_AspNetUsers_ReferrerUserId",
                        column: x => x.ReferrerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Organisations_ReferringOrganisationId",
                        column: x => x.ReferringOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_ThresholdDocuments_ThresholdDocumentId",
                        column: x => x.ThresholdDocumentId,
                        principalTable: "ThresholdDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MashCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    ReferringOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReferrerLevel = table.Column<int>(type: "integer", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Rating = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    DecisionDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AssignedToUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Flags = table.Column<int>(type: "integer", nullable: false),
                    ContactOutcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ClosureReason = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ClosureNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AdviceGiven = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DecidedLevel = table.Column<int>(type: "integer", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedWithinDeadline = table.Column<bool>(type: "boolean", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    QueueDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, computedColumnSql: "COALESCE(\"DecisionDueAt\", '9999-12-31 00:00:00+00'::timestamptz)", stored: true),
                    UrgencyRank = table.Column<int>(type: "integer", nullable: false, computedColumnSql: "CASE \"Rating\" WHEN 'Red' THEN 1 WHEN 'Amber' THEN 2 WHEN 'Green' THEN 4 WHEN 'Blue' THEN 5 ELSE 3 END", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MashCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MashCases_AspNetUsers_AssignedToUserId",
                        column: x => x.AssignedToUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MashCases_Organisations_ReferringOrganisationId",
                        column: x => x.ReferringOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MashCases_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferralAdults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Relationship = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LivesWithChildren = table.Column<bool>(type: "boolean", nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    KnowsAboutReferral = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralAdults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralAdults_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralAttachments_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralChildren",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IsUnborn = table.Column<bool>(type: "boolean", nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpectedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Gender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AddressLine1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AddressLine2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Town = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SchoolOrSetting = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HowConcernsAffectChild = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    ChildsVoice = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    SiblingsExperiences = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    IndicatorCodes = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralChildren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralChildren_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralQualityFlags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Field = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: true),
                    Term = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralQualityFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralQualityFlags_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgencyChecksNotNeeded",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyKey = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AgencyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyChecksNotNeeded", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyChecksNotNeeded_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgencyChecksNotNeeded_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuditedCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuditId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stratum = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Features = table.Column<string[]>(type: "text[]", nullable: false),
                    Quality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Agencies = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Agreement = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Feedback = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Comments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    JudgedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    JudgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditedCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditedCases_AspNetUsers_JudgedByUserId",
                        column: x => x.JudgedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AuditedCases_CaseAudits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "CaseAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AuditedCases_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Rating = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RatingChangeReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ThresholdDocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PrimaryNeed = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Factors = table.Column<List<string>>(type: "text[]", nullable: false),
                    Rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LawfulBasis = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    LawfulBasisNotes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    HandoverTo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ProposedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewComments = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NextSteps = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseDecisions_AspNetUsers_ProposedByUserId",
                        column: x => x.ProposedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseDecisions_AspNetUsers_ReviewedByUserId",
                        column: x => x.ReviewedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseDecisions_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseDecisions_ThresholdDocuments_ThresholdDocumentId",
                        column: x => x.ThresholdDocumentId,
                        principalTable: "ThresholdDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AgencyKey = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AgencyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Questions = table.Column<List<string>>(type: "text[]", nullable: false),
                    AdditionalQuestions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LawfulBasis = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ConsentObtained = table.Column<bool>(type: "boolean", nullable: false),
                    Rating = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SentByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FirstViewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RespondedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ChasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationRequests_AspNetUsers_SentByUserId",
                        column: x => x.SentByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InformationRequests_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InformationRequests_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InformationRequests_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MashCaseRatings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rating = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PreviousRating = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MashCaseRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MashCaseRatings_AspNetUsers_RatedByUserId",
                        column: x => x.RatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MashCaseRatings_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatchScore = table.Column<int>(type: "integer", nullable: true),
                    LinkedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonLinks_AspNetUsers_LinkedByUserId",
                        column: x => x.LinkedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonLinks_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonLinks_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferralAttachmentContents",
                columns: table => new
                {
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralAttachmentContents", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_ReferralAttachmentContents_ReferralAttachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "ReferralAttachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EarlyHelpStepDowns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SteppedDownAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SteppedDownByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpStepDowns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyHelpStepDowns_AspNetUsers_SteppedDownByUserId",
                        column: x => x.SteppedDownByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpStepDowns_CaseDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "CaseDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpStepDowns_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpStepDowns_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferrerFeedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OutcomeSummary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LevelExplanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OtherSupport = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactDetails = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DraftedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RespondedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferrerFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferrerFeedback_AspNetUsers_SentByUserId",
                        column: x => x.SentByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReferrerFeedback_CaseDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "CaseDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReferrerFeedback_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReferrerFeedback_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationRequestSubjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ReferralPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(210)", maxLength: 210, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpectedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Address = table.Column<string>(type: "character varying(700)", maxLength: 700, nullable: true),
                    Relationship = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationRequestSubjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationRequestSubjects_InformationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "InformationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CorrectsResponseId = table.Column<Guid>(type: "uuid", nullable: true),
                    KnownToAgency = table.Column<bool>(type: "boolean", nullable: true),
                    InvolvementSummary = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    CurrentRisks = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    ConcernLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RespondedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RespondedByName = table.Column<string>(type: "character varying(210)", maxLength: 210, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationResponses_AspNetUsers_RespondedByUserId",
                        column: x => x.RespondedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InformationResponses_InformationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "InformationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InformationResponses_InformationResponses_CorrectsResponseId",
                        column: x => x.CorrectsResponseId,
                        principalTable: "InformationResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    FeedbackId = table.Column<Guid>(type: "uuid", nullable: false),
                    RaisedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Response = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnsweredByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Escalations_AspNetUsers_AnsweredByUserId",
                        column: x => x.AnsweredByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Escalations_AspNetUsers_RaisedByUserId",
                        column: x => x.RaisedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Escalations_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Escalations_ReferrerFeedback_FeedbackId",
                        column: x => x.FeedbackId,
                        principalTable: "ReferrerFeedback",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationResponseAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationResponseAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationResponseAttachments_InformationResponses_Respons~",
                        column: x => x.ResponseId,
                        principalTable: "InformationResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationResponseAttachmentContents",
                columns: table => new
                {
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationResponseAttachmentContents", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_InformationResponseAttachmentContents_InformationResponseAt~",
                        column: x => x.AttachmentId,
                        principalTable: "InformationResponseAttachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountTokens_TokenHash",
                table: "AccountTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccountTokens_UserId_Purpose",
                table: "AccountTokens",
                columns: new[] { "UserId", "Purpose" });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyChecksNotNeeded_CaseId_AgencyKey",
                table: "AgencyChecksNotNeeded",
                columns: new[] { "CaseId", "AgencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgencyChecksNotNeeded_RecordedByUserId",
                table: "AgencyChecksNotNeeded",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrganisationId",
                table: "AspNetUsers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditedCases_AuditId_CaseId",
                table: "AuditedCases",
                columns: new[] { "AuditId", "CaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditedCases_CaseId",
                table: "AuditedCases",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditedCases_JudgedByUserId",
                table: "AuditedCases",
                column: "JudgedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_SubjectType_SubjectId_OccurredAt",
                table: "AuditEvents",
                columns: new[] { "SubjectType", "SubjectId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_UserId_OccurredAt",
                table: "AuditEvents",
                columns: new[] { "UserId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAudits_CompletedByUserId",
                table: "CaseAudits",
                column: "CompletedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAudits_CreatedAt",
                table: "CaseAudits",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAudits_CreatedByUserId",
                table: "CaseAudits",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseDecisions_AwaitingSignOff",
                table: "CaseDecisions",
                column: "ProposedAt",
                filter: "\"State\" = 'AwaitingSignOff'");

            migrationBuilder.CreateIndex(
                name: "IX_CaseDecisions_CaseId_Revision",
                table: "CaseDecisions",
                columns: new[] { "CaseId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseDecisions_ProposedByUserId",
                table: "CaseDecisions",
                column: "ProposedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseDecisions_ReviewedByUserId",
                table: "CaseDecisions",
                column: "ReviewedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseDecisions_ThresholdDocumentId",
                table: "CaseDecisions",
                column: "ThresholdDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpServices_Name",
                table: "EarlyHelpServices",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpStepDowns_CaseId",
                table: "EarlyHelpStepDowns",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpStepDowns_DecisionId",
                table: "EarlyHelpStepDowns",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpStepDowns_ReferralId",
                table: "EarlyHelpStepDowns",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpStepDowns_SteppedDownAt",
                table: "EarlyHelpStepDowns",
                column: "SteppedDownAt");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpStepDowns_SteppedDownByUserId",
                table: "EarlyHelpStepDowns",
                column: "SteppedDownByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_AnsweredByUserId",
                table: "Escalations",
                column: "AnsweredByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_CaseId",
                table: "Escalations",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_FeedbackId",
                table: "Escalations",
                column: "FeedbackId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_Open",
                table: "Escalations",
                columns: new[] { "DueAt", "Id" },
                filter: "\"AnsweredAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_RaisedByUserId",
                table: "Escalations",
                column: "RaisedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_GlossaryTerms_Term",
                table: "GlossaryTerms",
                column: "Term",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_AgencyClosed",
                table: "InformationRequests",
                columns: new[] { "OrganisationId", "SentAt", "Id" },
                filter: "\"State\" IN ('Answered', 'Declined')");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_AgencyOpen",
                table: "InformationRequests",
                columns: new[] { "OrganisationId", "DueAt", "Id" },
                filter: "\"State\" IN ('Sent', 'Viewed')");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_CaseId_SentAt",
                table: "InformationRequests",
                columns: new[] { "CaseId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_OpenByCase",
                table: "InformationRequests",
                columns: new[] { "CaseId", "DueAt" },
                filter: "\"State\" IN ('Sent', 'Viewed')");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_ReferralId",
                table: "InformationRequests",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_SentByUserId",
                table: "InformationRequests",
                column: "SentByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_ToChase",
                table: "InformationRequests",
                column: "DueAt",
                filter: "\"State\" IN ('Sent', 'Viewed') AND \"ChasedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequestSubjects_RequestId_Order",
                table: "InformationRequestSubjects",
                columns: new[] { "RequestId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationResponseAttachments_ResponseId",
                table: "InformationResponseAttachments",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationResponses_CorrectsResponseId",
                table: "InformationResponses",
                column: "CorrectsResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationResponses_RequestId_SubmittedAt",
                table: "InformationResponses",
                columns: new[] { "RequestId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationResponses_RespondedByUserId",
                table: "InformationResponses",
                column: "RespondedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MashCaseRatings_CaseId_RatedAt",
                table: "MashCaseRatings",
                columns: new[] { "CaseId", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MashCaseRatings_RatedByUserId",
                table: "MashCaseRatings",
                column: "RatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_Decided",
                table: "MashCases",
                columns: new[] { "ClosedAt", "Id" },
                filter: "\"Status\" = 'Decided'")
                .Annotation("Npgsql:IndexInclude", new[] { "Rating", "Flags", "AssignedToUserId", "ReferringOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_DecisionId",
                table: "MashCases",
                column: "DecisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_Newest",
                table: "MashCases",
                columns: new[] { "ReceivedAt", "Id" },
                filter: "\"Status\" <> 'Decided'")
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "Rating", "Flags", "AssignedToUserId", "ReferringOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_Queue",
                table: "MashCases",
                columns: new[] { "QueueDueAt", "UrgencyRank", "ReceivedAt", "Id" },
                filter: "\"Status\" <> 'Decided'")
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "Rating", "Flags", "AssignedToUserId", "ReferringOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_Queue_ByAssignee",
                table: "MashCases",
                columns: new[] { "AssignedToUserId", "QueueDueAt", "UrgencyRank", "ReceivedAt", "Id" },
                filter: "\"Status\" <> 'Decided'")
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "Rating", "Flags", "ReferringOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_Queue_ByStatus",
                table: "MashCases",
                columns: new[] { "Status", "QueueDueAt", "UrgencyRank", "ReceivedAt", "Id" },
                filter: "\"Status\" <> 'Decided'")
                .Annotation("Npgsql:IndexInclude", new[] { "Rating", "Flags", "AssignedToUserId", "ReferringOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_ReceivedAt",
                table: "MashCases",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_Reference",
                table: "MashCases",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_ReferralId",
                table: "MashCases",
                column: "ReferralId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_ReferringOrganisationId",
                table: "MashCases",
                column: "ReferringOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Name",
                table: "Organisations",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Due",
                table: "OutboxMessages",
                column: "NextAttemptAt",
                filter: "\"SentAt\" IS NULL AND \"GaveUpAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerAgencies_Key",
                table: "PartnerAgencies",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonLinks_CaseId",
                table: "PersonLinks",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonLinks_LinkedByUserId",
                table: "PersonLinks",
                column: "LinkedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonLinks_PersonId",
                table: "PersonLinks",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonLinks_SubjectId",
                table: "PersonLinks",
                column: "SubjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Persons_CreatedByUserId",
                table: "Persons",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_DateOfBirth",
                table: "Persons",
                column: "DateOfBirth");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_HouseholdId",
                table: "Persons",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_SearchName_Trigrams",
                table: "Persons",
                column: "SearchName")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralAdults_ReferralId",
                table: "ReferralAdults",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralAttachments_ReferralId",
                table: "ReferralAttachments",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralChildren_FamilyName_DateOfBirth",
                table: "ReferralChildren",
                columns: new[] { "FamilyName", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralChildren_ReferralId",
                table: "ReferralChildren",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralQualityFlags_Kind",
                table: "ReferralQualityFlags",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralQualityFlags_ReferralId",
                table: "ReferralQualityFlags",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_IdempotencyKey",
                table: "Referrals",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Reference",
                table: "Referrals",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferrerUserId_Status",
                table: "Referrals",
                columns: new[] { "ReferrerUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferringOrganisationId_Status",
                table: "Referrals",
                columns: new[] { "ReferringOrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Status_Kind_SubmittedAt",
                table: "Referrals",
                columns: new[] { "Status", "Kind", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ThresholdDocumentId",
                table: "Referrals",
                column: "ThresholdDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferrerFeedback_CaseId",
                table: "ReferrerFeedback",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferrerFeedback_DecisionId",
                table: "ReferrerFeedback",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferrerFeedback_ReferralId",
                table: "ReferrerFeedback",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferrerFeedback_SentByUserId",
                table: "ReferrerFeedback",
                column: "SentByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ThresholdDocuments_Key_Draft",
                table: "ThresholdDocuments",
                column: "Key",
                unique: true,
                filter: "\"Status\" = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "IX_ThresholdDocuments_Key_Version",
                table: "ThresholdDocuments",
                columns: new[] { "Key", "Version" },
                unique: true);

            CreateDatabaseRules(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountTokens");

            migrationBuilder.DropTable(
                name: "AgencyChecksNotNeeded");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditedCases");

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EarlyHelpServices");

            migrationBuilder.DropTable(
                name: "EarlyHelpStepDowns");

            migrationBuilder.DropTable(
                name: "Escalations");

            migrationBuilder.DropTable(
                name: "GlossaryTerms");

            migrationBuilder.DropTable(
                name: "InformationRequestSubjects");

            migrationBuilder.DropTable(
                name: "InformationResponseAttachmentContents");

            migrationBuilder.DropTable(
                name: "MashCaseRatings");

            migrationBuilder.DropTable(
                name: "MashSettingsVersions");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "PartnerAgencies");

            migrationBuilder.DropTable(
                name: "PersonLinks");

            migrationBuilder.DropTable(
                name: "ReferralAdults");

            migrationBuilder.DropTable(
                name: "ReferralAttachmentContents");

            migrationBuilder.DropTable(
                name: "ReferralChildren");

            migrationBuilder.DropTable(
                name: "ReferralQualityFlags");

            migrationBuilder.DropTable(
                name: "ThresholdIndicators");

            migrationBuilder.DropTable(
                name: "ThresholdLevelDescriptions");

            migrationBuilder.DropTable(
                name: "ThresholdSubDomains");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "CaseAudits");

            migrationBuilder.DropTable(
                name: "ReferrerFeedback");

            migrationBuilder.DropTable(
                name: "InformationResponseAttachments");

            migrationBuilder.DropTable(
                name: "Persons");

            migrationBuilder.DropTable(
                name: "ReferralAttachments");

            migrationBuilder.DropTable(
                name: "CaseDecisions");

            migrationBuilder.DropTable(
                name: "InformationResponses");

            migrationBuilder.DropTable(
                name: "Households");

            migrationBuilder.DropTable(
                name: "InformationRequests");

            migrationBuilder.DropTable(
                name: "MashCases");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ThresholdDocuments");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropSequence(
                name: "ReferralReferenceNumbers");

            DropDatabaseRules(migrationBuilder);
        }
    }
}
