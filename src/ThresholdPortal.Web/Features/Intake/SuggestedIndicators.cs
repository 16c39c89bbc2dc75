using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Features.Intake;

/// <summary>A stretch of the referrer's words in an excerpt; <see cref="Matched"/> ones are highlighted.</summary>
public sealed record ExcerptPart(string Text, bool Matched);

/// <summary>One indicator the referrer's words suggest for a child, with the words that matched in their context.</summary>
public sealed record PendingSuggestion(ThresholdIndicator Indicator, string LevelTitle, IReadOnlyList<ExcerptPart> Excerpt);

/// <summary>
/// Indicators suggested from what the referrer wrote (docs/decisions/0121): the suggestions for one child that are still
/// unanswered, and the referrer's answer to one of them. Nothing is ticked unless the referrer ticks it; each answer is
/// kept so administrators can see how well each indicator's phrases suggest it.
/// </summary>
public static class SuggestedIndicators
{
    /// <summary>Characters of the referrer's words shown either side of a match.</summary>
    public const int ExcerptContext = 60;

    /// <summary>At most this many matches of one indicator are shown; the rest add nothing the referrer needs.</summary>
    public const int MaxExcerptMatches = 3;

    /// <summary>
    /// <see cref="HasText"/> is false until "What happened" is written; <see cref="Offered"/> is false for a document
    /// without a lexicon (version 1), where the page offers nothing.
    /// </summary>
    public sealed record Result(bool Offered, bool HasText, IReadOnlyList<PendingSuggestion> Pending, int Accepted, int Rejected);

    public sealed record Query(Guid DraftId, Guid ChildId) : IQuery<Result?>;

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var draft = await db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user)
                .Select(r => new
                {
                    r.ThresholdDocumentId, r.Concerns.WhatHappened,
                    Ticked = r.Children.Where(c => c.Id == request.ChildId).Select(c => c.IndicatorCodes).SingleOrDefault(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (draft?.Ticked is null)
            {
                return null;
            }

            var document = await db.DocumentAsync(draft.ThresholdDocumentId, cancellationToken);
            var answers = await db.IndicatorSuggestionResponses.AsNoTracking().Where(r => r.ChildId == request.ChildId)
                .Select(r => new { r.IndicatorCode, r.Accepted }).ToListAsync(cancellationToken);
            // Answered suggestions are not asked again, nor statements the referrer has already ticked.
            var answered = answers.Select(a => a.IndicatorCode).Concat(draft.Ticked).ToHashSet(StringComparer.Ordinal);
            var text = draft.WhatHappened ?? string.Empty;
            var pending = IndicatorSuggestions.Suggest(document, text).Where(s => !answered.Contains(s.Indicator.Code))
                .Select(s => new PendingSuggestion(s.Indicator, document.TitleOf(s.Indicator.Level), ExcerptOf(text, s.Matches)))
                .ToList();
            return new Result(document.Lexicon.Entries.Count > 0, !string.IsNullOrWhiteSpace(text), pending,
                answers.Count(a => a.Accepted), answers.Count(a => !a.Accepted));
        }
    }

    /// <summary>
    /// The referrer's words around the first few matches, trimmed to whole words, with the matched words marked. Windows that
    /// touch are joined, so a phrase that matches twice in one sentence is shown once.
    /// </summary>
    public static IReadOnlyList<ExcerptPart> ExcerptOf(string text, IReadOnlyList<PhraseMatch> matches)
    {
        var parts = new List<ExcerptPart>();
        var shown = matches.OrderBy(m => m.Start).Take(MaxExcerptMatches).ToList();
        var position = -1;
        foreach (var match in shown)
        {
            var from = Math.Max(0, match.Start - ExcerptContext);
            if (position < from)
            {
                from = Math.Max(WordStart(text, from), position);
                parts.Add(new ExcerptPart((from > 0 ? "…" : string.Empty) + text[from..match.Start], false));
            }
            else
            {
                parts.Add(new ExcerptPart(text[Math.Min(position, match.Start)..match.Start], false));
            }

            parts.Add(new ExcerptPart(text.Substring(match.Start, match.Length), true));
            position = match.Start + match.Length;
            var next = shown.FirstOrDefault(m => m.Start >= position);
            if (next is null || next.Start - ExcerptContext > position + ExcerptContext)
            {
                var to = WordEnd(text, Math.Min(text.Length, position + ExcerptContext));
                parts.Add(new ExcerptPart(text[position..to] + (to < text.Length ? "…" : string.Empty), false));
                position = to;
            }
        }

        return parts;
    }

    private static int WordStart(string text, int at)
    {
        while (at > 0 && !char.IsWhiteSpace(text[at - 1]))
        {
            at--;
        }

        return at;
    }

    private static int WordEnd(string text, int at)
    {
        while (at < text.Length && !char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    /// <summary>
    /// Ticks (<see cref="Accept"/>) or turns down one suggestion for one child, saving the statements ticked on the page as
    /// they stand, so an answer never loses the referrer's other ticks.
    /// </summary>
    public sealed class Respond : ICommand<CommandResult>
    {
        public Guid DraftId { get; set; }
        public Guid ChildId { get; set; }
        public string? IndicatorCode { get; set; }
        public bool Accept { get; set; }
        public List<string> IndicatorCodes { get; set; } = [];
    }

    public sealed class RespondValidator : AbstractValidator<Respond>
    {
        public RespondValidator()
        {
            RuleFor(c => c.IndicatorCode).NotEmpty().WithMessage("Choose a suggestion to tick or turn down")
                .MaximumLength(ThresholdIndicator.CodeMaxLength).WithMessage("Choose a suggestion from the list");
            RuleFor(c => c.IndicatorCodes).Must(codes => codes.Count <= 200).WithMessage("Select fewer indicators");
            RuleForEach(c => c.IndicatorCodes).MaximumLength(ThresholdIndicator.CodeMaxLength)
                .WithMessage("Select indicators from the list");
        }
    }

    public sealed class RespondHandler(PortalDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Respond, CommandResult>
    {
        public async Task<CommandResult> Handle(Respond request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.OwnDraft(request.DraftId, user).Include(r => r.Children)
                .SingleOrDefaultAsync(cancellationToken);
            var child = referral?.Children.SingleOrDefault(c => c.Id == request.ChildId);
            if (referral is null || child is null)
            {
                return CommandResult.NotFound;
            }

            var document = await db.DocumentOfAsync(referral, cancellationToken);
            var code = request.IndicatorCode!;
            var stillOffered = IndicatorSuggestions.Suggest(document, referral.Concerns.WhatHappened ?? string.Empty)
                .Any(s => s.Indicator.Code == code);
            if (!stillOffered || await db.IndicatorSuggestionResponses.AnyAsync(r => r.ChildId == child.Id && r.IndicatorCode == code,
                    cancellationToken))
            {
                throw new RequestValidationException(request,
                    [new ValidationFailure(nameof(Respond.IndicatorCode),
                        "This suggestion has already been answered or no longer matches what you wrote. Check the statements below")]);
            }

            var now = clock.GetUtcNow();
            db.IndicatorSuggestionResponses.Add(new IndicatorSuggestionResponse
            {
                ReferralId = referral.Id, ChildId = child.Id, ThresholdDocumentId = document.Id, IndicatorCode = code,
                Accepted = request.Accept, RespondedAt = now,
            });
            var ticked = request.IndicatorCodes.ToHashSet(StringComparer.Ordinal);
            if (request.Accept)
            {
                ticked.Add(code);
            }

            referral.TickIndicators(child, document, ticked);
            referral.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
