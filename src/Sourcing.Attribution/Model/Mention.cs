namespace Sourcing.Attribution.Model;

/// <summary>A source mention as classified, before and after coreference.</summary>
internal sealed class Mention
{
    public MentionKind Kind { get; set; }

    public EntityKind Entity { get; set; }

    public SourcingKind Sourcing { get; set; }

    public string Speaker { get; set; } = "";

    public bool Plural { get; set; }

    public bool Definite { get; set; }

    public bool Indefinite { get; set; }

    /// <summary>The phrase carries a proper name ("Trump administration", "State Department").</summary>
    public bool Proper { get; set; }

    /// <summary>Qualified by a possessive, a place or a nationality ("Iraq’s", "Iraqi").</summary>
    public bool Qualified { get; set; }

    /// <summary>The head noun, lowercase ("officials", "statement").</summary>
    public string Head { get; set; } = "";

    /// <summary>Lowercase words before the head, without articles ("two", "iraqi").</summary>
    public string[] Modifiers { get; set; } = [];

    /// <summary>The title that stands for a person ("prime minister"), when there is one.</summary>
    public string? TitleKey { get; set; }

    /// <summary>Resolved entity number: mentions of one source share it.</summary>
    public int EntityId { get; set; } = -1;
}
