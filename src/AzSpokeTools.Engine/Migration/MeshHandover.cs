using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>What the final wave hands the mesh over to.</summary>
    public enum HandoverKind
    {
        /// <summary>No handover: the plan's static group and configuration are the end state.</summary>
        None,
        /// <summary>An existing, never-deployed Mesh configuration covering exactly the selection: the final wave commits it instead of the plan's.</summary>
        ExistingConfiguration,
        /// <summary>The selected existing network group: the final wave points the plan's configuration at it.</summary>
        ExistingGroup,
        /// <summary>Azure Policy membership by the selection's tag: the final wave points the plan's configuration at a policy-based group.</summary>
        PolicyGroup,
    }

    /// <summary>
    /// How the waves hold when the end state is an existing configuration, an existing group or dynamic membership (each
    /// would otherwise take every member at once): the waves fill the plan's temporary static group, and the final wave hands
    /// the mesh over to the end state. The migration guidance names a temporary static group per wave as one way.
    /// </summary>
    public sealed class MeshHandover
    {
        internal MeshHandover(HandoverKind kind, ResourceId? configurationId, ResourceId? groupId, KeyValuePair<string, string>? policyTag, string description)
        {
            Kind = kind; ConfigurationId = configurationId; GroupId = groupId; PolicyTag = policyTag; Description = description;
        }

        internal static readonly MeshHandover NoHandover = new MeshHandover(HandoverKind.None, null, null, null, "none: the plan's static group and configuration are the end state");

        /// <summary>What the final wave hands the mesh over to.</summary>
        public HandoverKind Kind { get; }
        /// <summary>The configuration committed by the final wave (the adopted one, or the plan's).</summary>
        public ResourceId? ConfigurationId { get; }
        /// <summary>The group the end state's configuration applies to (existing group, or the plan's policy-based group).</summary>
        public ResourceId? GroupId { get; }
        /// <summary>The tag the policy-based group selects VNets by.</summary>
        public KeyValuePair<string, string>? PolicyTag { get; }
        /// <summary>The handover in words.</summary>
        public string Description { get; }
        /// <summary>Name of the Azure Policy definition and assignment for dynamic membership.</summary>
        public string? PolicyDefinitionName => Kind == HandoverKind.PolicyGroup && GroupId is ResourceId g ? "azspoke-" + g.Name + "-membership" : null;
    }
}
