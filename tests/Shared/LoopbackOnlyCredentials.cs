using System;
using System.Runtime.CompilerServices;

namespace AzSpokeTools.Tests.Shared;

/// <summary>
/// Tests never talk to a real identity endpoint: should any code path fall through to DefaultAzureCredential,
/// its managed-identity step is pointed at a closed loopback port instead of the instance metadata address.
/// </summary>
internal static class LoopbackOnlyCredentials
{
    [ModuleInitializer]
    internal static void PointManagedIdentityAtLoopback()
    {
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", "http://127.0.0.1:9/msi/token");
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", "tests");
        Environment.SetEnvironmentVariable("MSI_ENDPOINT", "http://127.0.0.1:9/msi/token");
        Environment.SetEnvironmentVariable("MSI_SECRET", "tests");
        Environment.SetEnvironmentVariable("AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:9/");
    }
}
