using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Evaluation
{
    /// <summary>
    /// Shares compiled tables between route lists with the same content, so that the many subnets of an estate
    /// whose effective routes are identical are compiled once. Two lists share a table when they have the same
    /// length and, at every index, the same Active route content: source, prefixes (including service tags), next hop
    /// type and next hop IPs. Route names, origins and Invalid routes' content do not matter; order does, because
    /// lookups answer with route indices. Thread-safe; each table is compiled at most once per cache.
    /// </summary>
    internal sealed class CompiledRouteTableCache
    {
        private readonly ConcurrentDictionary<RouteTableContentKey, Lazy<CompiledRouteTable>> _tables =
            new ConcurrentDictionary<RouteTableContentKey, Lazy<CompiledRouteTable>>();

        /// <summary>The compiled table for <paramref name="routes"/>: the same instance for every list with the same content.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="routes"/> is null.</exception>
        /// <exception cref="ArgumentException">An element of <paramref name="routes"/> is null.</exception>
        public CompiledRouteTable GetOrCompile(IReadOnlyList<EffectiveRoute> routes)
        {
            var key = RouteTableContentKey.For(routes);
            var lazy = _tables.GetOrAdd(key,
                _ => new Lazy<CompiledRouteTable>(() => RouteTableCompiler.Compile(routes), LazyThreadSafetyMode.ExecutionAndPublication));
            return lazy.Value;
        }

        /// <summary>The number of distinct tables held.</summary>
        public int Count => _tables.Count;

        /// <summary>Drops every table held; tables already handed out stay valid.</summary>
        public void Clear() => _tables.Clear();
    }
}
