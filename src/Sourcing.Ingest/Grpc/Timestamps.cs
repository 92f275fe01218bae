using Google.Protobuf.WellKnownTypes;

namespace Sourcing.Ingest.Grpc;

/// <summary>PostgreSQL timestamptz values come back with an unspecified or UTC kind; protobuf wants UTC.</summary>
public static class Timestamps
{
    public static Timestamp From(DateTime value) => Timestamp.FromDateTime(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
