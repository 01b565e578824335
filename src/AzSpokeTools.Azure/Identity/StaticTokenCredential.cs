using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace AzSpokeTools.Azure.Identity
{
    /// <summary>
    /// A credential that hands out one access token obtained elsewhere (<c>--access-token</c>,
    /// <c>-AccessToken</c>, or <c>az account get-access-token</c>). It cannot refresh; when ARM rejects the
    /// token the export fails with an authentication error. <see cref="ToString"/> never shows the token.
    /// </summary>
    public sealed class StaticTokenCredential : TokenCredential
    {
        private readonly AccessToken _token;

        /// <summary>Wraps <paramref name="accessToken"/>; its expiry is unknown, so it is taken as valid for an hour.</summary>
        public StaticTokenCredential(string accessToken)
        {
            if (string.IsNullOrWhiteSpace(accessToken)) throw new ArgumentException("The access token is empty.", "AccessToken");
            var token = accessToken.Trim();
            if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = token.Substring(7).Trim();
            _token = new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        /// <inheritdoc />
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => _token;

        /// <inheritdoc />
        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
            => new ValueTask<AccessToken>(_token);

        /// <inheritdoc />
        public override string ToString() => "StaticTokenCredential(***)";
    }
}
