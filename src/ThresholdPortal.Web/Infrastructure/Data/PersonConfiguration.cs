using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Domain.Identifiers;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>
/// Known people. Their normalised name carries pg_trgm indexes: GIN (the baseline migration), which the queue's and
/// subject access searches filter by similarity through, and three GiST indexes, keyed on a block (the hash of the name's
/// first word, of its last word, or the date of birth) and then the trigrams, which the matching page walks nearest name
/// first within a block and stops (docs/decisions/0032, 0133, 0139), so misspelled and swapped names are found in SQL at any
/// number of people; two B-trees on the word hashes tell a walk beforehand whether its block is empty. The model cannot hold
/// their expressions and signature length: the migration WordBlockedNearestNames writes them.
/// </summary>
public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public const string SearchNameTrigramIndex = "IX_Persons_SearchName_Trigrams";

    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.GivenName).HasMaxLength(Person.NameMaxLength);
        builder.Property(p => p.FamilyName).HasMaxLength(Person.NameMaxLength);
        builder.Property(p => p.SearchName).HasMaxLength(Person.SearchNameMaxLength);
        builder.Property(p => p.AddressLine1).HasMaxLength(Person.AddressMaxLength);
        builder.Property(p => p.Town).HasMaxLength(Person.AddressMaxLength);
        builder.Property(p => p.Postcode).HasMaxLength(Person.PostcodeMaxLength);
        builder.Property(p => p.NhsNumber).HasMaxLength(NhsNumber.Length);
        builder.Property(p => p.Upn).HasMaxLength(Upn.Length);
        builder.Property(p => p.Involvement).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.InvolvementTeam).HasMaxLength(Person.InvolvementTeamMaxLength);
        builder.Ignore(p => p.DisplayName);
        builder.Ignore(p => p.ForMatching);
        builder.HasIndex(p => p.SearchName, SearchNameTrigramIndex).HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.HasIndex(p => p.DateOfBirth);
        builder.HasIndex(p => p.ExpectedDate);

        // Not unique: two records with one NHS number is a conflict a practitioner must see, not a write to refuse.
        builder.HasIndex(p => p.NhsNumber);
        builder.HasIndex(p => p.Upn);
        builder.HasIndex(p => p.HouseholdId);
        // Who else is known at a child's address (the matching page's suggested household).
        builder.HasIndex(p => p.Postcode);
        builder.HasOne<Household>().WithMany().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder) => builder.ToTable("Households");
}

public sealed class PersonLinkConfiguration : IEntityTypeConfiguration<PersonLink>
{
    public void Configure(EntityTypeBuilder<PersonLink> builder)
    {
        builder.ToTable("PersonLinks");
        builder.Property(l => l.Id).UseIdentityAlwaysColumn();
        builder.Property(l => l.Role).HasConversion<string>().HasMaxLength(10);

        // One person per child or adult named in a referral.
        builder.HasIndex(l => l.SubjectId).IsUnique();
        builder.HasIndex(l => l.CaseId);
        builder.HasIndex(l => l.PersonId);
        builder.HasOne<MashCase>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(l => l.LinkedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
