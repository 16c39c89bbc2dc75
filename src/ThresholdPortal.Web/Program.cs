using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Serilog;
using Serilog.Formatting.Compact;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Health;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Security;
using ThresholdPortal.Web.Infrastructure.Seeding;
using ThresholdPortal.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) =>
{
    logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
    if (builder.Environment.IsDevelopment())
    {
        logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
    }
    else
    {
        logger.WriteTo.Console(new RenderedCompactJsonFormatter());
    }
});

var connectionString = builder.Configuration.GetConnectionString("Portal")
    ?? throw new InvalidOperationException("ConnectionStrings:Portal is not set.");
builder.Services.AddDbContext<PortalDbContext>(options => options.UseNpgsql(connectionString));

builder.Services
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

var relaxedCookies = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
builder.Services.ConfigureApplicationCookie(options =>
{
    options.Cookie.Name = "ThresholdPortal.Auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.SecurePolicy = relaxedCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    options.LoginPath = "/account/sign-in";
    options.LogoutPath = "/account/sign-out";
    options.ExpireTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Security:IdleTimeoutMinutes", 30));
    options.SlidingExpiration = true;
    // One cheap query per request instead of Identity's periodic check: deactivation or a new password ends
    // other sessions at their next request (docs/decisions/0021).
    options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
    // A signed-in user without the role gets a plain 403 (shown as the GOV.UK error page), not a redirect.
    options.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
});
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "ThresholdPortal.Antiforgery";
    options.Cookie.SecurePolicy = relaxedCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
});

// Keys in PostgreSQL under one application name: every app instance can read the others' cookies.
builder.Services.AddDataProtection().SetApplicationName("ThresholdPortal").PersistKeysToDbContext<PortalDbContext>();

builder.Services.AddAuthorization(options => options.AddPortalPolicies());
builder.Services
    .AddRazorPages(options =>
    {
        options.Conventions.Add(new KebabCaseRouteConvention());
        options.Conventions.AuthorizeFolder("/Referrals", Policies.Referrer);
        options.Conventions.AuthorizeFolder("/Mash", Policies.Mash);
        options.Conventions.AuthorizeFolder("/Mash/SignOff", Policies.MashManager);
        options.Conventions.AuthorizeFolder("/Mash/Escalations", Policies.MashManager);
        options.Conventions.AuthorizeFolder("/Agency", Policies.Agency);
        options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
        options.Conventions.AuthorizeFolder("/Insights", Policies.Insights);
        options.Conventions.AuthorizeFolder("/Insights/Audits", Policies.CaseAudit);
        options.Conventions.AllowAnonymousToPage("/Index");
        options.Conventions.AllowAnonymousToPage("/Accessibility");
        options.Conventions.AllowAnonymousToPage("/Privacy");
        options.Conventions.AllowAnonymousToPage("/Error");
        options.Conventions.AllowAnonymousToPage("/Account/SignIn");
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
    .AddMvcOptions(options => options.Filters.Add<ValidationPageFilter>());
builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);

builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
builder.Services.AddPortalMediator(typeof(Program).Assembly);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, HttpContextCurrentUser>();
builder.Services.AddScoped<IAuditTrail, AuditTrail>();
builder.Services.AddScoped<AccountTokens>();
builder.Services.AddPortalEmail(builder.Configuration);
builder.Services.AddSignInRateLimiting(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDemoData();
builder.Services.AddReferenceData();
builder.Services.AddBootstrapAdministrator(builder.Configuration);
builder.Services.AddTriage(builder.Configuration);
builder.Services.AddInformationRequests(builder.Configuration);
builder.Services.AddDecisions(builder.Configuration);

builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgresql", tags: ["ready"]);
builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    options.KnownIPNetworks.Clear();
    options.KnownProxies.Clear();
});

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseForwardedHeaders();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}
else if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}

app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
app.UseSerilogRequestLogging();
app.UseStaticFiles();
app.UseRouting();
app.UseSignInRateLimiting();
app.UseAuthentication();
app.UseTwoFactorEnrolmentGate();
app.UseAuthorization();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
app.MapRazorPages();
// The timeout warning's "Stay signed in": any authenticated request renews the cookie (SessionValidation).
app.MapGet("/account/keep-alive", () => Results.NoContent()).RequireAuthorization();

await app.RunAsync();

/// <summary>The entry point; public so tests can start the app with WebApplicationFactory.</summary>
public partial class Program;
