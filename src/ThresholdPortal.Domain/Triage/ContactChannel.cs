namespace ThresholdPortal.Domain.Triage;

/// <summary>How a contact reached the MASH. Stored by name, so never rename a value.</summary>
public enum ContactChannel
{
    /// <summary>Sent by a professional through the portal.</summary>
    Portal,

    /// <summary>A phone call, recorded by a practitioner.</summary>
    Phone,

    /// <summary>An e-mail, recorded by a practitioner.</summary>
    Email,

    /// <summary>Someone who came in person, recorded by a practitioner.</summary>
    InPerson,
}

public static class ContactChannelExtensions
{
    /// <summary>The channels a practitioner records a contact for (portal referrals record themselves).</summary>
    public static IReadOnlyList<ContactChannel> Recorded { get; } = [ContactChannel.Phone, ContactChannel.Email, ContactChannel.InPerson];

    public static string DisplayName(this ContactChannel channel) => channel switch
    {
        ContactChannel.Portal => "Portal referral",
        ContactChannel.Phone => "Phone",
        ContactChannel.Email => "Email",
        ContactChannel.InPerson => "In person",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };
}
