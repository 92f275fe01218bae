using Sourcing.Contracts.Security;

namespace Sourcing.Security.Tests.Unit;

public sealed class ApiKeysTests
{
    [Fact]
    public void Generate_TwoKeys_DifferAndCarryThePrefix()
    {
        var first = ApiKeys.Generate();
        var second = ApiKeys.Generate();

        first.ShouldNotBe(second);
        first.ShouldStartWith(ApiKeys.KeyPrefix);
        first.Length.ShouldBe(ApiKeys.KeyPrefix.Length + 43);
    }

    [Fact]
    public void Hash_KnownKey_IsLowercaseHexSha256()
    {
        ApiKeys.Hash("abc").ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    [Theory]
    [InlineData("Bearer k1", "k1")]
    [InlineData("bearer  k1 ", "k1")]
    [InlineData("Bearer ", null)]
    [InlineData("Basic k1", null)]
    [InlineData("k1", null)]
    [InlineData(null, null)]
    public void FromBearerValue_Header_GivesTheKeyOrNull(string? header, string? expected)
    {
        ApiKeys.FromBearerValue(header).ShouldBe(expected);
    }

    [Theory]
    [InlineData("read", ApiScopes.Read, true)]
    [InlineData("write", ApiScopes.Read, true)]
    [InlineData("write", ApiScopes.Write, true)]
    [InlineData("read", ApiScopes.Write, false)]
    [InlineData("read,write", ApiScopes.Service, false)]
    [InlineData("service", ApiScopes.Read, false)]
    [InlineData("service", ApiScopes.Service, true)]
    public void Grants_HeldScopes_CoverWhatTheyShould(string held, ApiScopes needed, bool granted)
    {
        ApiScopeNames.TryParse(held, out var scopes, out _).ShouldBeTrue();

        ApiScopeNames.Grants(scopes, needed).ShouldBe(granted);
    }

    [Fact]
    public void TryParse_UnknownScope_NamesIt()
    {
        ApiScopeNames.TryParse("read, admin", out _, out var unknown).ShouldBeFalse();

        unknown.ShouldBe("admin");
    }
}
