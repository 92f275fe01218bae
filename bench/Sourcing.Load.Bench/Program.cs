using Sourcing.Load.Bench;

return await LoadTest.RunAsync(LoadSettings.Parse(args));
