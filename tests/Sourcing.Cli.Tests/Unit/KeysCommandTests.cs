using Sourcing.Contracts.Security;

namespace Sourcing.Cli.Tests.Unit;

public sealed class KeysCommandTests
{
    [Fact]
    public async Task KeysNew_ScopesAndRate_PrintsKeyOnceAndItsSettings()
    {
        var run = await CliRun.RunAsync(["keys", "new", "--scopes", "write,read", "--id", "newsroom", "--rate", "5", "--index", "2"]);

        run.ExitCode.ShouldBe(0, run.Error);
        var key = run.OutLines[0];
        key.ShouldStartWith(ApiKeys.KeyPrefix);
        run.OutLines.Skip(1).ShouldBe([
            "Auth__Keys__2__Id=newsroom",
            $"Auth__Keys__2__Hash={ApiKeys.Hash(key)}",
            "Auth__Keys__2__Scopes=read,write",
            "Auth__Keys__2__RatePerSecond=5",
            "Auth__Keys__2__Burst=5",
        ]);
        run.Error.ShouldContain("shown once");
    }

    [Fact]
    public async Task KeysNew_UnknownScope_UsageError()
    {
        var run = await CliRun.RunAsync(["keys", "new", "--scopes", "admin"]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("not 'admin'");
        run.Out.ShouldBeEmpty();
    }
}
