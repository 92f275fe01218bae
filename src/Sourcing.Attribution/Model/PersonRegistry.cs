namespace Sourcing.Attribution.Model;

/// <summary>
/// The persons a document names, in order of appearance, with the titles seen next to their
/// names; answers short names ("Kirby"), titles ("the prime minister") and pronouns.
/// </summary>
internal sealed class PersonRegistry
{
    private readonly List<(int Token, string Name)> _mentions = [];
    private readonly List<(int Token, string Title, string Name)> _titles = [];
    private readonly List<string> _names = [];
    private readonly Dictionary<string, Gender> _genders = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Names => _names;

    public void AddMention(int token, string name)
    {
        _mentions.Add((token, name));
        if (!_names.Contains(name))
        {
            _names.Add(name);
        }
    }

    public void AddTitle(int token, string title, string name) => _titles.Add((token, title, name));

    /// <summary>Records the gender a name or title signals; the first evidence stands.</summary>
    public void SetGender(string name, Gender gender)
    {
        if (gender != Gender.Unknown)
        {
            _genders.TryAdd(name, gender);
        }
    }

    public Gender GenderOf(string name) => _genders.TryGetValue(name, out var g) ? g : Gender.Unknown;

    /// <summary>Whether "he" (Male) or "she" (Female) can refer to the person: unknown is either.</summary>
    public bool Fits(string name, Gender pronoun) =>
        pronoun == Gender.Unknown || GenderOf(name) is var g && (g == Gender.Unknown || g == pronoun);

    /// <summary>The full name a short form stands for: the nearest earlier one, else the first later one.</summary>
    public string? ResolveShort(string shortForm, int token)
    {
        var key = Key(shortForm);
        if (key.Length == 0)
        {
            return null;
        }
        string? later = null;
        string? earlier = null;
        foreach (var (at, name) in _mentions)
        {
            if (!EndsWithName(name, key))
            {
                continue;
            }
            if (at <= token)
            {
                earlier = name;
            }
            else
            {
                later ??= name;
            }
        }
        return earlier ?? later;
    }

    public string? ResolveTitle(string title, int token)
    {
        string? earlier = null, later = null;
        foreach (var (at, t, name) in _titles)
        {
            if (!t.Equals(title, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (at <= token)
            {
                earlier = name;
            }
            else
            {
                later ??= name;
            }
        }
        return earlier ?? later;
    }

    public (int Token, string Name)? LastBefore(int token, Gender pronoun = Gender.Unknown)
    {
        (int, string)? best = null;
        foreach (var m in _mentions)
        {
            if (m.Token < token && (best is null || m.Token > best.Value.Item1) && Fits(m.Name, pronoun))
            {
                best = m;
            }
        }
        return best;
    }

    public static string Key(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 256)];
        var n = 0;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) && n < buffer.Length)
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }
        return new string(buffer[..n]);
    }

    // "Kirby" ends "John Kirby"; "Kadhimi" and "alKadhimi" end "Mustafa al-Kadhimi".
    private static bool EndsWithName(string fullName, string key)
    {
        var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var tail = "";
        for (var k = parts.Length - 1; k >= 0; k--)
        {
            tail = Key(parts[k]) + tail;
            if (tail == key)
            {
                return true;
            }
            var hyphen = parts[k].IndexOf('-');
            if (k == parts.Length - 1 && hyphen > 0 && hyphen <= 3 && Key(parts[k][(hyphen + 1)..]) == key)
            {
                return true;
            }
        }
        return false;
    }
}
