using Google.Protobuf.WellKnownTypes;
using Sourcing.Contracts.V1;
using Sourcing.Ingest.Grpc;

namespace Sourcing.Ingest.Tests.Unit;

public sealed class IngestRequestValidatorTests
{
    private static readonly DateTime Now = new(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    private static IngestArticleRequest Valid() => new()
    {
        Title = "Council votes",
        Body = "The council voted on Tuesday, the mayor said.",
        ContentType = ContentType.Text,
        Url = "https://example.org/news/1",
        PublishTime = Timestamp.FromDateTime(Now.AddDays(-1)),
    };

    [Fact]
    public void Validate_CompleteRequest_HasNoViolations()
    {
        IngestRequestValidator.Validate(Valid(), 1000, Now).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Validate_EmptyBody_ReportsBody(string body)
    {
        var request = Valid();
        request.Body = body;

        var violations = IngestRequestValidator.Validate(request, 1000, Now);

        violations.Select(v => v.Field).ShouldBe(["body"]);
    }

    [Fact]
    public void Validate_BodyOverLimit_ReportsSizeAndLimit()
    {
        var request = Valid();
        request.Body = new string('x', 1001);

        var violation = IngestRequestValidator.Validate(request, 1000, Now).ShouldHaveSingleItem();

        violation.Field.ShouldBe("body");
        violation.Description.ShouldContain("1000");
    }

    [Fact]
    public void Validate_UnspecifiedAndUnknownContentType_ReportsContentType()
    {
        var unspecified = Valid();
        unspecified.ContentType = ContentType.Unspecified;
        var unknown = Valid();
        unknown.ContentType = (ContentType)42;

        IngestRequestValidator.Validate(unspecified, 1000, Now).ShouldHaveSingleItem().Field.ShouldBe("content_type");
        IngestRequestValidator.Validate(unknown, 1000, Now).ShouldHaveSingleItem().Description.ShouldContain("42");
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.org/a")]
    [InlineData("/relative/path")]
    public void Validate_MalformedUrl_ReportsUrl(string url)
    {
        var request = Valid();
        request.Url = url;

        IngestRequestValidator.Validate(request, 1000, Now).ShouldHaveSingleItem().Field.ShouldBe("url");
    }

    [Theory]
    [InlineData(1750)]
    [InlineData(2031)]
    public void Validate_PublishTimeOutOfRange_ReportsPublishTime(int year)
    {
        var request = Valid();
        request.PublishTime = Timestamp.FromDateTime(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        IngestRequestValidator.Validate(request, 1000, Now).ShouldHaveSingleItem().Field.ShouldBe("publish_time");
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachField()
    {
        var request = new IngestArticleRequest { Url = "nope", RequestId = new string('r', 200) };

        var fields = IngestRequestValidator.Validate(request, 1000, Now).Select(v => v.Field).ToList();

        fields.ShouldBe(["body", "content_type", "url", "request_id"], ignoreOrder: true);
    }
}
