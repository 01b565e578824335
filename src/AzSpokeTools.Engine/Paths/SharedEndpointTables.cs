using System.Collections.Generic;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// The effective routes of the matrix endpoints' subnets when a flow's access is evaluated: every thread's access needs every
    /// endpoint's (each host's VirtualNetwork tag is read from them) and its routing pass needs its sources', so each is computed
    /// once per run, by whichever thread asks first with its own calculator, and read by all. Route lists are not changed once
    /// made, so threads share them as they are.
    /// </summary>
    internal sealed class SharedEndpointTables
    {
        private readonly Dictionary<Subnet, Slot> _slots = new Dictionary<Subnet, Slot>();

        public SharedEndpointTables(IReadOnlyList<PathMatrixEndpoint> endpoints)
        {
            // Filled here, read-only afterwards: threads look slots up without a lock.
            foreach (var e in endpoints)
                if (!_slots.ContainsKey(e.Subnet)) _slots[e.Subnet] = new Slot();
        }

        /// <summary>The routes of <paramref name="subnet"/>: shared for an endpoint's subnet, else the caller's calculator's kept table.</summary>
        public IReadOnlyList<EffectiveRoute> RoutesOf(Subnet subnet, EffectiveRouteCalculator calculator)
        {
            if (!_slots.TryGetValue(subnet, out var slot)) return calculator.ForSubnet(subnet).Routes;
            // The thread that takes the slot first computes it with its own calculator (calculators are not thread-safe); another
            // thread asking meanwhile waits for it.
            lock (slot)
                return slot.Routes ??= calculator.RoutesOnce(subnet);
        }

        private sealed class Slot
        {
            public IReadOnlyList<EffectiveRoute>? Routes;
        }
    }
}
