using ThresholdPortal.Domain.Referrals;

namespace ThresholdPortal.Web.Features.Intake;

/// <summary>One row of the GOV.UK task list. No link while the task cannot be started.</summary>
public sealed record TaskListItem(string Name, string? Href, SectionStatus Status, string Key, string? Hint = null);
