namespace Sourcing.LocalPostgres.Processes;

/// <summary>Who this process runs as.</summary>
public static class CurrentUser
{
    /// <summary>True when the effective user is root (PostgreSQL refuses to run as root).</summary>
    public static bool IsRoot { get; } = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()
        ? NativeMethods.GetEffectiveUserId() == 0
        : false;
}
