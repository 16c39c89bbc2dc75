namespace ThresholdPortal.Domain.Referrals;

/// <summary>
/// A category of concern the referrer can tick, mapped to its Children in Need census factor code. Factors
/// coded A/B/C by whom they concern (child, parent, other adult) are stored by number; the MASH adds the
/// letter at assessment. The keys are stored, so never rename one.
/// </summary>
public sealed record ConcernCategory(string Key, string Name, string CinFactorCode)
{
    public static readonly ConcernCategory DomesticAbuse = new(nameof(DomesticAbuse), "Domestic abuse", "3");
    public static readonly ConcernCategory Neglect = new(nameof(Neglect), "Neglect", "16A");
    public static readonly ConcernCategory EmotionalAbuse = new(nameof(EmotionalAbuse), "Emotional abuse", "17A");
    public static readonly ConcernCategory PhysicalAbuseByAdult = new(nameof(PhysicalAbuseByAdult), "Physical abuse by an adult", "18C");
    public static readonly ConcernCategory PhysicalAbuseByChild = new(nameof(PhysicalAbuseByChild), "Physical abuse by another child",
        "18B");
    public static readonly ConcernCategory SexualAbuseByAdult = new(nameof(SexualAbuseByAdult), "Sexual abuse by an adult", "19C");
    public static readonly ConcernCategory SexualAbuseByChild = new(nameof(SexualAbuseByChild), "Sexual abuse by another child", "19B");
    public static readonly ConcernCategory ChildSexualExploitation = new(nameof(ChildSexualExploitation), "Child sexual exploitation (CSE)",
        "11A");
    public static readonly ConcernCategory ChildCriminalExploitation = new(nameof(ChildCriminalExploitation),
        "Child criminal exploitation (CCE), including county lines", "24A");
    public static readonly ConcernCategory FemaleGenitalMutilation = new(nameof(FemaleGenitalMutilation), "Female genital mutilation (FGM)",
        "22A");
    public static readonly ConcernCategory Missing = new(nameof(Missing), "Going missing", "10A");
    public static readonly ConcernCategory Gangs = new(nameof(Gangs), "Gangs", "13A");
    public static readonly ConcernCategory Trafficking = new(nameof(Trafficking), "Trafficking or modern slavery", "12A");

    // No census factor of their own: counted as "other" (20).
    public static readonly ConcernCategory ForcedMarriage = new(nameof(ForcedMarriage), "Forced marriage or honour-based abuse", "20");
    public static readonly ConcernCategory Radicalisation = new(nameof(Radicalisation), "Radicalisation or extremism", "20");
    public static readonly ConcernCategory Disclosure = new(nameof(Disclosure), "The child has told someone they are being harmed",
        "20");
    public static readonly ConcernCategory MentalHealth = new(nameof(MentalHealth), "Mental health (child or adult)", "4");
    public static readonly ConcernCategory SelfHarm = new(nameof(SelfHarm), "Self-harm", "15A");
    public static readonly ConcernCategory AlcoholMisuse = new(nameof(AlcoholMisuse), "Alcohol misuse", "1");
    public static readonly ConcernCategory DrugMisuse = new(nameof(DrugMisuse), "Drug misuse", "2");
    public static readonly ConcernCategory LearningDisability = new(nameof(LearningDisability), "Learning disability", "5");
    public static readonly ConcernCategory PhysicalDisabilityOrIllness = new(nameof(PhysicalDisabilityOrIllness),
        "Physical disability or illness", "6");
    public static readonly ConcernCategory YoungCarer = new(nameof(YoungCarer), "Young carer", "7A");
    public static readonly ConcernCategory PrivateFostering = new(nameof(PrivateFostering), "Privately fostered", "8B");
    public static readonly ConcernCategory UnaccompaniedAsylumSeeker = new(nameof(UnaccompaniedAsylumSeeker),
        "Unaccompanied asylum-seeking child", "9A");
    public static readonly ConcernCategory SociallyUnacceptableBehaviour = new(nameof(SociallyUnacceptableBehaviour),
        "Socially unacceptable behaviour", "14A");
    public static readonly ConcernCategory FaithOrBelief = new(nameof(FaithOrBelief), "Abuse linked to faith or belief", "23A");
    public static readonly ConcernCategory Other = new(nameof(Other), "Something else", "20");

    public static IReadOnlyList<ConcernCategory> All { get; } =
    [
        DomesticAbuse, Neglect, EmotionalAbuse, PhysicalAbuseByAdult, PhysicalAbuseByChild, SexualAbuseByAdult,
        SexualAbuseByChild, ChildSexualExploitation, ChildCriminalExploitation, FemaleGenitalMutilation, Missing,
        Gangs, Trafficking, ForcedMarriage, Radicalisation, Disclosure, MentalHealth, SelfHarm, AlcoholMisuse, DrugMisuse,
        LearningDisability,
        PhysicalDisabilityOrIllness, YoungCarer, PrivateFostering, UnaccompaniedAsylumSeeker,
        SociallyUnacceptableBehaviour, FaithOrBelief, Other,
    ];

    /// <summary>
    /// Concerns that are always child protection: a referral naming any of them is urgent until a practitioner rates
    /// it (physical injury, sexual abuse, FGM, exploitation, trafficking, forced marriage, radicalisation, a disclosure).
    /// </summary>
    public static IReadOnlyList<ConcernCategory> AlwaysChildProtection { get; } =
    [
        PhysicalAbuseByAdult, PhysicalAbuseByChild, SexualAbuseByAdult, SexualAbuseByChild, ChildSexualExploitation,
        ChildCriminalExploitation, FemaleGenitalMutilation, Trafficking, ForcedMarriage, Radicalisation, Disclosure,
    ];

    /// <summary>
    /// Concerns that make the guidance suggest level 4 whatever indicators are ticked (docs/decisions/0112). FGM is
    /// not here because it reaches the guidance through <see cref="Referral.Screening"/>, with its own advice.
    /// Physical abuse is not here: an injury's level depends on the child and the injury, which the indicators say.
    /// </summary>
    public static IReadOnlyList<ConcernCategory> RaiseGuidanceToChildProtection { get; } =
    [
        SexualAbuseByAdult, SexualAbuseByChild, ChildSexualExploitation, ChildCriminalExploitation, Trafficking, ForcedMarriage,
        Radicalisation,
    ];

    public static ConcernCategory? Find(string? key) => All.FirstOrDefault(c => c.Key == key);
}
