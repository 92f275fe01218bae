namespace Sourcing.LocalPostgres.Processes;

/// <summary>The POSIX signals an owner sends to ask a child to stop.</summary>
public enum ProcessSignal
{
    /// <summary>SIGINT: PostgreSQL's "fast" shutdown.</summary>
    Interrupt = 2,

    /// <summary>SIGTERM: the graceful stop of a .NET host.</summary>
    Terminate = 15,
}
