namespace Sourcing.LocalPostgres.Tests.Unit;

public sealed class PostgresBinariesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pgbin-").FullName;

    [Fact]
    public void FindUnder_SeveralVersions_ReturnsNewestWithServer()
    {
        // Arrange
        MakeBin("13", server: true);
        MakeBin("15", server: true);
        MakeBin("16", server: false);
        MakeBin("9.6", server: true);

        // Act
        var bin = PostgresBinaries.FindUnder(_root);

        // Assert
        bin.ShouldBe(Path.Combine(_root, "15", "bin"));
    }

    [Fact]
    public void FindUnder_MissingRoot_ReturnsNull()
    {
        PostgresBinaries.FindUnder(Path.Combine(_root, "absent")).ShouldBeNull();
    }

    [Fact]
    public void Locate_PostgresBinPointsAtFolderWithoutServer_ThrowsNamingTheVariable()
    {
        // Arrange
        var previous = Environment.GetEnvironmentVariable(PostgresBinaries.BinEnvironmentVariable);
        Environment.SetEnvironmentVariable(PostgresBinaries.BinEnvironmentVariable, _root);
        try
        {
            // Act
            var exception = Should.Throw<InvalidOperationException>(PostgresBinaries.Locate);

            // Assert
            exception.Message.ShouldContain("POSTGRES_BIN");
        }
        finally
        {
            Environment.SetEnvironmentVariable(PostgresBinaries.BinEnvironmentVariable, previous);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void MakeBin(string version, bool server)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_root, version, "bin")).FullName;
        File.WriteAllText(Path.Combine(bin, "initdb"), string.Empty);
        if (server)
        {
            File.WriteAllText(Path.Combine(bin, "postgres"), string.Empty);
        }
    }
}
