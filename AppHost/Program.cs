using Sourcing.AppHost;

return await AppHostCommand.Create().Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration
{
    // The AppHost handles SIGINT and SIGTERM itself: a clean stop takes longer than the parser's default grace.
    ProcessTerminationTimeout = null,
});
