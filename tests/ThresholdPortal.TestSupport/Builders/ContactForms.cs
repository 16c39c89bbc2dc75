namespace ThresholdPortal.TestSupport.Builders;

/// <summary>The record-a-contact page's form, as a practitioner fills it in: one builder for every contact test.</summary>
public static class ContactForms
{
    public const string Url = "/mash/contacts/new";

    /// <summary>
    /// A grandmother's phone call about one child of the Doyle family, with every field the page needs; tests add or
    /// overwrite fields for what they check.
    /// </summary>
    public static Dictionary<string, string> PhoneCall(string givenName, string whatHappened, string category, bool danger = false) =>
        new()
        {
            ["Data.IdempotencyKey"] = Guid.NewGuid().ToString(),
            ["Data.Channel"] = "Phone",
            ["Data.SourceCode"] = "1A",
            ["Data.CallerName"] = "Margaret Doyle",
            ["Data.CallerRelationship"] = "Grandmother",
            ["Data.CallerPhone"] = "07700 900123",
            ["Data.Children[0].GivenName"] = givenName,
            ["Data.Children[0].FamilyName"] = "Doyle",
            ["Data.ChildInImmediateDanger"] = danger ? "true" : "false",
            ["Data.WhatHappened"] = whatHappened,
            ["Data.Categories"] = category,
        };
}
