using FluentValidation;
using MediatR;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Pages.Referrals;
using ThresholdPortal.Web.Pages.Referrals.Draft;

namespace ThresholdPortal.Web.Api.Referrals;

/// <summary>
/// A partner system's referral (issue 21): the pages' own commands, in the order of the task list, in one transaction.
/// Each answer is judged by its page's validator; every failure is gathered, and if there is any, nothing is stored
/// (the transaction rolls back) and the partner gets them all. Then the referral is sent as check answers sends it.
/// </summary>
public sealed class SendPartnerReferral : ICommand<CommandResult<string>>, IFingerprintedCommand
{
    public Guid? IdempotencyKey { get; set; }

    /// <summary>The body's SHA-256: a key sent again with a different body is refused (docs/decisions/0129).</summary>
    public string? Fingerprint { get; set; }

    public PartnerReferral Referral { get; init; } = new();
}

/// <summary>Bounds the lists before any step runs, with the pages' own limits; the steps judge the answers.</summary>
public sealed class SendPartnerReferralValidator : AbstractValidator<SendPartnerReferral>
{
    public SendPartnerReferralValidator()
    {
        RuleFor(c => c.Referral.Children).Must(c => c is null || c.Count <= AddChildModel.MaxChildren).OverridePropertyName("children")
            .WithMessage($"A referral can be about up to {AddChildModel.MaxChildren} children. Send a second referral for the others");
        RuleFor(c => c.Referral.Adults).Must(a => a is null || a.Count <= AdultModel.MaxAdults).OverridePropertyName("adults")
            .WithMessage($"A referral can name up to {AdultModel.MaxAdults} adults. Describe any others in the concerns");
        RuleFor(c => c.Referral.Attachments).Must(a => a is null || a.Count <= ReferralAttachment.MaxPerReferral)
            .OverridePropertyName("attachments").WithMessage($"You can attach up to {ReferralAttachment.MaxPerReferral} files");
        RuleFor(c => c.Referral.Screening).NotNull().OverridePropertyName("screening").WithMessage("Answer the screening questions");
        RuleFor(c => c.Referral.Referrer).NotNull().OverridePropertyName("referrer").WithMessage("Say who is making the referral");
        RuleFor(c => c.Referral.Children).NotEmpty().OverridePropertyName("children").WithMessage("Add the children the referral is about");
        RuleFor(c => c.Referral.Concerns).NotNull().OverridePropertyName("concerns").WithMessage("Describe your concerns");
        // A list's element written as null has no answers to send through a page: named here rather than failing later.
        RuleFor(c => c.Referral).Custom((referral, context) =>
        {
            foreach (var (name, items) in new (string, IReadOnlyList<object?>?)[]
            {
                ("children", referral.Children), ("adults", referral.Adults), ("attachments", referral.Attachments),
            })
            {
                for (var i = 0; i < (items?.Count ?? 0); i++)
                {
                    if (items![i] is null)
                    {
                        context.AddFailure($"{name}[{i}]", "Give this entry's answers, or leave it out");
                    }
                }
            }
        });
        RuleFor(c => c.Referral.Consent).NotNull().OverridePropertyName("consent").WithMessage("Say whether the family agreed");
        RuleFor(c => c.Referral.Communication).NotNull().OverridePropertyName("communication")
            .WithMessage("Say whether the family needs an interpreter");
    }
}

public sealed class SendPartnerReferralHandler(IMediator mediator, PortalDbContext db)
    : IRequestHandler<SendPartnerReferral, CommandResult<string>>
{
    private static readonly Dictionary<string, string> ChildNames = new(StringComparer.Ordinal)
    {
        [nameof(AddChildModel.Command.IsUnborn)] = "unborn",
        [nameof(ChildDetailsModel.Command.Born)] = "unborn",
        [nameof(ChildDetailsModel.Command.AddressLine1)] = "address.line1",
        [nameof(ChildDetailsModel.Command.AddressLine2)] = "address.line2",
        [nameof(ChildDetailsModel.Command.Town)] = "address.town",
        [nameof(ChildDetailsModel.Command.Postcode)] = "address.postcode",
        [nameof(ChildDetailsModel.Command.Uprn)] = "address.uprn",
        [nameof(ChildIndicatorsModel.Command.IndicatorCodes)] = "indicators",
        [nameof(ChildDetailsModel.Command.Identity)] = string.Empty,
    };

    private static readonly Dictionary<string, string> CategoryNames = new(StringComparer.Ordinal)
    {
        [nameof(CategoriesModel.Command.Categories)] = "codes",
    };

    private static readonly Dictionary<string, string> ConsentNames = new(StringComparer.Ordinal)
    {
        [nameof(ConsentModel.Command.RefusedReason)] = "reason",
        [nameof(ConsentModel.Command.NotSoughtReason)] = "reason",
    };

    private static readonly Dictionary<string, string> AttachmentNames = new(StringComparer.Ordinal)
    {
        [nameof(AttachmentsModel.Upload.File)] = "contentBase64",
    };

    /// <summary>Check answers names an unfinished section; the API names the part of the body that holds it.</summary>
    private static readonly Dictionary<string, string> SectionNames = new(StringComparer.Ordinal)
    {
        [nameof(ReferralSection.ThresholdLevel)] = "chosenLevel",
        [nameof(ReferralSection.Children)] = "children",
        [nameof(ReferralSection.Household)] = "adults",
        [nameof(ReferralSection.Concerns)] = "concerns",
        [nameof(ReferralSection.ConsentAndCommunication)] = "consent",
        [nameof(ReferralSection.ReferrerDetails)] = "referrer",
    };

    public async Task<CommandResult<string>> Handle(SendPartnerReferral request, CancellationToken cancellationToken)
    {
        var body = request.Referral;
        var steps = new ApiSteps(mediator, db, cancellationToken);
        var draftId = await steps.SendAsync(new NewModel.Command { IdempotencyKey = Guid.CreateVersion7() }, string.Empty);
        var screening = body.Screening!;
        await steps.SendAsync(new ScreeningModel.Command
        {
            DraftId = draftId,
            ChildInImmediateDanger = screening.ChildInImmediateDanger,
            Fgm = screening.Fgm,
            Profession = screening.Profession,
        }, "screening.");

        for (var i = 0; i < body.Children!.Count; i++)
        {
            await PartnerChildSteps.SendAsync(steps, draftId, body.Children[i], $"children[{i}].", ChildNames);
        }

        await steps.SendAsync(CategoriesOf(draftId, body.Categories), "categories.", CategoryNames);
        var earlyHelpOffered = await steps.SendAsync(new LevelModel.Command
        {
            DraftId = draftId,
            ChosenLevel = (Domain.Thresholds.ThresholdLevel?)body.ChosenLevel,
        }, string.Empty);
        if (earlyHelpOffered)
        {
            await steps.SendAsync(new EarlyHelpModel.Command
            {
                DraftId = draftId,
                Choice = body.EarlyHelp?.Choice,
                ReasonForMashReferral = body.EarlyHelp?.ReasonForMashReferral,
            }, "earlyHelp.");
        }

        for (var i = 0; i < (body.Adults?.Count ?? 0); i++)
        {
            var adult = body.Adults![i];
            await steps.SendAsync(new AdultModel.Command
            {
                DraftId = draftId,
                GivenName = adult.GivenName,
                FamilyName = adult.FamilyName,
                Relationship = adult.Relationship,
                LivesWithChildren = adult.LivesWithChildren,
                DateOfBirth = ApiSteps.DateFrom(adult.DateOfBirth),
                KnowsAboutReferral = adult.KnowsAboutReferral,
            }, $"adults[{i}].");
        }

        await ConcernsAsync(steps, draftId, body);
        await steps.SendAsync(new YourDetailsModel.Command { DraftId = draftId, Phone = body.Referrer!.Phone }, "referrer.");
        await steps.SendAsync(new SetPartnerReferrer { DraftId = draftId, Referrer = body.Referrer }, "referrer.");
        for (var i = 0; i < (body.Attachments?.Count ?? 0); i++)
        {
            if (AttachmentOf(steps, draftId, body.Attachments![i], $"attachments[{i}].") is { } upload)
            {
                await steps.SendAsync(upload, $"attachments[{i}].", AttachmentNames);
            }
        }

        var reference = steps.HasErrors ? null
            : await steps.SendAsync(new CheckAnswersModel.Submit { DraftId = draftId }, string.Empty, SectionNames);
        if (steps.HasErrors || reference is null)
        {
            // Thrown, not answered: the transaction rolls back, so nothing of a refused referral is kept.
            throw new PartnerReferralRefusedException(steps.Errors);
        }

        return CommandResult.SavedWith(reference);
    }

    private static async Task ConcernsAsync(ApiSteps steps, Guid draftId, PartnerReferral body)
    {
        var concerns = body.Concerns!;
        await steps.SendAsync(new ConcernsModel.Command
        {
            DraftId = draftId,
            WhatHappened = concerns.WhatHappened,
            RiskFactors = concerns.RiskFactors,
            ProtectiveFactors = concerns.ProtectiveFactors,
            Analysis = concerns.Analysis,
            ExpectedOutcome = concerns.ExpectedOutcome,
        }, "concerns.");
        await steps.SendAsync(new BackgroundModel.Command
        {
            DraftId = draftId,
            History = concerns.History,
            PreviousHelp = concerns.PreviousHelp,
            OtherProfessionals = concerns.OtherProfessionals,
        }, "concerns.");
        var consent = body.Consent!;
        await steps.SendAsync(new ConsentModel.Command
        {
            DraftId = draftId,
            Decision = consent.Decision,
            RefusedReason = consent.Decision == ConsentDecision.Refused ? consent.Reason : null,
            NotSoughtReason = consent.Decision == ConsentDecision.NotSought ? consent.Reason : null,
            SharingBasis = consent.SharingBasis,
        }, "consent.", ConsentNames);
        var communication = body.Communication!;
        await steps.SendAsync(new CommunicationModel.Command
        {
            DraftId = draftId,
            InterpreterNeeded = communication.InterpreterNeeded,
            Language = communication.Language,
            HasCommunicationNeeds = communication.HasCommunicationNeeds,
            CommunicationNeedsDetails = communication.CommunicationNeedsDetails,
        }, "communication.");
    }

    private static CategoriesModel.Command CategoriesOf(Guid draftId, PartnerCategories? categories) => new()
    {
        DraftId = draftId,
        Categories = [.. categories?.Codes ?? []],
        CseDetails = categories?.CseDetails,
        CsePeopleAndPlaces = categories?.CsePeopleAndPlaces,
        CseRiskToolCompleted = categories?.CseRiskToolCompleted,
        CceDetails = categories?.CceDetails,
        FgmReportedToPolice = categories?.FgmReportedToPolice,
        FgmPoliceReference = categories?.FgmPoliceReference,
        MissingDetails = categories?.MissingDetails,
        DashCompleted = categories?.DashCompleted,
        OtherDetails = categories?.OtherDetails,
    };

    /// <summary>The file as the upload page would receive it, so the page's rules (content, size, count) judge it.</summary>
    private static AttachmentsModel.Upload? AttachmentOf(ApiSteps steps, Guid draftId, PartnerAttachment attachment, string prefix)
    {
        byte[]? bytes = null;
        try
        {
            bytes = attachment.ContentBase64 is { } content ? Convert.FromBase64String(content) : null;
        }
        catch (FormatException)
        {
            steps.Add(prefix + "contentBase64", "The file's content must be base64");
            return null;
        }

        var file = bytes is null ? null : new FormFile(new MemoryStream(bytes), 0, bytes.Length, "File",
            Path.GetFileName(attachment.FileName ?? "attachment"));
        return new AttachmentsModel.Upload { DraftId = draftId, Kind = attachment.Kind, Description = attachment.Description, File = file };
    }
}

/// <summary>The referral was refused: each failure under the JSON path of its answer.</summary>
public sealed class PartnerReferralRefusedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The partner referral failed validation.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
