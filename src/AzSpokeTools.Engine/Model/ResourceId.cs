using System;
using System.Collections.Generic;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// An ARM resource id, normalised (leading slash, no trailing slash) and compared case-insensitively
    /// as ARM does. Ids without a leading slash (seen in ARM examples) are accepted.
    /// </summary>
    public readonly struct ResourceId : IEquatable<ResourceId>
    {
        private readonly string? _value;
        // ARM ids are long and compared case-insensitively; dictionaries keyed by them hash often, so the hash is kept.
        private readonly int _hash;

        private ResourceId(string value)
        {
            _value = value;
            _hash = StringComparer.OrdinalIgnoreCase.GetHashCode(value);
        }

        /// <summary>The id, normalised.</summary>
        public string Value => _value ?? "";

        /// <summary>True for the default (empty) id.</summary>
        public bool IsEmpty => string.IsNullOrEmpty(_value);

        /// <summary>Parses an ARM resource id; false when the text is not one.</summary>
        public static bool TryParse(string? text, out ResourceId id)
        {
            id = default;
            if (string.IsNullOrWhiteSpace(text)) return false;
            var s = text!.Trim().TrimEnd('/');
            if (!s.StartsWith("/", StringComparison.Ordinal)) s = "/" + s;
            if (s.Length < 3) return false;
            id = new ResourceId(NormalizeScopeSegments(s));
            return true;
        }

        /// <summary>
        /// ARM examples write "resourceGroup/" and "subscription/" for "resourceGroups/" and "subscriptions/"
        /// (e.g. AVNM static members); the service treats them as the same resource, so the plural is used.
        /// </summary>
        private static string NormalizeScopeSegments(string s)
        {
            if (s.StartsWith("/subscription/", StringComparison.OrdinalIgnoreCase))
                s = "/subscriptions/" + s.Substring("/subscription/".Length);
            int rg = s.IndexOf("/resourceGroup/", StringComparison.OrdinalIgnoreCase);
            if (rg >= 0 && s.IndexOf("/providers/", StringComparison.OrdinalIgnoreCase) is int prov && (prov < 0 || rg < prov))
                s = s.Substring(0, rg) + "/resourceGroups/" + s.Substring(rg + "/resourceGroup/".Length);
            return s;
        }

        /// <summary>Parses an ARM resource id; throws <see cref="System.FormatException"/> when the text is not one.</summary>
        public static ResourceId Parse(string text) =>
            TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a resource id.");

        private string[] Segments => Value.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);

        /// <summary>The last segment (the resource's name).</summary>
        public string Name
        {
            get
            {
                var v = Value;
                int i = v.LastIndexOf('/');
                return i < 0 ? v : v.Substring(i + 1);
            }
        }

        /// <summary>The subscription segment.</summary>
        public string? SubscriptionId => Lookup("subscriptions");

        /// <summary>The resource group segment.</summary>
        public string? ResourceGroup => Lookup("resourceGroups") ?? Lookup("resourceGroup");

        private string? Lookup(string key)
        {
            var seg = Segments;
            for (int i = 0; i + 1 < seg.Length; i++)
                if (string.Equals(seg[i], key, StringComparison.OrdinalIgnoreCase)) return seg[i + 1];
            return null;
        }

        /// <summary>The resource type the id names, e.g. <c>Microsoft.Network/virtualNetworks/subnets</c>; null if not a provider id.</summary>
        public string? ResourceType
        {
            get
            {
                var seg = Segments;
                int p = -1;
                for (int i = seg.Length - 1; i >= 0; i--)
                    if (string.Equals(seg[i], "providers", StringComparison.OrdinalIgnoreCase)) { p = i; break; }
                if (p < 0 || p + 3 > seg.Length) return null;
                var parts = new List<string> { seg[p + 1] };
                for (int i = p + 2; i < seg.Length; i += 2) parts.Add(seg[i]);
                return string.Join("/", parts);
            }
        }

        /// <summary>The parent resource of a child resource (id without its last type/name pair), or null.</summary>
        public ResourceId? Parent
        {
            get
            {
                var v = Value;
                int last = v.LastIndexOf('/');
                if (last <= 0) return null;
                int prev = v.LastIndexOf('/', last - 1);
                if (prev <= 0) return null;
                var parent = v.Substring(0, prev);
                return parent.EndsWith("/providers", StringComparison.OrdinalIgnoreCase) || parent.IndexOf("/providers/", StringComparison.OrdinalIgnoreCase) < 0
                    ? (ResourceId?)null
                    : new ResourceId(parent);
            }
        }

        /// <summary>A child id: this id + "/type/name".</summary>
        public ResourceId Child(string type, string name) => new ResourceId(Value + "/" + type + "/" + name);

        /// <inheritdoc/>
        public bool Equals(ResourceId other) => _hash == other._hash && string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is ResourceId o && Equals(o);
        /// <inheritdoc/>
        public override int GetHashCode() => _hash;
        /// <summary>True when both are equal.</summary>
        public static bool operator ==(ResourceId a, ResourceId b) => a.Equals(b);
        /// <summary>True when they differ.</summary>
        public static bool operator !=(ResourceId a, ResourceId b) => !a.Equals(b);
        /// <inheritdoc/>
        public override string ToString() => Value;
    }
}
