using System.Collections.Generic;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>What every ARM resource in the model carries.</summary>
    public abstract class AzureResource
    {
        /// <summary>The resource id.</summary>
        public ResourceId Id { get; internal set; }
        /// <summary>The resource name.</summary>
        public string Name { get; internal set; } = "";
        /// <summary>The ARM type as written, e.g. Microsoft.Network/virtualNetworks.</summary>
        public string Type { get; internal set; } = "";
        /// <summary>Normalised region name ("West US" becomes "westus"); empty when not given.</summary>
        public string Location { get; internal set; } = "";
        /// <summary>The resource's tags.</summary>
        public IReadOnlyDictionary<string, string> Tags { get; internal set; } = new Dictionary<string, string>();
        /// <summary>The subscription of the resource id.</summary>
        public string? SubscriptionId => Id.SubscriptionId;
        /// <summary>The resource group of the resource id.</summary>
        public string? ResourceGroup => Id.ResourceGroup;
        /// <summary>Where the resource was read.</summary>
        public SourceLocation Source { get; internal set; }

        internal void ReadCommon(ArmValue node, ResourceId id, string type)
        {
            Id = id;
            Name = node.Own("name")?.AsString() ?? id.Name;
            Type = type;
            Location = Locations.Normalize(node.Own("location")?.AsString());
            Tags = node.Tags();
            Source = node.Location;
        }

        /// <inheritdoc/>
        public override string ToString() => Name;
    }
}
