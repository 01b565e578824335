using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.ResourceGraph;
using AzSpokeTools.Azure.Transport;

namespace AzSpokeTools.Azure.Arm
{
    /// <summary>Every subscription the identity can see (<c>GET /subscriptions</c>), for an estate-wide export with no scope given.</summary>
    internal static class SubscriptionDirectory
    {
        private static readonly string[] Unreadable = { "Disabled", "Deleted" };

        public static async Task<IReadOnlyList<string>> ListAsync(ArmClient client, IExportObserver observer, CancellationToken cancellationToken)
        {
            var result = await ArmList.ReadAsync(client, client.Url("/subscriptions?api-version=2022-12-01"), cancellationToken).ConfigureAwait(false);
            if (result.Refused != null)
                throw new AzureExportException("Listing subscriptions failed: " + result.Refused.ErrorMessage, result.Refused.Status);
            var ids = new List<string>();
            foreach (var subscription in result.Items)
            {
                var id = ResourceGraphInventory.StringOrNull(subscription["subscriptionId"]);
                var state = ResourceGraphInventory.StringOrNull(subscription["state"]);
                if (id == null) continue;
                if (state != null && Unreadable.Any(u => u.Equals(state, StringComparison.OrdinalIgnoreCase)))
                {
                    observer.Verbose("Skipping subscription " + id + " in state " + state + ".");
                    continue;
                }
                ids.Add(id);
            }
            if (ids.Count == 0) throw new AzureExportException("The identity can read no subscription; give --subscription or --management-group.");
            observer.Verbose("Exporting " + ids.Count + " subscriptions visible to the identity.");
            return ids;
        }
    }
}
