namespace Sourcing.AppHost;

/// <summary>A failure the AppHost explains to the user in its message alone (no stack trace).</summary>
public sealed class AppHostException(string message) : Exception(message);
