namespace Sourcing.Security.Tests.Unit;

public sealed class AuthOptionsValidatorTests
{
    private static readonly string GoodHash = new('a', 64);

    [Fact]
    public void Validate_RequiredWithoutKeys_FailsNamingTheWayOut()
    {
        var result = new AuthOptionsValidator().Validate(null, new AuthOptions { Mode = AuthMode.Required });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("sourcing keys new");
    }

    [Fact]
    public void Validate_BadEntries_ListsEveryProblem()
    {
        var options = new AuthOptions
        {
            Mode = AuthMode.Required,
            Keys =
            [
                new ApiKeyOptions { Id = "a", Hash = "not-hex", Scopes = "read" },
                new ApiKeyOptions { Id = "a", Hash = GoodHash, Scopes = "admin" },
                new ApiKeyOptions { Id = "", Hash = GoodHash, Scopes = "write", RatePerSecond = -1 },
            ],
        };

        var failures = new AuthOptionsValidator().Validate(null, options).Failures!.ToList();

        failures.ShouldContain(f => f.Contains("Auth:Keys:0:Hash"));
        failures.ShouldContain(f => f.Contains("Auth:Keys:1:Scopes") && f.Contains("'admin'"));
        failures.ShouldContain(f => f.Contains("Auth:Keys:2:Id"));
        failures.ShouldContain(f => f.Contains("Auth:Keys:2:RatePerSecond"));
        failures.ShouldContain(f => f.Contains("'a' more than once"));
    }

    [Fact]
    public void Validate_OffWithoutKeys_Succeeds()
    {
        new AuthOptionsValidator().Validate(null, new AuthOptions { Mode = AuthMode.Off }).Succeeded.ShouldBeTrue();
    }
}
