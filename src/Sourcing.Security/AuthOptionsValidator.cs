using Microsoft.Extensions.Options;
using Sourcing.Contracts.Security;

namespace Sourcing.Security;

/// <summary>Refuses to start on keys that could never match or a required mode with no keys at all.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (options.Mode == AuthMode.Required && options.Keys.Count == 0)
        {
            failures.Add("Auth:Mode is Required (the default outside Development) but no key is configured under Auth:Keys: " +
                "create one with 'sourcing keys new', or set Auth:Mode=Off.");
        }
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var at = $"Auth:Keys:{i}";
            if (string.IsNullOrWhiteSpace(key.Id))
            {
                failures.Add($"{at}:Id is empty.");
            }
            if (key.Hash.Length != 64 || !key.Hash.All(char.IsAsciiHexDigit))
            {
                failures.Add($"{at}:Hash must be the key's SHA-256 in 64 hex digits (as 'sourcing keys new' prints it).");
            }
            if (!ApiScopeNames.TryParse(key.Scopes, out var scopes, out var unknown) || scopes == ApiScopes.None)
            {
                failures.Add($"{at}:Scopes must list one or more of {string.Join(", ", ApiScopeNames.All)}" +
                    (unknown.Length > 0 ? $", not '{unknown}'." : "."));
            }
            if (key.RatePerSecond < 0 || key.Burst < 0)
            {
                failures.Add($"{at}:RatePerSecond and Burst must not be negative.");
            }
        }
        var duplicates = options.Keys.GroupBy(k => k.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        failures.AddRange(duplicates.Select(id => $"Auth:Keys has the id '{id}' more than once."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
