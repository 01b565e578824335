using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>A wave as the wave planner chooses it: its name, its members and why they were chosen.</summary>
    internal sealed class PlannedWave
    {
        public PlannedWave(string name, List<VirtualNetwork> members, string why)
        {
            Name = name; Members = members; Why = why;
        }

        public string Name { get; }
        public List<VirtualNetwork> Members { get; }
        public string Why { get; }
    }
}
