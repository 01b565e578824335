using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.ResourceGraph;
using AzSpokeTools.Azure.Snapshot;
using AzSpokeTools.Azure.Transport;

namespace AzSpokeTools.Azure.Arm
{
    /// <summary>Every subscription the identity can see (<c>GET /subscriptions</c>), for an estate-wide export with no scope given.</summary>
    internal static class SubscriptionDirectory
    {
        private static readonly string[] Unreadable = { "Disabled", "Deleted" };

        /// <summary>Every readable (not Disabled or Deleted) subscription the identity can list.</summary>
        public static async Task<IReadOnlyList<string>> ListAsync(ArmClient client, IExportObserver observer, CancellationToken cancellationToken)
        {
            var result = await ArmList.ReadAsync(client, ListUrl(client), cancellationToken).ConfigureAwait(false);
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

        /// <summary>
        /// The requested subscriptions the identity can see. Resource Graph leaves out subscriptions the
        /// caller cannot read without saying so, so each requested subscription missing from
        /// <c>GET /subscriptions</c> is recorded as denied here instead of silently yielding nothing.
        /// When the list itself is refused, every requested subscription is kept.
        /// </summary>
        public static async Task<IReadOnlyList<string>> VisibleAsync(
            ArmClient client, IReadOnlyList<string> requested, ExportCoverage coverage, IExportObserver observer, CancellationToken cancellationToken)
        {
            var result = await ArmList.ReadAsync(client, ListUrl(client), cancellationToken).ConfigureAwait(false);
            if (result.Refused != null)
            {
                observer.Verbose("Could not list subscriptions (" + result.Refused.ErrorMessage + "); querying the requested ones as given.");
                return requested;
            }
            var listed = new HashSet<string>(
                result.Items.Select(i => ResourceGraphInventory.StringOrNull(i["subscriptionId"])).Where(id => id != null)!,
                StringComparer.OrdinalIgnoreCase);
            var visible = new List<string>();
            foreach (var id in requested)
            {
                if (listed.Contains(id))
                {
                    visible.Add(id);
                    continue;
                }
                const string message = "The subscription is not among those the identity can list (GET /subscriptions): no access, or it does not exist.";
                coverage.Deny("/subscriptions/" + id, null, null, 404, message);
                observer.Warning("Subscription " + id + " is not visible to this identity; the snapshot does not cover it.");
            }
            return visible;
        }

        private static Uri ListUrl(ArmClient client) => client.Url("/subscriptions?api-version=2022-12-01");
    }
}
