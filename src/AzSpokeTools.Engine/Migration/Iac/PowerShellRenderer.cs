using System.Linq;
using System.Text;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// The plan as an Az PowerShell script: the waves' static group and members (waves 1..-Wave), the Mesh configuration (the
    /// end state's group at the final wave of a handover), Deploy-AzNetworkManagerCommit per region with the full set, the
    /// route removals of those waves; with -Decommission (when planned) the decommission phase's changes, each asked first.
    /// </summary>
    internal static class PowerShellRenderer
    {
        private static string Q(string s) => IacText.Ps(s);

        public static string Render(MigrationPlan plan)
        {
            var nm = plan.NetworkManager;
            var group = plan.NetworkGroup;
            var cfg = plan.Configuration;
            var h = plan.Handover;
            int n = plan.Waves.Count;
            var sets = IacCommitSets.Of(plan);
            bool waveGroup = group.StaticMembers.Count > 0;
            bool groupHandover = h.Kind == HandoverKind.ExistingGroup || h.Kind == HandoverKind.PolicyGroup;
            var sb = new StringBuilder();
            sb.AppendLine("#Requires -Modules Az.Network");
            sb.AppendLine($"# AVNM mesh for {plan.Selection.Members.Count} VNets ({plan.Selection.Description}). {plan.Options.OwnerMarker}");
            sb.AppendLine($"# Waves: {plan.WaveMembership}");
            sb.AppendLine("[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]");
            sb.AppendLine($"param(\n    [ValidateRange(1, {n})]\n    [int] $Wave = {n}" + (plan.Decommission != null ? ",\n\n    # The decommission phase instead of a wave: run it only after the soak." + "\n    [switch] $Decommission" : "") + "\n)");
            sb.AppendLine("$ErrorActionPreference = 'Stop'");
            sb.AppendLine($"$rg = {Q(nm.ResourceGroup)}");
            sb.AppendLine($"$nmName = {Q(nm.Name)}");
            sb.AppendLine();
            if (plan.Decommission != null)
            {
                sb.AppendLine("if ($Decommission) {");
                sb.AppendLine($"    # {plan.Decommission.Soak}.");
                foreach (var s in plan.Decommission.Steps)
                {
                    sb.AppendLine($"    # {s.Reason}");
                    if (!s.Change) continue;
                    sb.AppendLine($"    # rollback: {s.RollbackCommand}");
                    sb.AppendLine($"    if ($PSCmdlet.ShouldProcess({Q(s.ResourceId)}, {Q(s.Action.ToString())})) {{ {s.Command} | Out-Null }}");
                }
                sb.AppendLine("    return\n}");
                sb.AppendLine();
            }
            if (nm.Exists)
                sb.AppendLine("$nm = Get-AzNetworkManager -ResourceGroupName $rg -Name $nmName");
            else
            {
                sb.AppendLine("$nm = Get-AzNetworkManager -ResourceGroupName $rg -Name $nmName -ErrorAction SilentlyContinue");
                sb.AppendLine("if (-not $nm) {");
                sb.AppendLine($"    $scope = New-AzNetworkManagerScope -Subscription {IacText.PsArray(nm.ScopeSubscriptions)}");
                sb.AppendLine($"    $nm = New-AzNetworkManager -ResourceGroupName $rg -Name $nmName -Location {Q(nm.Location)} -NetworkManagerScope $scope -NetworkManagerScopeAccess @('Connectivity') -Tag @{{ {Q(MigrationOptions.OwnerTag)} = {Q(plan.Options.Owner)} }}");
                sb.AppendLine("}");
            }
            sb.AppendLine();
            if (waveGroup)
            {
                sb.AppendLine($"$group = Get-AzNetworkManagerGroup -ResourceGroupName $rg -NetworkManagerName $nmName -Name {Q(group.Name)} -ErrorAction SilentlyContinue");
                sb.AppendLine($"if ($group -and $group.Description -notlike {Q("*" + plan.Options.OwnerMarker + "*")}) {{ throw {Q("network group " + group.Name + " exists and was not created by this plan (" + plan.Options.OwnerMarker + " missing)")} }}");
                sb.AppendLine($"$group = New-AzNetworkManagerGroup -ResourceGroupName $rg -NetworkManagerName $nmName -Name {Q(group.Name)} -Description {Q(group.Description)} -Force");
                sb.AppendLine("$members = @(");
                foreach (var m in group.StaticMembers)
                    sb.AppendLine($"    @{{ Name = {Q(m.Name)}; ResourceId = {Q(m.VirtualNetwork.Id.Value)}; Wave = {m.Wave} }}");
                sb.AppendLine(")");
                sb.AppendLine("foreach ($m in $members | Where-Object { $_.Wave -le $Wave }) {");
                sb.AppendLine($"    if ($PSCmdlet.ShouldProcess($m.ResourceId, 'add to network group {group.Name}')) {{");
                sb.AppendLine($"        New-AzNetworkManagerStaticMember -ResourceGroupName $rg -NetworkManagerName $nmName -NetworkGroupName {Q(group.Name)} -Name $m.Name -ResourceId $m.ResourceId | Out-Null");
                sb.AppendLine("    }\n}");
                sb.AppendLine("$groupId = $group.Id");
                sb.AppendLine();
            }
            if (h.Kind == HandoverKind.ExistingGroup)
                sb.AppendLine((waveGroup ? $"if ($Wave -eq {n}) {{ $groupId = {Q(h.GroupId!.Value.Value)} }}" : $"$groupId = {Q(h.GroupId!.Value.Value)}") + "\n");
            if (h.Kind == HandoverKind.PolicyGroup)
            {
                var rule = AvnmResourceBodies.PolicyRule(h, h.GroupId!.Value.Value).ToJsonString(IacText.Compact);
                sb.AppendLine($"if ($Wave -eq {n}) {{");
                sb.AppendLine($"    $policyGroup = New-AzNetworkManagerGroup -ResourceGroupName $rg -NetworkManagerName $nmName -Name {Q(h.GroupId!.Value.Name)} -Description {Q($"VNets tagged {h.PolicyTag!.Value.Key}={h.PolicyTag.Value.Value}, added by Azure Policy ({plan.Options.OwnerMarker})")} -Force");
                sb.AppendLine($"    $rule = {Q(rule)}");
                foreach (var sub in MeshApplyPlan.PolicySubscriptions(plan))
                {
                    sb.AppendLine($"    $definition = New-AzPolicyDefinition -Name {Q(h.PolicyDefinitionName!)} -Mode 'Microsoft.Network.Data' -Policy $rule -SubscriptionId {Q(sub)}");
                    sb.AppendLine($"    New-AzPolicyAssignment -Name {Q(h.PolicyDefinitionName!)} -PolicyDefinition $definition -Scope {Q("/subscriptions/" + sub)} | Out-Null");
                }
                sb.AppendLine("    $groupId = $policyGroup.Id");
                sb.AppendLine("}");
                sb.AppendLine();
            }
            if (waveGroup || groupHandover)
            {
                sb.AppendLine("$item = New-AzNetworkManagerConnectivityGroupItem -NetworkGroupId $groupId -GroupConnectivity 'None'");
                sb.AppendLine("$capabilities = [Microsoft.Azure.Commands.Network.Models.NetworkManager.PSNetworkManagerConnectivityCapabilities]@{");
                sb.AppendLine($"    ConnectedGroupPrivateEndpointsScale = {Q(cfg.ConnectedGroupPrivateEndpointsScale)}");
                sb.AppendLine($"    ConnectedGroupAddressOverlap        = {Q(cfg.ConnectedGroupAddressOverlap)}");
                sb.AppendLine($"    PeeringEnforcement                  = {Q(cfg.PeeringEnforcement)}");
                sb.AppendLine("}");
                sb.AppendLine($"$config = Get-AzNetworkManagerConnectivityConfiguration -ResourceGroupName $rg -NetworkManagerName $nmName -Name {Q(cfg.Name)} -ErrorAction SilentlyContinue");
                sb.AppendLine($"if ($config -and $config.Description -notlike {Q("*" + plan.Options.OwnerMarker + "*")}) {{ throw {Q("connectivity configuration " + cfg.Name + " exists and was not created by this plan")} }}");
                sb.AppendLine($"$config = New-AzNetworkManagerConnectivityConfiguration -ResourceGroupName $rg -NetworkManagerName $nmName -Name {Q(cfg.Name)} -Description {Q(cfg.Description)} -ConnectivityTopology 'Mesh' -AppliesToGroup @($item)" +
                              (cfg.IsGlobal ? " -IsGlobal" : "") + " -ConnectivityCapability $capabilities -Force");
                sb.AppendLine();
            }
            sb.AppendLine("# A commit is the region's complete goal state: the configurations active there stay in the set.");
            void Commits(string indent, bool finalWave)
            {
                foreach (var (region, early, final) in sets.Regions)
                {
                    var ids = finalWave ? final : early;
                    sb.AppendLine($"{indent}if ($PSCmdlet.ShouldProcess({Q(nm.Name + " in " + region)}, {Q("commit " + ids.Count + " connectivity configuration(s)")})) {{");
                    sb.AppendLine($"{indent}    " + IacText.CommitCommand(nm, region, ids));
                    sb.AppendLine($"{indent}}}");
                }
            }
            if (sets.FinalDiffers)
            {
                sb.AppendLine($"if ($Wave -eq {n}) {{");
                Commits("    ", true);
                sb.AppendLine("} else {");
                Commits("    ", false);
                sb.AppendLine("}");
            }
            else Commits("", false);
            sb.AppendLine();
            foreach (var c in plan.RouteTableChanges.Where(c => c.Action == RouteTableAction.Remove).OrderBy(c => c.Wave))
            {
                sb.AppendLine($"# The route keeps its pairs off the mesh; it goes once both ends are meshed (rollback: {IacText.RestoreRouteCommand(c)})");
                sb.AppendLine($"if ($Wave -ge {c.Wave} -and $PSCmdlet.ShouldProcess({Q(c.RouteTable.Id.Child("routes", c.Route.Name).Value)}, 'remove route')) {{ {IacText.RemoveRouteCommand(c)} | Out-Null }}");
            }
            sb.AppendLine("Get-AzNetworkManagerDeploymentStatus -ResourceGroupName $rg -NetworkManagerName $nmName -Region " +
                          IacText.PsArray(sets.Regions.Select(r => r.Region)) + " -DeploymentType @('Connectivity')");
            return sb.ToString();
        }
    }
}
