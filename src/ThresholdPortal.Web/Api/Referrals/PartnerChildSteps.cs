using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Pages.Referrals.Draft;

namespace ThresholdPortal.Web.Api.Referrals;

/// <summary>One child of a partner referral through the child's pages: add, details, experience, indicators.</summary>
public static class PartnerChildSteps
{
    public static async Task SendAsync(ApiSteps steps, Guid draftId, PartnerChild child, string prefix,
        IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(child);
        var childId = await steps.SendAsync(new AddChildModel.Command
        {
            DraftId = draftId,
            GivenName = child.GivenName,
            FamilyName = child.FamilyName,
            IsUnborn = child.Unborn,
        }, prefix, names);
        if (childId == Guid.Empty)
        {
            return;
        }

        await steps.SendAsync(new ChildDetailsModel.Command
        {
            DraftId = draftId,
            ChildId = childId,
            GivenName = child.GivenName,
            FamilyName = child.FamilyName,
            Born = !child.Unborn,
            DateOfBirth = ApiSteps.DateFrom(child.DateOfBirth),
            ExpectedDate = ApiSteps.DateFrom(child.ExpectedDate),
            Gender = child.Gender,
            AddressLine1 = child.Address?.Line1,
            AddressLine2 = child.Address?.Line2,
            Town = child.Address?.Town,
            Postcode = child.Address?.Postcode,
            Uprn = child.Address?.Uprn,
            SchoolOrSetting = child.SchoolOrSetting,
            Identity = new ChildIdentity
            {
                NhsNumber = child.NhsNumber,
                Upn = child.Upn,
                Sex = child.Sex,
                Ethnicity = child.Ethnicity,
                Disabilities = [.. child.Disabilities ?? []],
                FirstLanguage = child.FirstLanguage,
                InterpreterNeeded = child.InterpreterNeeded,
            },
        }, prefix, names);
        await steps.SendAsync(new ChildExperienceModel.Command
        {
            DraftId = draftId,
            ChildId = childId,
            HowConcernsAffectChild = child.HowConcernsAffectChild,
            ChildsVoice = child.ChildsVoice,
            SiblingsExperiences = child.SiblingsExperiences,
        }, prefix, names);
        await steps.SendAsync(new ChildIndicatorsModel.Command
        {
            DraftId = draftId,
            ChildId = childId,
            IndicatorCodes = [.. child.Indicators ?? []],
        }, prefix, names);
    }
}
