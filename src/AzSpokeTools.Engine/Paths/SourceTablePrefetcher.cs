using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// Computes the effective routes of every other matrix source on a second thread, with its own calculator (calculators are
    /// not thread-safe), while the matrix works through the sources in order; the tables are identical in content to the
    /// matrix's own, so the rows do not change.
    /// </summary>
    internal sealed class SourceTablePrefetcher : IDisposable
    {
        private readonly Dictionary<int, TaskCompletionSource<IReadOnlyList<EffectiveRoute>>> _slots = new Dictionary<int, TaskCompletionSource<IReadOnlyList<EffectiveRoute>>>();
        private readonly Thread _thread;
        private volatile bool _stop;

        public SourceTablePrefetcher(Topology topology, ServiceTagCatalog? serviceTags, IReadOnlyList<PathMatrixEndpoint> endpoints, IReadOnlyList<int> order)
        {
            var mine = new List<int>();
            for (int k = 1; k < order.Count; k += 2)
            {
                mine.Add(order[k]);
                _slots[order[k]] = new TaskCompletionSource<IReadOnlyList<EffectiveRoute>>();
            }
            _thread = new Thread(() =>
            {
                EffectiveRouteCalculator? calculator = null;
                foreach (var i in mine)
                {
                    if (_stop) { _slots[i].TrySetCanceled(); continue; }
                    try
                    {
                        calculator ??= new EffectiveRouteCalculator(topology, serviceTags);
                        _slots[i].TrySetResult(calculator.RoutesOnce(endpoints[i].Subnet));
                    }
                    catch (Exception ex)
                    {
                        _slots[i].TrySetException(ex);
                    }
                }
            })
            { IsBackground = true, Name = "path matrix tables" };
            _thread.Start();
        }

        /// <summary>The routes of source <paramref name="index"/> when this prefetcher computes them (waits for them); null otherwise.</summary>
        public IReadOnlyList<EffectiveRoute>? Take(int index) =>
            _slots.TryGetValue(index, out var slot) ? slot.Task.GetAwaiter().GetResult() : null;

        public void Dispose() => _stop = true;
    }
}
