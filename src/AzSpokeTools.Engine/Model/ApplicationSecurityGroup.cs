using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// Microsoft.Network/applicationSecurityGroups: a named group of NIC IP configurations that security rules can use as a source or
    /// destination (Azure docs, "Application security groups"); membership is read from the NICs' IP configurations.
    /// </summary>
    public sealed class ApplicationSecurityGroup : AzureResource
    {
        internal static ApplicationSecurityGroup Read(ArmValue n, ResourceId id, string type)
        {
            var g = new ApplicationSecurityGroup();
            g.ReadCommon(n, id, type);
            return g;
        }
    }
}
