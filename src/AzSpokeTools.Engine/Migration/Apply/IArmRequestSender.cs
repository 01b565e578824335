using System;
using System.Text.Json.Nodes;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// Sends one ARM request for the apply step (implemented by the live layer over Azure.Core: auth, retries, 429,
    /// long-running operations followed to their end). The engine never does I/O itself.
    /// </summary>
    public interface IArmRequestSender
    {
        /// <summary>Sends <paramref name="method"/> to <paramref name="pathAndQuery"/> (relative to the ARM endpoint) and returns the final reply.</summary>
        ArmReply Send(string method, string pathAndQuery, JsonObject? body);

        /// <summary>Waits between deployment-status polls.</summary>
        void Wait(TimeSpan delay);
    }

    /// <summary>The final status and body of one ARM request.</summary>
    public sealed class ArmReply
    {
        public ArmReply(int status, JsonNode? body, string? error = null)
        {
            Status = status; Body = body; Error = error;
        }

        public int Status { get; }
        public JsonNode? Body { get; }
        /// <summary>ARM's error message for a failed request.</summary>
        public string? Error { get; }
        public bool IsSuccess => Status >= 200 && Status < 300;
    }
}
