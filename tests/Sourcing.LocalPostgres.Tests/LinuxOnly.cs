using System.Runtime.Versioning;

// The local server, its OS user and /proc are Linux facts.
[assembly: SupportedOSPlatform("linux")]
