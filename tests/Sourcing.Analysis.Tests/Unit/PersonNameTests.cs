using Sourcing.Analysis.Speakers;

namespace Sourcing.Analysis.Tests.Unit;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("Pentagon press secretary John Kirby", "John Kirby", "kirby")]
    [InlineData("The Pentagon press secretary, John Kirby", "John Kirby", "kirby")]
    [InlineData("Iraqi military spokesman Brig. Gen. Yahya Rasool", "Yahya Rasool", "rasool")]
    [InlineData("Iraq\u2019s Foreign Minister Fuad Hassan", "Fuad Hassan", "hassan")]
    [InlineData("Randa Slim, director of the Conflict Resolution and Track II Dialogues Program", "Randa Slim", "slim")]
    [InlineData("Mustafa al-Kadhimi", "Mustafa al-Kadhimi", "kadhimi")]
    [InlineData("Maj. Gen. Esmail Ghaani", "Esmail Ghaani", "ghaani")]
    [InlineData("Kirby", "Kirby", "kirby")]
    public void Parse_MentionWithTitles_NameAndSurname(string mention, string display, string surname)
    {
        var name = PersonName.Parse(mention).ShouldNotBeNull();

        name.Display.ShouldBe(display);
        name.Surname.ShouldBe(surname);
    }

    [Fact]
    public void Parse_BareSurname_HasNoGivenName() => PersonName.Parse("Kirby")!.HasGivenName.ShouldBeFalse();

    [Theory]
    [InlineData("Qaani", "Qhaani", true)]
    [InlineData("Qaani", "Ghaani", true)]
    [InlineData("Ismail", "Esmail", true)]
    [InlineData("Dmitri", "Dmitrii", true)]
    [InlineData("Nyström", "Nystrom", true)]
    [InlineData("Smith", "Smyth", true)]
    [InlineData("John", "Mary", false)]
    [InlineData("Kirby", "Kirk", false)]
    [InlineData("Hassan", "Hussein", false)]
    public void SameName_Spellings_Judged(string a, string b, bool same) =>
        Transliteration.SameName(Text.NameText.Fold(a), Text.NameText.Fold(b)).ShouldBe(same);

    [Theory]
    [InlineData("Two Iraqi officials", "iraqi officials")]
    [InlineData("a senior Shiite politician", "senior shiite politician")]
    [InlineData("the officials", "officials")]
    [InlineData("U.S. and Iraqi officials", "us and iraqi officials")]
    public void Normalize_AnonymousDescriptor_LowercaseWithoutDeterminersAndNumbers(string descriptor, string normalized) =>
        AnonymousDescriptor.Normalize(descriptor).ShouldBe(normalized);
}
