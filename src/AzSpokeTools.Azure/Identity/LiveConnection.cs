using System;
using System.Threading;
using AzSpokeTools.Azure.Apply;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Engine;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Azure.Identity
{
    /// <summary>Which identity a live connection uses, in the order they are tried.</summary>
    public enum LiveIdentity
    {
        /// <summary>The bearer token given (-AccessToken, --access-token).</summary>
        AccessToken,
        /// <summary>The host's own sign-in (<see cref="IHostIdentity"/>: the caller's Az PowerShell context).</summary>
        Host,
        /// <summary>DefaultAzureCredential: environment, workload identity, managed identity, Azure CLI, Azure PowerShell.</summary>
        DefaultAzureCredential,
    }

    /// <summary>
    /// A sign-in the host offers besides an explicit token (the PowerShell module: the caller's Az context, through
    /// Get-AzAccessToken). Asked once, on the host's own thread, when the connection is created.
    /// </summary>
    public interface IHostIdentity
    {
        /// <summary>A token provider for <paramref name="cloud"/>, or null when the host has none to offer (it says why itself).</summary>
        HostTokenProvider? Connect(AzureCloud cloud);
    }

    /// <summary>
    /// The one connection factory of the live layer: every live entry point of both hosts (export, live reads, mesh apply) turns
    /// its environment, ARM endpoint and access token parameters into a connection here. It validates them (an unknown environment,
    /// an ARM endpoint that is not an absolute https URL, an empty token: <see cref="EngineInputException"/> naming Environment,
    /// ArmEndpoint or AccessToken), resolves the cloud, and chooses the identity: the token given, else the host's sign-in, else
    /// DefaultAzureCredential (authority of the cloud). Nothing is sent until an exporter or a sender uses it.
    /// </summary>
    public sealed class LiveConnection
    {
        private readonly string? _environment;
        private readonly Uri? _armEndpoint;
        private readonly string? _accessToken;
        private readonly HostTokenProvider? _hostToken;

        private LiveConnection(AzureCloud cloud, LiveIdentity identity, string? environment, Uri? armEndpoint, string? accessToken, HostTokenProvider? hostToken)
        {
            Cloud = cloud;
            Identity = identity;
            _environment = environment;
            _armEndpoint = armEndpoint;
            _accessToken = accessToken;
            _hostToken = hostToken;
        }

        /// <summary>The cloud and its ARM endpoint (an explicit endpoint replaces the environment's).</summary>
        public AzureCloud Cloud { get; }

        /// <summary>The identity chosen.</summary>
        public LiveIdentity Identity { get; }

        /// <param name="environment">AzureCloud (default), AzureUSGovernment or AzureChinaCloud.</param>
        /// <param name="armEndpoint">An explicit ARM endpoint as given (absolute https URL), or null.</param>
        /// <param name="accessToken">A bearer token as given (a leading "Bearer " is accepted), or null.</param>
        /// <param name="hostIdentity">The host's sign-in, tried when no token is given; null when the host has none (the CLI).</param>
        /// <exception cref="EngineInputException">A value is invalid; <see cref="EngineInputException.Parameter"/> names it.</exception>
        public static LiveConnection Create(string? environment, string? armEndpoint, string? accessToken, IHostIdentity? hostIdentity = null)
        {
            Uri? endpoint = null;
            if (armEndpoint != null && !Uri.TryCreate(armEndpoint, UriKind.Absolute, out endpoint))
                throw new EngineInputException("ArmEndpoint", "'" + armEndpoint + "' is not an absolute URL");
            AzureCloud cloud;
            try
            {
                cloud = AzureCloud.Resolve(environment, endpoint);
            }
            catch (ArgumentException ex)
            {
                throw new EngineInputException(ex.ParamName ?? "Environment", WithoutParameterName(ex), ex);
            }
            if (accessToken != null)
            {
                if (accessToken.Trim().Length == 0) throw new EngineInputException("AccessToken", "the access token is empty");
                return new LiveConnection(cloud, LiveIdentity.AccessToken, environment, endpoint, accessToken, null);
            }
            var host = hostIdentity?.Connect(cloud);
            return new LiveConnection(cloud, host != null ? LiveIdentity.Host : LiveIdentity.DefaultAzureCredential, environment, endpoint, null, host);
        }

        /// <summary>Puts this connection (environment, endpoint, identity) on export options whose scope the caller sets.</summary>
        public ExportOptions Configure(ExportOptions options)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            options.Environment = _environment;
            options.ArmEndpoint = _armEndpoint;
            options.AccessToken = _accessToken;
            options.HostToken = _hostToken;
            options.Credential = null;
            return options;
        }

        /// <summary>The sender the mesh apply step sends its requests through (<see cref="MeshApplyRequest.Connect"/>).</summary>
        public ArmApplySender CreateSender(IExportObserver? observer = null, CancellationToken cancellationToken = default) =>
            new ArmApplySender(Configure(new ExportOptions()), observer, cancellationToken);

        /// <summary>The message of an <see cref="ArgumentException"/> without the " (Parameter 'x')" .NET appends.</summary>
        internal static string WithoutParameterName(ArgumentException ex) =>
            ex.ParamName == null ? ex.Message : ex.Message.Replace(" (Parameter '" + ex.ParamName + "')", "");
    }
}
