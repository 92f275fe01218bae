return await Sourcing.Ingest.IngestApp.RunAsync(args);
