using System.Collections.Frozen;

namespace ThresholdPortal.Domain.Referrals.Quality;

/// <summary>A term professionals use, what it means, and whether every reader can be expected to know it.</summary>
public sealed record GlossaryTerm(string Term, string Meaning, bool WidelyUnderstood = false);

/// <summary>
/// The acronyms and agency jargon that turn up in referrals. A term that is not widely understood is
/// flagged with its meaning unless the referrer explains it; an all-capital word not listed here is
/// flagged "explain this term".
/// </summary>
public sealed class Glossary
{
    private readonly FrozenDictionary<string, GlossaryTerm> terms;

    public Glossary(IEnumerable<GlossaryTerm> terms)
    {
        this.terms = terms.ToFrozenDictionary(t => t.Term, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<GlossaryTerm> Terms => terms.Values;

    public GlossaryTerm? Find(string term) => terms.GetValueOrDefault(term);

    /// <summary>The terms the portal ships with: the glossary table is seeded from these, then the MASH keeps it.</summary>
    public static Glossary Default { get; } = new(
    [
        new("A&E", "Accident and emergency department", WidelyUnderstood: true),
        new("GP", "General practitioner (family doctor)", WidelyUnderstood: true),
        new("NHS", "National Health Service", WidelyUnderstood: true),
        new("MASH", "Multi-Agency Safeguarding Hub", WidelyUnderstood: true),
        new("UK", "United Kingdom", WidelyUnderstood: true),
        new("OK", "All right", WidelyUnderstood: true),
        new("TV", "Television", WidelyUnderstood: true),
        new("PE", "Physical education", WidelyUnderstood: true),
        new("IT", "Information technology", WidelyUnderstood: true),
        new("GCSE", "General Certificate of Secondary Education", WidelyUnderstood: true),
        new("SATS", "Standard assessment tests", WidelyUnderstood: true),
        new("CCTV", "Closed-circuit television", WidelyUnderstood: true),
        new("ADHD", "Attention deficit hyperactivity disorder"),
        new("ASD", "Autism spectrum disorder"),
        new("ASB", "Antisocial behaviour"),
        new("CAF", "Common Assessment Framework (now the Early Help Assessment)"),
        new("CAMHS", "Child and Adolescent Mental Health Services"),
        new("CCE", "Child criminal exploitation"),
        new("CIN", "Child in need (Children Act 1989, section 17)"),
        new("CLA", "Child looked after by the local authority"),
        new("LAC", "Looked after child"),
        new("CP", "Child protection"),
        new("CPP", "Child protection plan"),
        new("CSE", "Child sexual exploitation"),
        new("CYP", "Children and young people"),
        new("DA", "Domestic abuse"),
        new("DV", "Domestic violence"),
        new("DASH", "Domestic Abuse, Stalking, Harassment and Honour-based violence risk checklist"),
        new("DOB", "Date of birth"),
        new("DSL", "Designated safeguarding lead"),
        new("DVRIM", "Domestic violence risk identification matrix"),
        new("ED", "Emergency department"),
        new("EHA", "Early Help Assessment"),
        new("EHCP", "Education, health and care plan"),
        new("EHE", "Elective home education"),
        new("EWO", "Education welfare officer"),
        new("FGM", "Female genital mutilation"),
        new("FII", "Fabricated or induced illness"),
        new("GCP", "Graded Care Profile (a neglect assessment tool)"),
        new("HV", "Health visitor"),
        new("ICPC", "Initial child protection conference"),
        new("IDVA", "Independent domestic violence adviser"),
        new("LADO", "Local authority designated officer (allegations against people who work with children)"),
        new("MAPPA", "Multi-agency public protection arrangements"),
        new("MARAC", "Multi-agency risk assessment conference (for high-risk domestic abuse)"),
        new("MH", "Mental health"),
        new("NFA", "No further action"),
        new("PCSO", "Police community support officer"),
        new("PLO", "Public Law Outline (the pre-proceedings stage before care proceedings)"),
        new("PRU", "Pupil referral unit"),
        new("SALT", "Speech and language therapy"),
        new("SEN", "Special educational needs"),
        new("SEND", "Special educational needs and disabilities"),
        new("SENCO", "Special educational needs coordinator"),
        new("SGO", "Special guardianship order"),
        new("TAF", "Team around the family"),
        new("UASC", "Unaccompanied asylum-seeking child"),
        new("YOT", "Youth offending team"),
        new("YJS", "Youth justice service"),
        new("S17", "Section 17 of the Children Act 1989: support for a child in need"),
        new("S20", "Section 20 of the Children Act 1989: a child accommodated with the parents' agreement"),
        new("S47", "Section 47 of the Children Act 1989: a child protection enquiry"),
    ]);
}
