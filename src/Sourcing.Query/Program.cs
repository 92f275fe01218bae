return await Sourcing.Query.QueryApp.RunAsync(args);
