using System.Reflection;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.UnitTests;

/// <summary>
/// Every row the app creates gets a time-ordered key (UUID version 7), so a new row's key lands at the right edge of its
/// primary key index rather than on a random page of it (docs/decisions/0146).
/// </summary>
public sealed class RowKeyTests
{
    private static readonly Type[] Busiest =
    [
        typeof(Referral), typeof(ReferralChild), typeof(SignificantAdult), typeof(MashCase), typeof(CaseDecision),
        typeof(ReferrerFeedback), typeof(Escalation), typeof(Person), typeof(Household),
    ];

    [Fact]
    public void A_new_entity_of_any_kind_has_a_time_ordered_key()
    {
        var checkedTypes = new List<Type>();
        var random = new List<string>();
        foreach (var type in EntitiesWithAGuidKey())
        {
            var key = (Guid)type.GetProperty("Id")!.GetValue(Activator.CreateInstance(type, nonPublic: true))!;
            if (key == Guid.Empty)
            {
                continue; // given by whoever creates it, or by EF on insert (Npgsql's generator is version 7 too)
            }

            checkedTypes.Add(type);
            if (key.Version != 7)
            {
                random.Add($"{type.FullName}: version {key.Version}");
            }
        }

        random.ShouldBeEmpty("give the Id property Guid.CreateVersion7() as its initial value");
        Busiest.Except(checkedTypes).ShouldBeEmpty("each of these should be created, and checked, here");
    }

    private static IEnumerable<Type> EntitiesWithAGuidKey() =>
        new[] { typeof(Referral).Assembly, typeof(Program).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .Where(t => t.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) is not null)
            .Where(t => t.GetProperty("Id", BindingFlags.Instance | BindingFlags.Public)?.PropertyType == typeof(Guid));
}
