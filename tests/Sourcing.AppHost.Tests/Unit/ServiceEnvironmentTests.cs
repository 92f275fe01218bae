namespace Sourcing.AppHost.Tests.Unit;

public sealed class ServiceEnvironmentTests
{
    private static readonly ServiceDefinition[] Services = DefaultServices.All;

    [Fact]
    public void For_Ingest_FollowsAspireConventions()
    {
        // Act
        var environment = ServiceEnvironment.For(Services[1], Services, "Host=127.0.0.1;Port=5999;Database=sourcing");

        // Assert
        environment["ConnectionStrings__sourcing"].ShouldBe("Host=127.0.0.1;Port=5999;Database=sourcing");
        environment["Kestrel__Endpoints__Grpc__Url"].ShouldBe("http://127.0.0.1:7101");
        environment["Kestrel__Endpoints__Health__Url"].ShouldBe("http://127.0.0.1:7111");
        environment["services__analysis__http__0"].ShouldBe("http://127.0.0.1:7102");
        environment["services__ingest__http__0"].ShouldBe("http://127.0.0.1:7101");
        environment["services__query__http__0"].ShouldBe("http://127.0.0.1:7103");
        environment["OTEL_SERVICE_NAME"].ShouldBe("ingest");
        environment["OTEL_RESOURCE_ATTRIBUTES"].ShouldStartWith("service.instance.id=");
        environment["ASPNETCORE_ENVIRONMENT"].ShouldBe("Development");
        environment.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT").ShouldBeFalse();
    }

    [Fact]
    public void For_TwoCalls_GiveDistinctInstanceIds()
    {
        var first = ServiceEnvironment.For(Services[0], Services, "x")["OTEL_RESOURCE_ATTRIBUTES"];
        var second = ServiceEnvironment.For(Services[0], Services, "x")["OTEL_RESOURCE_ATTRIBUTES"];

        first.ShouldNotBe(second);
    }

    [Fact]
    public void For_TwoIngestReplicas_ListsBothUnderTheServiceNameAndNamesTheGivenInstance()
    {
        // Arrange
        ServiceDefinition[] processes =
        [
            Services[0],
            Services[1] with { ResourceName = "ingest-1" },
            Services[1] with { ResourceName = "ingest-2", GrpcPort = 7121, HealthPort = 7131 },
            Services[2],
        ];

        // Act
        var environment = ServiceEnvironment.For(processes[2], processes, "x", instanceId: "instance-2");

        // Assert
        environment["services__ingest__http__0"].ShouldBe("http://127.0.0.1:7101");
        environment["services__ingest__http__1"].ShouldBe("http://127.0.0.1:7121");
        environment["services__analysis__http__0"].ShouldBe("http://127.0.0.1:7102");
        environment.ContainsKey("services__analysis__http__1").ShouldBeFalse();
        environment["Kestrel__Endpoints__Grpc__Url"].ShouldBe("http://127.0.0.1:7121");
        environment["OTEL_SERVICE_NAME"].ShouldBe("ingest");
        environment["OTEL_RESOURCE_ATTRIBUTES"].ShouldBe("service.instance.id=instance-2");
    }
}
