using Grpc.Core;
using Sourcing.Contracts.Security;

namespace Sourcing.Security.Tests.Functional;

/// <summary>A key the test services accept, with the plain key the test sends.</summary>
public sealed record TestKey(string Id, string Scopes, double RatePerSecond = 0, int Burst = 0)
{
    public string Key { get; } = ApiKeys.Generate();

    public Metadata Headers => new() { { ApiKeys.Header, ApiKeys.BearerValue(Key) } };

    public static TestKey Writer { get; } = new("test-writer", "write");

    public static TestKey Reader { get; } = new("test-reader", "read");

    public static TestKey Service { get; } = new("ingest-dispatcher", "service");

    /// <summary>Two calls at once, then one every 20 seconds: the rate limit test's own key.</summary>
    public static TestKey Limited { get; } = new("test-limited", "read", RatePerSecond: 0.05, Burst: 2);

    /// <summary>Auth required, with every test key accepted, as each service of a deployment would be configured.</summary>
    public static Dictionary<string, string?> AuthSettings()
    {
        var settings = new Dictionary<string, string?> { ["Auth:Mode"] = "Required" };
        TestKey[] keys = [Writer, Reader, Service, Limited];
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"Auth:Keys:{i}:Id"] = keys[i].Id;
            settings[$"Auth:Keys:{i}:Hash"] = ApiKeys.Hash(keys[i].Key);
            settings[$"Auth:Keys:{i}:Scopes"] = keys[i].Scopes;
            settings[$"Auth:Keys:{i}:RatePerSecond"] = keys[i].RatePerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[$"Auth:Keys:{i}:Burst"] = keys[i].Burst.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return settings;
    }
}
