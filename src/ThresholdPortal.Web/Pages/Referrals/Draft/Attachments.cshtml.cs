using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>
/// Risk assessments and other documents for the referral: PDF, DOCX, PNG or JPEG, checked by content, up to
/// 10 MB each and 10 in all. Requests are allowed a little over 20 MB so a file just too big gets a clear
/// error rather than a refused request.
/// </summary>
[RequestSizeLimit(RequestLimitBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimitBytes)]
public sealed class AttachmentsModel(IMediator mediator) : DraftPageModel, IReloadOnInvalid
{
    public const long RequestLimitBytes = 2 * ReferralAttachment.MaxSizeBytes + 1024 * 1024;

    [BindProperty]
    public Upload Data { get; set; } = new();

    public IReadOnlyList<AttachmentRow> Attachments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        Data.DraftId = DraftId;
        return OutcomeOf(await mediator.Send(Data), () => StayInChange(ReferralRoutes.Attachments(DraftId)));
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid attachmentId) =>
        OutcomeOf(await mediator.Send(new Remove(DraftId, attachmentId)), () => StayInChange(ReferralRoutes.Attachments(DraftId)));

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var attachments = await mediator.Send(new Query(DraftId), cancellationToken);
        Attachments = attachments ?? [];
        return attachments is not null;
    }

    public sealed record AttachmentRow(Guid Id, AttachmentKind Kind, string? Description, string FileName, long SizeBytes);

    public sealed record Query(Guid DraftId) : IQuery<IReadOnlyList<AttachmentRow>?>;

    public sealed class Upload : ICommand<CommandResult>, IIdempotentCommand
    {
        /// <summary>The form's key: the same form sent twice creates once (docs/decisions/0105).</summary>
        public Guid? IdempotencyKey { get; set; }

        public Guid DraftId { get; set; }
        public AttachmentKind? Kind { get; set; }
        public string? Description { get; set; }
        public IFormFile? File { get; set; }
    }

    public sealed record Remove(Guid DraftId, Guid AttachmentId) : ICommand<CommandResult>;

    public sealed class Validator : AbstractValidator<Upload>
    {
        public Validator(PortalDbContext db)
        {
            RuleFor(u => u.Kind).NotNull().WithMessage("Select what the document is").IsInEnum().WithMessage("Select what the document is");
            RuleFor(u => u.Description).Answer("Description", ReferralAttachment.DescriptionMaxLength);
            RuleFor(u => u.Description).NotEmpty().When(u => u.Kind == AttachmentKind.Other).WithMessage("Describe the document");
            RuleFor(u => u.File).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Select a file")
                .Must(file => file!.Length > 0).WithMessage("The selected file is empty")
                .Must(file => file!.Length <= ReferralAttachment.MaxSizeBytes).WithMessage("The selected file must be smaller than 10 MB")
                .MustAsync(async (file, cancellationToken) =>
                    AttachmentFileType.Detect(await ReadAsync(file!, cancellationToken)) is not null)
                .WithMessage("The selected file must be a PDF, a Word document (DOCX), a PNG or a JPEG");
            RuleFor(u => u.DraftId)
                .MustAsync(async (id, cancellationToken) =>
                    await db.ReferralAttachments.CountAsync(a => a.ReferralId == id, cancellationToken) < ReferralAttachment.MaxPerReferral)
                .OverridePropertyName(nameof(Upload.File))
                .WithMessage($"You can attach up to {ReferralAttachment.MaxPerReferral} files. Remove one to add another");
        }
    }

    public static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        using var memory = new MemoryStream((int)file.Length);
        await stream.CopyToAsync(memory, cancellationToken);
        return memory.ToArray();
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<AttachmentRow>?>
    {
        public async Task<IReadOnlyList<AttachmentRow>?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (!await db.Referrals.OwnDraft(request.DraftId, user).AnyAsync(cancellationToken))
            {
                return null;
            }

            return await db.ReferralAttachments.AsNoTracking()
                .Where(a => a.ReferralId == request.DraftId)
                .OrderBy(a => a.UploadedAt)
                .Select(a => new AttachmentRow(a.Id, a.Kind, a.Description, a.FileName, a.SizeBytes))
                .ToListAsync(cancellationToken);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Upload, CommandResult>,
        IRequestHandler<Remove, CommandResult>
    {
        public async Task<CommandResult> Handle(Upload request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.OwnDraft(request.DraftId, user).SingleOrDefaultAsync(cancellationToken);
            if (referral is null)
            {
                return CommandResult.NotFound;
            }

            var bytes = await ReadAsync(request.File!, cancellationToken);
            var type = AttachmentFileType.Detect(bytes)
                ?? throw new InvalidOperationException("The validator lets only known file types through.");
            var attachment = new ReferralAttachment
            {
                ReferralId = referral.Id,
                Kind = request.Kind!.Value,
                Description = request.Kind == AttachmentKind.Other ? ReferralValidation.Clean(request.Description) : null,
                FileName = type.SafeFileName(request.File!.FileName),
                ContentType = type.ContentType,
                SizeBytes = bytes.LongLength,
                UploadedAt = clock.GetUtcNow(),
            };
            db.ReferralAttachments.Add(attachment);
            db.AttachmentContents.Add(new AttachmentContent { AttachmentId = attachment.Id, Bytes = bytes });
            referral.UpdatedAt = attachment.UploadedAt;
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }

        public async Task<CommandResult> Handle(Remove request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.OwnDraft(request.DraftId, user).SingleOrDefaultAsync(cancellationToken);
            var attachment = referral is null
                ? null
                : await db.ReferralAttachments.SingleOrDefaultAsync(a => a.Id == request.AttachmentId && a.ReferralId == referral.Id,
                    cancellationToken);
            if (referral is null || attachment is null)
            {
                return CommandResult.NotFound;
            }

            // The bytes go with it: the database cascades the delete to the content row.
            db.ReferralAttachments.Remove(attachment);
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
