using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.UnitTests.Web.Infrastructure.Email;

public sealed class EmailTemplateTests
{
    public static TheoryData<string> Templates() => [.. EmailTemplate.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_email_is_fixed_text_with_the_link_and_the_emergency_line(string name)
    {
        var template = EmailTemplate.Find(name)!;

        var body = template.RenderBody(new Uri("https://portal.example.org/account/sign-in"));

        body.ShouldContain("https://portal.example.org/account/sign-in");
        body.ShouldContain("If a child is in immediate danger, call 999.");
        body.ShouldNotContain("{");
        template.Subject.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Template_names_are_unique_and_found_by_name()
    {
        EmailTemplate.All.Select(t => t.Name).ShouldBeUnique();
        EmailTemplate.Find(EmailTemplate.Invitation.Name).ShouldBeSameAs(EmailTemplate.Invitation);
        EmailTemplate.Find("no.such.template").ShouldBeNull();
    }

    [Fact]
    public void Every_template_declared_is_one_the_dispatcher_knows()
    {
        // A template left out of the list is queued but given up at dispatch as unknown.
        var declared = typeof(EmailTemplate).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(EmailTemplate)).Select(f => (EmailTemplate)f.GetValue(null)!).ToList();

        declared.Count.ShouldBeGreaterThan(10);
        declared.ShouldAllBe(t => EmailTemplate.Find(t.Name) == t);
    }
}
