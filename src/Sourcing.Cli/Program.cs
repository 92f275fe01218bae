using Sourcing.Cli;

return await SourcingCli.RunAsync(args, CliIO.FromConsole());
