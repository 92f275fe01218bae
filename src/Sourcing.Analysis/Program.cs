return await Sourcing.Analysis.AnalysisApp.RunAsync(args);
