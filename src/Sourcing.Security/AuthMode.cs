namespace Sourcing.Security;

/// <summary>Whether a service asks callers for API keys.</summary>
public enum AuthMode
{
    /// <summary>Every call is let through (the default in Development, where the AppHost and tests run).</summary>
    Off,

    /// <summary>Every call but health and reflection needs a key with the method's scope (the default elsewhere).</summary>
    Required,
}
