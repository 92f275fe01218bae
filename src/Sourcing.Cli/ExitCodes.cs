namespace Sourcing.Cli;

/// <summary>The process exit codes of every command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
