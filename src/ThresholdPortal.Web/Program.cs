using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Serilog.Formatting.Compact;
using Serilog;
using ThresholdPortal.Web.Api;
using ThresholdPortal.Web.Features.Accounts;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Security;
using ThresholdPortal.Web.Infrastructure.Seeding;
using ThresholdPortal.Web.Infrastructure.Telemetry;
using ThresholdPortal.Web.Infrastructure.Web;
using ThresholdPortal.Web.Infrastructure;

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
},
// Each host keeps its own logger rather than replacing the process-wide Log.Logger: hosts built side by side (the
// tests build many) would otherwise write into whichever one was built last.
preserveStaticLogger: true);

builder.Services.AddThresholdPortal(builder.Configuration, builder.Environment);
builder.Services.AddPortalTelemetry(builder.Configuration);

var app = builder.Build();

UkTime.Use(app.Services.GetRequiredService<IOptions<TriageOptions>>().Value.ToCalendar().TimeZone);

await app.PrepareDatabaseAsync();

app.UseTrustedForwardedHeaders();
app.UseSecurityHeaders(app.Services.GetRequiredService<IOptions<SingleSignOnOptions>>().Value.FormActionOrigins());
app.UseAllowedMethods();
app.UseUrlEncodedFormsWithoutNul();
if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
{
    app.UseErrorPageForExceptions();
    app.UseHsts();
}
else if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}

// The pages answer an error with a GOV.UK error page; the API with problem details (RFC 9457), never HTML.
app.UseWhen(context => !ApiEndpoints.IsApi(context), pages => pages.UseStatusCodePagesWithReExecute(ErrorPages.Path, "?code={0}"));
app.UseWhen(ApiEndpoints.IsApi, api => api.UseStatusCodePages());
app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
app.UseStaticFiles();
app.UseRouting();
app.UseSignInRateLimiting();
app.UseAuthentication();
app.UseTwoFactorEnrolmentGate();
app.UseAuthorization();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
app.MapRazorPages();
app.MapNotifyDeliveryReceipts();
app.MapPortalApi();
// The timeout warning's "Stay signed in": any authenticated request renews the cookie (SessionValidation).
app.MapGet("/account/keep-alive", () => Results.NoContent()).RequireAuthorization();

await app.RunAsync();

/// <summary>The entry point; public so tests can start the app with WebApplicationFactory.</summary>
public partial class Program;
