using System.Runtime.Versioning;

// The AppHost's process handling (signals, sessions, /proc) is Linux's.
[assembly: SupportedOSPlatform("linux")]

// Each functional test starts a whole AppHost: on two cores they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
