using System.Collections.Generic;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>What one decommission step does.</summary>
    public enum DecommissionAction
    {
        /// <summary>Delete a temporary AVNM resource of the waves (static member, group, configuration) after the handover.</summary>
        DeleteTemporaryResource,
        /// <summary>Delete a user-defined route the mesh made useless: every address it covers is routed by more specific routes.</summary>
        RemoveRoute,
        /// <summary>Set useRemoteGateways to false on a member's hub peering: no route the gateway brings is used any more.</summary>
        StopUsingRemoteGateways,
        /// <summary>Set allowRemoteVnetTraffic to false on an ExpressRoute gateway: no pair goes through the MSEE hairpin any more.</summary>
        DisallowRemoteVnetTraffic,
    }

    /// <summary>One decommission step: a change with its rollback, or a deliberate non-change with the reason.</summary>
    public sealed class DecommissionStep
    {
        internal DecommissionStep(DecommissionAction action, bool change, string resourceId, string reason, string? command, string? rollbackCommand)
        {
            Action = action; Change = change; ResourceId = resourceId; Reason = reason; Command = command; RollbackCommand = rollbackCommand;
        }

        /// <summary>What the step does.</summary>
        public DecommissionAction Action { get; }
        /// <summary>True: the phase makes the change; false: kept, and <see cref="Reason"/> says why.</summary>
        public bool Change { get; }
        /// <summary>The resource changed or kept (a route, a peering, a gateway, an AVNM resource).</summary>
        public string ResourceId { get; }
        /// <summary>Why the step is (or is not) safe.</summary>
        public string Reason { get; }
        /// <summary>Az PowerShell command that makes the change (null when kept).</summary>
        public string? Command { get; }
        /// <summary>Az PowerShell command that undoes it (null when kept).</summary>
        public string? RollbackCommand { get; }
        /// <summary>The ARM write apply sends: DELETE (Body null, Property null) or an update of one property (read, set, PUT back).</summary>
        internal string? Method { get; set; }
        internal string? Property { get; set; }
        internal bool Value { get; set; }
        internal string ApiVersion { get; set; } = AvnmApi.Version;
    }

    /// <summary>
    /// The final phase, off by default: after the soak (default 14 days after the final wave's commits read Deployed, while the
    /// MSEE hairpin stays the fallback), remove what the mesh replaced, each step with its rollback.
    /// </summary>
    public sealed class DecommissionPhase
    {
        internal DecommissionPhase(int soakDays, IReadOnlyList<DecommissionStep> steps)
        {
            SoakDays = soakDays; Steps = steps;
        }

        /// <summary>How many days the mesh runs before the hairpin is decommissioned.</summary>
        public int SoakDays { get; }
        /// <summary>When the decommission may start, in words.</summary>
        public string Soak => $"no earlier than {SoakDays} days after every region of the final wave reads Deployed; apply checks the commit time it reads live";
        /// <summary>The decommission steps, in order.</summary>
        public IReadOnlyList<DecommissionStep> Steps { get; }
    }
}
