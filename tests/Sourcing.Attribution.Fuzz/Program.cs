using System.Text;
using SharpFuzz;
using Sourcing.Attribution;
using Sourcing.Attribution.Fuzz;

// SharpFuzz target over the engine and the JSONL writer.
//   AFL:        afl-fuzz -i corpus -o findings -- dotnet Sourcing.Attribution.Fuzz.dll
//   libFuzzer:  dotnet Sourcing.Attribution.Fuzz.dll --libfuzzer
//   one input:  dotnet Sourcing.Attribution.Fuzz.dll --check FILE
if (args is ["--libfuzzer", ..])
{
    Fuzzer.LibFuzzer.Run(bytes => Invariants.Check(Encoding.UTF8.GetString(bytes)));
}
else if (args is ["--check", var file])
{
    Invariants.Check(File.ReadAllText(file));
    Console.WriteLine($"ok: {AttributionEngine.Default.Analyze(File.ReadAllText(file)).Count} attributions");
}
else
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        Invariants.Check(reader.ReadToEnd());
    });
}
