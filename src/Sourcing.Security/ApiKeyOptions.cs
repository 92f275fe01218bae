namespace Sourcing.Security;

/// <summary>One accepted key (<c>Auth:Keys:N</c>), as <c>sourcing keys new</c> prints it.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>A name for the key, for logs and traces; never the key itself.</summary>
    public string Id { get; set; } = "";

    /// <summary>The lowercase hex SHA-256 of the key.</summary>
    public string Hash { get; set; } = "";

    /// <summary>Comma-separated: <c>read</c>, <c>write</c> (implies read), <c>service</c>.</summary>
    public string Scopes { get; set; } = "";

    /// <summary>Tokens added to the key's bucket per second; 0 means no limit.</summary>
    public double RatePerSecond { get; set; }

    /// <summary>The bucket's size: calls that may come at once; 0 means one second's worth of the rate.</summary>
    public int Burst { get; set; }
}
