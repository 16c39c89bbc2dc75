using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Api;
using ThresholdPortal.Web.Features.Accounts;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.EarlyHelp;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Insights;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Addresses;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.BackgroundJobs;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Health;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Security;
using ThresholdPortal.Web.Infrastructure.Seeding;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Infrastructure;

/// <summary>
/// Every service the portal needs, in one place: the web host registers them, and so do tools that use the
/// portal's own commands outside it (the demo data, tools/ThresholdPortal.DemoData).
/// </summary>
public static class PortalServiceRegistration
{
    public static IServiceCollection AddThresholdPortal(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var connectionString = configuration.GetConnectionString("Portal")
            ?? throw new InvalidOperationException("ConnectionStrings:Portal is not set.");
        services.AddSingleton<PublishedDocuments>();
        services.AddSingleton<ReadCache>();
        services.AddPortalDbContext(connectionString);

        services
            .AddIdentity<PortalUser, IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                // Invited users confirm by using their invitation link; self-registered ones by a confirmation link.
                options.SignIn.RequireConfirmedEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireDigit = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddClaimsPrincipalFactory<PortalUserClaimsPrincipalFactory>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders();

        var relaxedCookies = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "ThresholdPortal.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = relaxedCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:IdleTimeoutMinutes", 30));
            options.SlidingExpiration = true;
            // One cheap query per request instead of Identity's periodic check: deactivation or a new password ends
            // other sessions at their next request (docs/decisions/0021).
            options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            // Relative, so neither a Host header nor a forwarded scheme reaches the Location (docs/decisions/0102).
            options.Events.OnRedirectToLogin = RelativeRedirects.ToLoginAsync;
            // A signed-in user without the role gets a plain 403 (shown as the GOV.UK error page), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddSingleSignOn(configuration, relaxedCookies);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "ThresholdPortal.Antiforgery";
            options.Cookie.SecurePolicy = relaxedCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        // Keys in PostgreSQL under one application name: every app instance can read the others' cookies.
        services.AddDataProtection().SetApplicationName("ThresholdPortal").PersistKeysToDbContext<PortalDbContext>();

        services.AddAuthorization(options => options.AddPortalPolicies().AddApiPolicies());
        services
            .AddRazorPages(options =>
            {
                options.Conventions.Add(new KebabCaseRouteConvention());
                options.Conventions.AuthorizeFolder("/Referrals", Policies.Referrer);
                options.Conventions.AuthorizeFolder("/Mash", Policies.Mash);
                options.Conventions.AuthorizeFolder("/Mash/SignOff", Policies.MashManager);
                options.Conventions.AuthorizeFolder("/Mash/Escalations", Policies.MashManager);
                options.Conventions.AuthorizeFolder("/Agency", Policies.Agency);
                options.Conventions.AuthorizeFolder("/EarlyHelp", Policies.EarlyHelp);
                options.Conventions.AuthorizeFolder("/SubjectAccess", Policies.SubjectAccess);
                options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
                options.Conventions.AuthorizeFolder("/Insights", Policies.Insights);
                options.Conventions.AuthorizeFolder("/Insights/Audits", Policies.CaseAudit);
                options.Conventions.AuthorizePage("/Insights/UnusualAccess", Policies.MashManager);
                options.Conventions.AllowAnonymousToPage("/Index");
                options.Conventions.AllowAnonymousToPage("/Accessibility");
                options.Conventions.AllowAnonymousToPage("/Privacy");
                options.Conventions.AllowAnonymousToPage("/Error");
                options.Conventions.AllowAnonymousToPage("/Account/SignIn");
                options.Conventions.AllowAnonymousToPage("/Account/SingleSignOn");
                options.Conventions.AllowAnonymousToPage("/Account/SignOut");
                options.Conventions.AllowAnonymousToPage("/Account/SignInCode");
                options.Conventions.AllowAnonymousToPage("/Account/SignInRecoveryCode");
                options.Conventions.AllowAnonymousToPage("/Account/Register");
                options.Conventions.AllowAnonymousToPage("/Account/ConfirmEmail");
                options.Conventions.AllowAnonymousToPage("/Account/AcceptInvitation");
                options.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
                options.Conventions.AllowAnonymousToPage("/Account/ResetPassword");
                options.Conventions.AllowAnonymousToPage("/Account/CheckYourEmail");
            })
            .AddMvcOptions(options =>
            {
                options.Filters.Add<ValidationPageFilter>();
                options.Filters.Add<PostWithoutHandlerFilter>();
                // An instance, so that its order (between the size limits and the antiforgery check) is kept.
                options.Filters.Add(new OversizedUploadFilter());
                BoundTextModelBinderProvider.AddTo(options.ModelBinderProviders);
            });
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);

        services.AddValidatorsFromAssembly(typeof(PortalServiceRegistration).Assembly, includeInternalTypes: true);
        services.AddPortalMediator(typeof(PortalServiceRegistration).Assembly);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpContextCurrentUser>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<AccountTokens>();
        services.AddPortalEmail(configuration);
        services.AddSignInRateLimiting(configuration);
        services.AddAccounts(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddReferenceData();
        services.AddBootstrapAdministrator(configuration);
        services.AddTriage(configuration);
        services.AddInformationRequests(configuration);
        services.AddDecisions(configuration);
        services.AddEarlyHelp();
        services.AddInsights(configuration);
        services.AddRetention(configuration);
        ReturnsOptions.Add(services, configuration);
        AddressLookupOptions.Add(services, configuration);

        services.AddPortalApi(environment);

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgresql", tags: ["ready"]);
        services.AddTrustedProxies(configuration);

        return services;
    }
}
