using System.Text.Json;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Reads ARM references (<c>{"id": "..."}</c> or a bare id string) as <see cref="ResourceId"/>s.</summary>
    internal static class ResourceReferences
    {
        /// <summary>A reference: <c>{"id": "..."}</c> or a bare id string; normalised.</summary>
        public static ResourceId? Ref(this ArmValue node, string name, string? alias = null)
        {
            var n = node.Get(name, alias);
            if (n == null || n.Value.IsNull) return null;
            return n.Value.AsRef();
        }

        /// <summary>This node as a reference: <c>{"id": "..."}</c> or a bare id string.</summary>
        public static ResourceId? AsRef(this ArmValue node)
        {
            string? text;
            switch (node.Element.ValueKind)
            {
                case JsonValueKind.Object:
                    var idNode = node.Own("id");
                    if (idNode == null || idNode.Value.IsNull) return null;
                    text = idNode.Value.AsString();
                    break;
                case JsonValueKind.String:
                    text = node.AsString();
                    break;
                case JsonValueKind.Null:
                    return null;
                default:
                    node.Context.Error(node.Location, $"expected a reference ({{\"id\": \"...\"}} or an id string) but found {ArmValue.Describe(node.Element.ValueKind)}");
                    return null;
            }
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (ResourceId.TryParse(text, out var id)) return id;
            node.Context.Error(node.Location, $"'{text}' is not a resource id");
            return null;
        }
    }
}
