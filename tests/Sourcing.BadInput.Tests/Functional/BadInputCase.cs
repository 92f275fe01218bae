using Grpc.Core;

namespace Sourcing.BadInput.Tests.Functional;

/// <summary>
/// One hostile or malformed request: the call (made with the given deadline), the status it must get and, for
/// INVALID_ARGUMENT, the field the google.rpc.BadRequest must name. A case that expects an error must write nothing.
/// </summary>
public sealed record BadInputCase(string Name, StatusCode Expected, string? Field, Func<SystemUnderTest, DateTime, Task> Call)
{
    /// <summary>How long the call may take; every call carries this deadline.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Work done before the rows are counted (the first of two requests with one request id, say).</summary>
    public Func<SystemUnderTest, DateTime, Task>? Arrange { get; init; }

    public override string ToString() => Name;
}
