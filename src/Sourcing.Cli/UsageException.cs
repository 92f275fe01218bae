namespace Sourcing.Cli;

/// <summary>A command line that parsed but makes no sense; reported like a parse error, with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
