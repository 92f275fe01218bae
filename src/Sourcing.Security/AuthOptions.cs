namespace Sourcing.Security;

/// <summary>Authentication settings (section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Unset: <see cref="AuthMode.Off"/> in Development, <see cref="AuthMode.Required"/> elsewhere.</summary>
    public AuthMode? Mode { get; set; }

    /// <summary>The keys this service accepts.</summary>
    public List<ApiKeyOptions> Keys { get; set; } = [];
}
