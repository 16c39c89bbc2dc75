using System.Text.RegularExpressions;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Triage;
using ContactsPage = ThresholdPortal.Web.Pages.Admin.Configuration.MashSettings.ContactsModel;

namespace ThresholdPortal.UnitTests.Triage;

/// <summary>Phone numbers are settings: no page or class holds one (docs/decisions/0095).</summary>
public sealed partial class ServiceContactsTests
{
    /// <summary>A UK number (01632 960 111, 07700 900982, +44 1632 960111), or a short code after "call"/"phone"/"on".</summary>
    [GeneratedRegex(@"(?<![\w.])(?:\+44\s?|0)\d{2,4}[\s-]?\d{3}[\s-]?\d{3,4}(?!\d)|\b(?:call|calling|phone|on)\s+1\d\d\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex PhoneNumber();

    /// <summary>GOV.UK's recommended error message shows the number format with Ofcom's drama numbers: an example, not a contact.</summary>
    private const string FormatExample = "like 01632 960 001 or 07700 900 982";

    [Fact]
    public void No_page_or_class_holds_a_phone_number()
    {
        var found = SourceTree.HandWrittenFiles(".cs", ".cshtml")
            .Where(f => f.Relative.StartsWith("src/", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f.Path).Select((line, i) => (f.Relative, Line: i + 1, Text: line)))
            .Where(l => PhoneNumber().IsMatch(l.Text.Replace(FormatExample, string.Empty, StringComparison.Ordinal)))
            .Select(l => $"{l.Relative}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        found.ShouldBeEmpty("phone numbers are MASH settings (ServiceContacts): read them from MashSettings.Contacts");
    }

    [Theory]
    [InlineData("call the MASH on 01632 960 111.")]
    [InlineData("Call 07700 900982 now")]
    [InlineData("ring +44 1632 960111")]
    [InlineData("report it to the police by calling 101.")]
    public void The_guard_finds_numbers_as_pages_write_them(string text) => PhoneNumber().IsMatch(text).ShouldBeTrue();

    [Theory]
    [InlineData("If a child is in immediate danger, call 999.")]
    [InlineData("Position must be a whole number from 1 to 999")]
    [InlineData("similarity >= 0.999")]
    public void The_emergency_number_and_ordinary_numbers_are_not_flagged(string text) => PhoneNumber().IsMatch(text).ShouldBeFalse();

    [Fact]
    public void The_shipped_contacts_are_complete_and_valid()
    {
        var shipped = ShippedContacts.Value;
        new[] { shipped.MashPhone, shipped.EmergencyDutyTeamPhone, shipped.PoliceNonEmergencyPhone, shipped.EarlyHelpHubPhone }
            .ShouldAllBe(phone => ContactsPage.Validator.IsPhoneNumber(phone));
        shipped.MashEmail.ShouldContain('@');
        shipped.EmergencyDutyTeamHours.ShouldNotBeNullOrWhiteSpace();
        shipped.MashPhone.ShouldNotBe(shipped.EmergencyDutyTeamPhone, "the MASH and the Emergency Duty Team are different lines");
    }

    [Theory]
    [InlineData(new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        "Monday to Friday")]
    [InlineData(new[] { DayOfWeek.Friday, DayOfWeek.Monday, DayOfWeek.Wednesday }, "Monday, Wednesday and Friday")]
    [InlineData(new[] { DayOfWeek.Sunday, DayOfWeek.Saturday }, "Saturday to Sunday")]
    [InlineData(new[] { DayOfWeek.Tuesday }, "Tuesday")]
    public void Opening_days_read_as_words(DayOfWeek[] days, string expected) => MashSettings.DayRange(days).ShouldBe(expected);

    [Fact]
    public void Opening_hours_come_from_the_working_hours_in_force()
    {
        var version = MashSettings.FromConfiguration(new TriageOptions(), new InformationRequestOptions(),
            new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        version.WorkingDayStarts = new TimeOnly(8, 30);
        version.Contacts.ShouldNotBeNull();
        new MashSettings(version, TimeZoneInfo.Utc).OpeningHours.ShouldBe("Monday to Friday, 8:30am to 5pm, except bank holidays");
    }
}
