using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.ResourceGraph;
using AzSpokeTools.Azure.Transport;

namespace AzSpokeTools.Azure.Arm
{
    /// <summary>
    /// An ARM list call (<c>GET ...?api-version=</c> returning <c>{"value":[...],"nextLink"}</c>), every page
    /// followed. Returns the items, or the 401/403/404 response when the list cannot be read.
    /// </summary>
    internal static class ArmList
    {
        public static async Task<ArmListResult> ReadAsync(ArmClient client, Uri first, CancellationToken cancellationToken)
        {
            var items = new List<JsonObject>();
            Uri? next = first;
            int pages = 0;
            while (next != null)
            {
                var response = await client.GetAsync(next, cancellationToken).ConfigureAwait(false);
                if (response.Status == 401 || response.Status == 403 || response.Status == 404) return new ArmListResult(items, response, pages);
                if (!response.IsSuccess)
                    throw new AzureExportException("GET " + RequestLogPolicy.RedactUrl(next) + " failed: " + response.ErrorMessage, response.Status);
                if (!(response.Body is JsonObject body) || !(body["value"] is JsonArray value))
                    throw new AzureExportException("GET " + RequestLogPolicy.RedactUrl(next) + " returned no 'value' array.", response.Status);
                for (int i = 0; i < value.Count; i++)
                {
                    if (!(value[i] is JsonObject item))
                        throw new AzureExportException("GET " + RequestLogPolicy.RedactUrl(next) + ": value[" + i.ToString(CultureInfo.InvariantCulture) + "] is not an object.", response.Status);
                    items.Add(item);
                }
                value.Clear(); // detach the items from the response document
                pages++;
                var link = ResourceGraphInventory.StringOrNull(body["nextLink"]);
                var following = link == null ? null : new Uri(link, UriKind.Absolute);
                if (following != null && following == next)
                    throw new AzureExportException("GET " + RequestLogPolicy.RedactUrl(next) + " returned itself as nextLink; stopping instead of looping.", response.Status);
                next = following;
            }
            return new ArmListResult(items, null, pages);
        }
    }

    /// <summary>The items of a list call, or the response that refused it.</summary>
    internal sealed class ArmListResult
    {
        public ArmListResult(List<JsonObject> items, ArmResponse? refused, int pages)
        {
            Items = items;
            Refused = refused;
            Pages = pages;
        }

        /// <summary>Pages read (nextLink followed).</summary>
        public int Pages { get; }

        public List<JsonObject> Items { get; }

        public ArmResponse? Refused { get; }
    }
}
