using ThresholdPortal.Domain.Organisations;

namespace ThresholdPortal.UnitTests.Organisations;

public sealed class EmailDomainTests
{
    [Theory]
    [InlineData("riverside.example.org")]
    [InlineData("nhs.net")]
    [InlineData("north-shire.gov.uk")]
    [InlineData("xn--bcher-kva.example")]
    public void Real_domains_are_valid(string domain) => EmailDomain.IsValid(domain).ShouldBeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("school..org")]
    [InlineData("-school.org")]
    [InlineData("school-.org")]
    [InlineData("school.org.")]
    [InlineData("sch ool.org")]
    [InlineData("192.168.0.1")]
    [InlineData("name@school.org")]
    [InlineData("School.org")]
    public void Anything_else_is_not(string domain) => EmailDomain.IsValid(domain).ShouldBeFalse();

    [Fact]
    public void A_typed_list_is_split_and_normalised()
    {
        EmailDomain.ParseList(" @Riverside.Example.ORG \r\n, nhs.net;\n\n health.example.org. ")
            .ShouldBe(["riverside.example.org", "nhs.net", "health.example.org"]);
    }

    [Theory]
    [InlineData("Teacher@Riverside.Example.org", "riverside.example.org")]
    [InlineData("a@b@school.org", "school.org")]
    [InlineData("no-at-sign", null)]
    [InlineData("trailing@", null)]
    [InlineData(null, null)]
    public void The_domain_of_an_address(string? address, string? domain) => EmailDomain.Of(address).ShouldBe(domain);

    [Fact]
    public void Public_webmail_cannot_identify_an_organisation()
    {
        EmailDomain.IsPublicWebmail("GMAIL.com").ShouldBeTrue();
        EmailDomain.IsPublicWebmail("hillview.example.org").ShouldBeFalse();
    }
}
