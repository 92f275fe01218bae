using System.CommandLine;
using System.Globalization;
using Sourcing.Contracts.Security;

namespace Sourcing.Cli.Commands;

/// <summary>
/// <c>sourcing keys new</c>: makes an API key and prints it once, with the configuration lines that make the
/// services accept it (they keep only its hash). Offline: no service is called.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(CliIO io)
    {
        var scopes = new Option<string>("--scopes")
        {
            Description = $"Comma-separated scopes: {string.Join(", ", ApiScopeNames.All)} (write implies read).",
            Required = true,
        };
        var id = new Option<string>("--id") { Description = "A name for the key, shown in logs and errors (default: key-<date>)." };
        var rate = new Option<double>("--rate") { Description = "Calls per second allowed on average; 0 for no limit.", DefaultValueFactory = _ => 0 };
        var burst = new Option<int>("--burst") { Description = "Calls allowed at once (default: one second's worth of --rate)." };
        var index = new Option<int>("--index") { Description = "The N of Auth__Keys__N__ in the printed lines.", DefaultValueFactory = _ => 0 };
        var create = new Command("new", "Make an API key: print it once, and the settings (with its SHA-256) for the services.");
        create.Options.Add(scopes);
        create.Options.Add(id);
        create.Options.Add(rate);
        create.Options.Add(burst);
        create.Options.Add(index);
        create.SetAction(result => Run(
            result.GetValue(scopes)!, result.GetValue(id), result.GetValue(rate), result.GetValue(burst), result.GetValue(index), io));
        var keys = new Command("keys", "API keys for the services.");
        keys.Subcommands.Add(create);
        return keys;
    }

    public static int Run(string scopeList, string? id, double rate, int burst, int index, CliIO io)
    {
        if (!ApiScopeNames.TryParse(scopeList, out var scopes, out var unknown) || scopes == ApiScopes.None)
        {
            throw new UsageException($"--scopes must list one or more of {string.Join(", ", ApiScopeNames.All)}" +
                (unknown.Length > 0 ? $", not '{unknown}'." : "."));
        }
        if (rate < 0 || burst < 0 || index < 0)
        {
            throw new UsageException("--rate, --burst and --index must not be negative.");
        }
        var key = ApiKeys.Generate();
        var prefix = string.Create(CultureInfo.InvariantCulture, $"Auth__Keys__{index}__");
        io.Out.WriteLine(key);
        io.Error.WriteLine("The key above is shown once: give it to its user (SOURCING_API_KEY), keep it in a secret store.");
        io.Error.WriteLine("The services accept it with these settings (environment variables; in appsettings.json, Auth:Keys:N:...):");
        io.Out.WriteLine($"{prefix}Id={id ?? $"key-{DateTime.UtcNow:yyyyMMdd-HHmmss}"}");
        io.Out.WriteLine($"{prefix}Hash={ApiKeys.Hash(key)}");
        io.Out.WriteLine($"{prefix}Scopes={ApiScopeNames.Format(scopes)}");
        if (rate > 0)
        {
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}RatePerSecond={rate}"));
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}Burst={(burst > 0 ? burst : Math.Max(1, (int)Math.Ceiling(rate)))}"));
        }
        return ExitCodes.Success;
    }
}
