namespace ThresholdPortal.Domain.Thresholds;

/// <summary>
/// Publishing a draft: refused while the draft would fail the rules a shipped document file must pass;
/// otherwise the draft becomes the version new referrals use and the version it replaces is retired.
/// </summary>
public static class ThresholdDocumentPublication
{
    /// <summary>Why the draft cannot be published; empty when it can.</summary>
    public static IReadOnlyList<string> Problems(ThresholdDocument draft)
    {
        if (draft.Status != ThresholdDocumentStatus.Draft)
        {
            return ["only a draft can be published"];
        }

        return ThresholdDocumentFile.ProblemsOf(draft);
    }

    /// <summary>Publishes the draft on the given day and retires the previously published version, if any.</summary>
    public static void Publish(ThresholdDocument draft, ThresholdDocument? current, DateOnly today)
    {
        var problems = Problems(draft);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The draft cannot be published: " + string.Join("; ", problems));
        }

        if (current is not null)
        {
            if (current.Status != ThresholdDocumentStatus.Published || current.Key != draft.Key)
            {
                throw new InvalidOperationException("Only the published version of the same document can be replaced.");
            }

            current.Status = ThresholdDocumentStatus.Retired;
        }

        draft.Status = ThresholdDocumentStatus.Published;
        draft.PublishedOn = today;
    }
}
