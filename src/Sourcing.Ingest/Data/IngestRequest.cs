namespace Sourcing.Ingest.Data;

/// <summary>A request that carried a request_id, and the response it got: a repeat gets the same response.</summary>
public sealed class IngestRequest
{
    public required string RequestId { get; set; }
    /// <summary>SHA-256 of the request without its id: a different request with the same id is refused.</summary>
    public required string RequestHash { get; set; }
    public required byte[] Response { get; set; }
    public DateTime CreatedAt { get; set; }
}
