using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Routing
{
    /// <summary>Routes gathered for one subnet before selection, with the notes each source made.</summary>
    internal sealed class RouteCandidates
    {
        public List<EffectiveRoute> Routes { get; } = new List<EffectiveRoute>();
        public List<string> Assumptions { get; } = new List<string>();
        public List<string> Unknowns { get; } = new List<string>();
        /// <summary>Routes shared with other VNets (gateway and hub-router routes), if any.</summary>
        public SharedRouteLayer? Shared { get; set; }

        public void Assume(string text) { if (!Assumptions.Contains(text)) Assumptions.Add(text); }
        public void Unknown(string text) { if (!Unknowns.Contains(text)) Unknowns.Add(text); }

        public void AddFrom(RouteCandidates other)
        {
            Routes.AddRange(other.Routes);
            Shared ??= other.Shared;
            foreach (var a in other.Assumptions) Assume(a);
            foreach (var u in other.Unknowns) Unknown(u);
        }
    }
}
