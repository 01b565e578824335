using System;
using System.Globalization;
using System.Text.Json.Nodes;

namespace AzSpokeTools.Azure.Transport
{
    /// <summary>One ARM / Resource Graph response after Azure.Core's retries: status, parsed JSON body, the headers we use.</summary>
    internal sealed class ArmResponse
    {
        public ArmResponse(int status, JsonNode? body, Func<string, string?> header)
        {
            Status = status;
            Body = body;
            _header = header;
        }

        private readonly Func<string, string?> _header;

        public int Status { get; }

        public JsonNode? Body { get; }

        public bool IsSuccess => Status >= 200 && Status < 300;

        public string? Header(string name) => _header(name);

        /// <summary>ARM's error text: <c>Code: message</c> from <c>{"error":{"code","message"}}</c>, else the status.</summary>
        public string ErrorMessage
        {
            get
            {
                var error = Body?["error"] as JsonObject;
                var code = error?["code"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)error!["code"] : null;
                var message = error?["message"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)error!["message"] : null;
                var status = "HTTP " + Status.ToString(CultureInfo.InvariantCulture);
                if (code == null && message == null) return status;
                return (code ?? status) + ": " + (message ?? "") + (code == null ? "" : " (" + status + ")");
            }
        }

        /// <summary>
        /// The delay the service asked for: <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c>, then
        /// <c>Retry-After</c> (seconds or an HTTP date); null when absent.
        /// </summary>
        public TimeSpan? RetryAfter
        {
            get
            {
                foreach (var msHeader in new[] { "retry-after-ms", "x-ms-retry-after-ms" })
                {
                    var ms = Header(msHeader);
                    if (ms != null && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m >= 0)
                        return TimeSpan.FromMilliseconds(m);
                }
                var ra = Header("Retry-After");
                if (ra == null) return null;
                if (int.TryParse(ra, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                    return TimeSpan.FromSeconds(seconds);
                if (DateTimeOffset.TryParse(ra, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
                {
                    var wait = when - DateTimeOffset.UtcNow;
                    return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
                }
                return null;
            }
        }
    }
}
