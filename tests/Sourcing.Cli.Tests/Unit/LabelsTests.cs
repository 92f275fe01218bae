using Grpc.Core;
using Grpc.Health.V1;
using Sourcing.Cli.Output;
using Sourcing.Contracts.V1;

namespace Sourcing.Cli.Tests.Unit;

public class LabelsTests
{
    [Fact]
    public void Of_EnumValues_SpelledAsInTheProtos()
    {
        Labels.Of(StatusCode.InvalidArgument).ShouldBe("INVALID_ARGUMENT");
        Labels.Of(StatusCode.OK).ShouldBe("OK");
        Labels.Of(HealthCheckResponse.Types.ServingStatus.NotServing).ShouldBe("NOT_SERVING");
        Labels.Of(IngestOutcome.Duplicate).ShouldBe("DUPLICATE");
        Labels.Of(ArticleState.Queued).ShouldBe("QUEUED");
    }

    [Fact]
    public void Lower_UnsetValue_IsEmpty()
    {
        Labels.Lower(Contracts.V1.Sourcing.Unspecified).ShouldBe("");
        Labels.Lower(Contracts.V1.Sourcing.Anonymous).ShouldBe("anonymous");
    }

    [Fact]
    public void Truncate_LongMultilineText_OneLineEndingWithEllipsis()
    {
        var text = "The harbor will stay\nclosed until the union and the port authority agree on terms.";

        var shortened = Labels.Truncate(text, 30);

        shortened.Length.ShouldBeLessThanOrEqualTo(30);
        shortened.ShouldStartWith("The harbor will stay closed");
        shortened.ShouldEndWith("…");
    }

    [Fact]
    public void Truncate_ShortText_Unchanged()
    {
        Labels.Truncate("short", 30).ShouldBe("short");
        Labels.Truncate(null, 30).ShouldBe("");
    }
}
