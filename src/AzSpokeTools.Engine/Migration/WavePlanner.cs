using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// Splits the members into waves. Explicit waves (NAME=PATTERN) take the VNets whose names match, in order, and the
    /// members left form a last wave. Otherwise the pilot takes up to the pilot size (default 50, the migration guidance's
    /// pilot) of non-production VNets (environment tag), then untagged ones, fewest dependencies first (no route-table impact,
    /// fewest private endpoints); after it come waves of the wave size, or light production (the remaining non-production VNets
    /// and a tenth of production) and the rest.
    /// </summary>
    internal static class WavePlanner
    {
        public static List<PlannedWave> Plan(IReadOnlyList<VirtualNetwork> members, MigrationOptions o, ISet<ResourceId> impacted, Func<VirtualNetwork, int> privateEndpoints)
        {
            if (o.PilotSize < 1) throw new EngineInputException("PilotSize", "the pilot wave needs at least one VNet");
            if (o.WaveSize is int size && size < 1) throw new EngineInputException("WaveSize", "a wave needs at least one VNet");
            if (o.Waves.Count > 0) return Explicit(members, o.Waves);

            IEnumerable<VirtualNetwork> Simplest(IEnumerable<VirtualNetwork> vnets) => vnets
                .OrderBy(m => impacted.Contains(m.Id) ? 1 : 0).ThenBy(privateEndpoints).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase);
            var nonProd = members.Where(m => MemberCaveatRules.IsProduction(m) == false).ToList();
            var untagged = members.Where(m => MemberCaveatRules.IsProduction(m) == null).ToList();
            var prod = members.Where(m => MemberCaveatRules.IsProduction(m) == true).ToList();
            var waves = new List<PlannedWave>();
            var taken = new HashSet<ResourceId>();

            int pilotSize = Math.Min(o.PilotSize, members.Count);
            var pilotPool = nonProd.Count > 0 ? nonProd : untagged.Count > 0 ? untagged : prod;
            var pilot = Simplest(pilotPool).Take(pilotSize).ToList();
            foreach (var m in pilot) taken.Add(m.Id);
            waves.Add(new PlannedWave("pilot", pilot, nonProd.Count > 0
                ? $"{pilot.Count} non-production VNets (environment tag), fewest route-table and private-endpoint dependencies first"
                : untagged.Count > 0 ? $"{pilot.Count} VNets without an environment tag (no non-production tag found), fewest dependencies first"
                : $"{pilot.Count} production VNets (no non-production VNet in the selection), fewest dependencies first"));

            var left = Simplest(nonProd.Concat(untagged).Where(m => !taken.Contains(m.Id))).Concat(Simplest(prod.Where(m => !taken.Contains(m.Id)))).ToList();
            if (o.WaveSize is int n)
            {
                for (int i = 0, k = 2; i < left.Count; i += n, k++)
                {
                    var chunk = left.Skip(i).Take(n).ToList();
                    int p = chunk.Count(m => MemberCaveatRules.IsProduction(m) == true);
                    waves.Add(new PlannedWave("wave-" + k, chunk, $"{chunk.Count} VNets (wave size {n}): {chunk.Count - p} non-production or untagged, {p} production, fewest dependencies first"));
                }
                return waves;
            }

            // Light production: the remaining non-production members and a small share of production ones without dependencies.
            var restNonProd = nonProd.Concat(untagged).Where(m => !taken.Contains(m.Id)).ToList();
            var prodPool = Simplest((prod.Count > 0 ? prod : restNonProd).Where(m => !taken.Contains(m.Id))).ToList();
            int lightCount = Math.Max(1, (int)Math.Ceiling(prodPool.Count * o.LightProductionShare));
            var light = new List<VirtualNetwork>();
            if (prod.Count > 0) light.AddRange(restNonProd);
            light.AddRange(prodPool.Take(lightCount).Where(m => !light.Contains(m)));
            foreach (var m in light) taken.Add(m.Id);
            if (light.Count > 0)
                waves.Add(new PlannedWave("light-production", light, $"{light.Count} VNets: {light.Count(m => MemberCaveatRules.IsProduction(m) == true)} production VNets with the fewest dependencies" +
                    (prod.Count > 0 && restNonProd.Count > 0 ? $" and the remaining {restNonProd.Count} non-production or untagged VNets" : "")));

            var rest = members.Where(m => !taken.Contains(m.Id)).ToList();
            if (rest.Count > 0) waves.Add(new PlannedWave("rest", rest, $"the remaining {rest.Count} VNets"));
            return waves;
        }

        private static List<PlannedWave> Explicit(IReadOnlyList<VirtualNetwork> members, IReadOnlyList<KeyValuePair<string, string>> definitions)
        {
            var waves = new List<PlannedWave>();
            var taken = new HashSet<ResourceId>();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var d in definitions)
            {
                var name = (d.Key ?? "").Trim();
                var pattern = (d.Value ?? "").Trim();
                if (name.Length == 0 || pattern.Length == 0) throw new EngineInputException("Wave", $"'{d.Key}={d.Value}' is not a wave; write NAME=PATTERN (a VNet name pattern such as spoke-a*)");
                if (!names.Add(name)) throw new EngineInputException("Wave", $"wave '{name}' is defined twice");
                var rx = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                var wave = members.Where(m => !taken.Contains(m.Id) && (rx.IsMatch(m.Name) || string.Equals(m.Id.Value, pattern, StringComparison.OrdinalIgnoreCase))).ToList();
                if (wave.Count == 0)
                    throw new EngineInputException("Wave", $"wave '{name}': no selected VNet matches '{pattern}'" + (members.Any(m => rx.IsMatch(m.Name)) ? " that an earlier wave has not taken" : ""));
                foreach (var m in wave) taken.Add(m.Id);
                waves.Add(new PlannedWave(name, wave, $"{wave.Count} VNets matching {pattern}"));
            }
            var rest = members.Where(m => !taken.Contains(m.Id)).ToList();
            if (rest.Count > 0)
                waves.Add(new PlannedWave(names.Contains("rest") ? "remaining" : "rest", rest, $"the remaining {rest.Count} VNets (matched by no wave pattern)"));
            return waves;
        }
    }
}
