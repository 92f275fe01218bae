using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sourcing.Security.Tests.Functional;

/// <summary>A server certificate for 127.0.0.1 and localhost, written as PEM files; it is its own CA.</summary>
public sealed class SelfSignedCertificate : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sourcing-tls-").FullName;

    public SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Sourcing test server", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>The certificate; also the CA file clients trust.</summary>
    public string CertificatePath => Path.Combine(_directory, "server.crt");

    public string KeyPath => Path.Combine(_directory, "server.key");

    /// <summary>Kestrel settings that serve the gRPC endpoint over TLS on <paramref name="port"/>.</summary>
    public Dictionary<string, string?> HttpsEndpoint(int port) => new()
    {
        ["Kestrel:Endpoints:Grpc:Url"] = $"https://127.0.0.1:{port}",
        ["Kestrel:Endpoints:Grpc:Certificate:Path"] = CertificatePath,
        ["Kestrel:Endpoints:Grpc:Certificate:KeyPath"] = KeyPath,
    };

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
