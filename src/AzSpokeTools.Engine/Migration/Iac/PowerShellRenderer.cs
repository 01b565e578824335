using System.Linq;
using System.Text;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// The plan as an Az PowerShell script: New-AzNetworkManagerGroup, New-AzNetworkManagerStaticMember (waves 1..-Wave),
    /// New-AzNetworkManagerConnectivityConfiguration, then Deploy-AzNetworkManagerCommit per region with the full set.
    /// </summary>
    public static class PowerShellRenderer
    {
        private static string Q(string s) => IacText.Ps(s);

        public static string Render(MigrationPlan plan)
        {
            var nm = plan.NetworkManager;
            var group = plan.NetworkGroup;
            var cfg = plan.Configuration;
            var sb = new StringBuilder();
            sb.AppendLine("#Requires -Modules Az.Network");
            sb.AppendLine($"# AVNM mesh for {plan.Selection.Members.Count} VNets ({plan.Selection.Description}). {plan.Options.OwnerMarker}");
            sb.AppendLine("[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]");
            sb.AppendLine($"param(\n    [ValidateRange(1, {plan.Waves.Count})]\n    [int] $Wave = {plan.Waves.Count}\n)");
            sb.AppendLine("$ErrorActionPreference = 'Stop'");
            sb.AppendLine($"$rg = {Q(nm.ResourceGroup)}");
            sb.AppendLine($"$nmName = {Q(nm.Name)}");
            sb.AppendLine();
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
            if (group.Mode == MembershipMode.Existing)
                sb.AppendLine($"$groupId = {Q(group.Id.Value)}");
            else
            {
                sb.AppendLine($"$group = Get-AzNetworkManagerGroup -ResourceGroupName $rg -NetworkManagerName $nmName -Name {Q(group.Name)} -ErrorAction SilentlyContinue");
                sb.AppendLine($"if ($group -and $group.Description -notlike {Q("*" + plan.Options.OwnerMarker + "*")}) {{ throw {Q("network group " + group.Name + " exists and was not created by this plan (" + plan.Options.OwnerMarker + " missing)")} }}");
                sb.AppendLine($"$group = New-AzNetworkManagerGroup -ResourceGroupName $rg -NetworkManagerName $nmName -Name {Q(group.Name)} -Description {Q(group.Description)} -Force");
                sb.AppendLine("$groupId = $group.Id");
            }
            sb.AppendLine();
            if (group.Mode == MembershipMode.Policy)
            {
                var rule = IacText.PolicyRule(group).ToJsonString(IacText.Compact);
                sb.AppendLine($"$rule = {Q(rule)}");
                sb.AppendLine($"$definition = New-AzPolicyDefinition -Name {Q(group.PolicyDefinitionName)} -Mode 'Microsoft.Network.Data' -Policy $rule");
                sb.AppendLine($"New-AzPolicyAssignment -Name {Q(group.PolicyDefinitionName)} -PolicyDefinition $definition -Scope ('/subscriptions/' + (Get-AzContext).Subscription.Id) | Out-Null");
                sb.AppendLine();
            }
            if (group.StaticMembers.Count > 0)
            {
                sb.AppendLine("$members = @(");
                foreach (var m in group.StaticMembers)
                    sb.AppendLine($"    @{{ Name = {Q(m.Name)}; ResourceId = {Q(m.VirtualNetwork.Id.Value)}; Wave = {m.Wave} }}");
                sb.AppendLine(")");
                sb.AppendLine("foreach ($m in $members | Where-Object { $_.Wave -le $Wave }) {");
                sb.AppendLine($"    if ($PSCmdlet.ShouldProcess($m.ResourceId, 'add to network group {group.Name}')) {{");
                sb.AppendLine($"        New-AzNetworkManagerStaticMember -ResourceGroupName $rg -NetworkManagerName $nmName -NetworkGroupName {Q(group.Name)} -Name $m.Name -ResourceId $m.ResourceId | Out-Null");
                sb.AppendLine("    }\n}");
                sb.AppendLine();
            }
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
            sb.AppendLine("# A commit is the region's complete goal state: the configurations already committed there are part of it.");
            foreach (var c in IacText.Commits(plan))
            {
                sb.AppendLine($"if ($PSCmdlet.ShouldProcess({Q(nm.Name + " in " + c.Region)}, {Q("commit " + c.ConfigurationIds.Count + " connectivity configuration(s)")})) {{");
                sb.AppendLine("    " + IacText.CommitCommand(nm, c.Region, c.ConfigurationIds));
                sb.AppendLine("}");
            }
            sb.AppendLine();
            sb.AppendLine("Get-AzNetworkManagerDeploymentStatus -ResourceGroupName $rg -NetworkManagerName $nmName -Region " +
                          IacText.PsArray(IacText.Commits(plan).Select(c => c.Region)) + " -DeploymentType @('Connectivity')");
            return sb.ToString();
        }
    }
}
