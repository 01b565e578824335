using System;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>The IaC renderings of a plan and the files they are written to.</summary>
    [Flags]
    public enum IacFormat
    {
        /// <summary>No IaC file.</summary>
        None = 0,
        /// <summary>An ARM template (mesh.json).</summary>
        Arm = 1,
        /// <summary>A Bicep file (mesh.bicep).</summary>
        Bicep = 2,
        /// <summary>A Terraform file (mesh.tf, azurerm and azapi).</summary>
        Terraform = 4,
        /// <summary>An Az PowerShell script (mesh.ps1).</summary>
        PowerShell = 8,
        /// <summary>Every IaC format.</summary>
        All = Arm | Bicep | Terraform | PowerShell,
    }
}
