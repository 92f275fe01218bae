namespace Sourcing.Analysis.Speakers;

/// <summary>
/// The descriptor anonymous sources are aggregated by: "Two Iraqi officials" and "Iraqi officials" are both
/// "iraqi officials", "a senior Shiite politician" is "senior shiite politician".
/// </summary>
public static class AnonymousDescriptor
{
    public static string Normalize(string descriptor) => SpeakerKeys.Descriptor(descriptor);
}
