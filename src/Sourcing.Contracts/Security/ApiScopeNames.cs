namespace Sourcing.Contracts.Security;

/// <summary>Scopes as configuration and messages write them: <c>read,write</c>.</summary>
public static class ApiScopeNames
{
    public static IReadOnlyList<string> All { get; } = ["read", "write", "service"];

    /// <summary>Parses a comma- or space-separated list; false (with the bad name) on an unknown scope.</summary>
    public static bool TryParse(string text, out ApiScopes scopes, out string unknown)
    {
        scopes = ApiScopes.None;
        unknown = "";
        foreach (var name in text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var scope = name.ToLowerInvariant() switch
            {
                "read" => ApiScopes.Read,
                "write" => ApiScopes.Write,
                "service" => ApiScopes.Service,
                _ => ApiScopes.None,
            };
            if (scope == ApiScopes.None)
            {
                unknown = name;
                return false;
            }
            scopes |= scope;
        }
        return true;
    }

    public static string Format(ApiScopes scopes) =>
        string.Join(',', All.Where((_, i) => scopes.HasFlag((ApiScopes)(1 << i))));

    /// <summary>Whether a key holding <paramref name="held"/> may call a method needing <paramref name="needed"/>.</summary>
    public static bool Grants(ApiScopes held, ApiScopes needed) =>
        (held & needed) == needed || (needed == ApiScopes.Read && held.HasFlag(ApiScopes.Write));
}
