using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Sourcing.Contracts.Security;

/// <summary>
/// Lets a client trust servers whose certificates a private CA issued (a PEM file), besides the
/// system's trusted roots; host names are still checked.
/// </summary>
public static class TrustedCertificateAuthority
{
    public static RemoteCertificateValidationCallback FromPemFile(string caFile)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(caFile);
        if (authorities.Count == 0)
        {
            throw new InvalidOperationException($"The CA file '{caFile}' holds no PEM certificate.");
        }
        return (_, certificate, _, errors) => errors == SslPolicyErrors.None
            || (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate is not null
                && IsIssuedBy(certificate, authorities));
    }

    private static bool IsIssuedBy(X509Certificate certificate, X509Certificate2Collection authorities)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
