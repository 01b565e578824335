using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;

namespace AzSpokeTools.Azure.Identity
{
    /// <summary>
    /// A token the host obtained for the export (for example from the caller's Az PowerShell context through
    /// <c>Get-AzAccessToken</c>). A plain type, so that a host that must not see Azure SDK types can supply it.
    /// </summary>
    public sealed class HostAccessToken
    {
        /// <summary>Creates the token.</summary>
        public HostAccessToken(string token, DateTimeOffset expiresOn)
        {
            if (string.IsNullOrWhiteSpace(token)) throw new ArgumentException("The access token is empty.", nameof(token));
            Token = token;
            ExpiresOn = expiresOn;
        }

        /// <summary>The bearer token. Never logged or written.</summary>
        public string Token { get; }

        /// <summary>When the token expires; the export asks again shortly before.</summary>
        public DateTimeOffset ExpiresOn { get; }

        /// <inheritdoc />
        public override string ToString() => "HostAccessToken(***, expires " + ExpiresOn.ToString("u") + ")";
    }

    /// <summary>
    /// Obtains a token for <paramref name="scope"/> (<c>{arm}/.default</c>). Called on the export's worker
    /// threads, first when the export starts and again when the previous token is about to expire.
    /// Throw to refuse; the export then fails with an authentication error.
    /// </summary>
    public delegate HostAccessToken HostTokenProvider(string scope, CancellationToken cancellationToken);

    /// <summary>A credential over a <see cref="HostTokenProvider"/>.</summary>
    internal sealed class HostTokenCredential : TokenCredential
    {
        private readonly HostTokenProvider _provider;

        public HostTokenCredential(HostTokenProvider provider)
        {
            _provider = provider ?? throw new ArgumentNullException(nameof(provider));
        }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            var scope = requestContext.Scopes.Length > 0 ? requestContext.Scopes[0] : string.Empty;
            HostAccessToken token;
            try
            {
                token = _provider(scope, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (!(ex is AuthenticationFailedException))
            {
                throw new AuthenticationFailedException("The host could not provide a token for " + scope + ": " + ex.Message, ex);
            }
            if (token == null) throw new AuthenticationFailedException("The host provided no token for " + scope + ".");
            return new AccessToken(token.Token, token.ExpiresOn);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
            => new ValueTask<AccessToken>(GetToken(requestContext, cancellationToken));

        public override string ToString() => "HostTokenCredential(***)";
    }
}
