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
        /// <summary>A reply with HTTP status <paramref name="status"/>, its JSON body and headers of interest.</summary>
        public ArmReply(int status, JsonNode? body, string? error = null)
        {
            Status = status; Body = body; Error = error;
        }

        /// <summary>The HTTP status code.</summary>
        public int Status { get; }
        /// <summary>The JSON body, when there is one.</summary>
        public JsonNode? Body { get; }
        /// <summary>ARM's error message for a failed request.</summary>
        public string? Error { get; }
        /// <summary>True for a 2xx status.</summary>
        public bool IsSuccess => Status >= 200 && Status < 300;
    }
}
