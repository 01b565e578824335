using System;
using System.Globalization;

namespace AzSpokeTools.Engine.Addresses
{
    /// <summary>
    /// A network prefix (CIDR) in IPv4 or IPv6, always in network form (host bits zero).
    /// Ordering: IPv4 before IPv6, then by network address, then shorter prefixes first.
    /// </summary>
    public readonly struct IpPrefix : IEquatable<IpPrefix>, IComparable<IpPrefix>
    {
        /// <summary>The first address of the prefix (host bits zero).</summary>
        public IpAddressValue Network { get; }
        /// <summary>The prefix length in bits.</summary>
        public int Length { get; }

        /// <summary>The prefix of <paramref name="length"/> bits containing <paramref name="network"/> (host bits are cleared).</summary>
        public IpPrefix(IpAddressValue network, int length)
        {
            if (length < 0 || length > network.Bits) throw new ArgumentOutOfRangeException(nameof(length));
            Network = network.Mask(length);
            Length = length;
        }

        /// <summary>True for an IPv6 prefix.</summary>
        public bool IsV6 => Network.IsV6;

        /// <summary>The first address of the prefix.</summary>
        public IpAddressValue First => Network;

        /// <summary>The last address of the prefix.</summary>
        public IpAddressValue Last => Network.LastInBlock(Length);

        /// <summary>0.0.0.0/0.</summary>
        public static IpPrefix AnyV4 => new IpPrefix(IpAddressValue.FromV4(0), 0);

        /// <summary>::/0.</summary>
        public static IpPrefix AnyV6 => new IpPrefix(new IpAddressValue(0, 0, true), 0);

        /// <summary>
        /// Parses "a.b.c.d/n" or "x::/n". A bare address is taken as a host prefix (/32 or /128).
        /// Host bits set ("10.0.0.5/16") is not a network prefix and fails unless <paramref name="allowHostBits"/>.
        /// </summary>
        public static bool TryParse(string? text, out IpPrefix prefix, bool allowHostBits = false)
        {
            prefix = default;
            if (string.IsNullOrWhiteSpace(text)) return false;
            var s = text!.Trim();
            int slash = s.IndexOf('/');
            string addrPart = slash < 0 ? s : s.Substring(0, slash);
            if (!IpAddressValue.TryParse(addrPart, out var addr)) return false;
            int len = addr.Bits;
            if (slash >= 0)
            {
                var lenPart = s.Substring(slash + 1);
                if (lenPart.Length == 0 || lenPart.Length > 3 ||
                    !int.TryParse(lenPart, NumberStyles.None, CultureInfo.InvariantCulture, out len) ||
                    len > addr.Bits)
                    return false;
            }
            if (!allowHostBits && !addr.Mask(len).Equals(addr)) return false;
            prefix = new IpPrefix(addr, len);
            return true;
        }

        /// <summary>Explains why <paramref name="text"/> is not a network prefix, or null when it is one.</summary>
        public static string? Describe(string? text)
        {
            if (TryParse(text, out _)) return null;
            if (TryParse(text, out var p, allowHostBits: true))
                return $"'{text}' has host bits set; the network prefix is {p}";
            return $"'{text}' is not an IPv4 or IPv6 prefix";
        }

        /// <summary>Parses CIDR text such as <c>10.1.0.0/16</c>; throws <see cref="System.FormatException"/> when the text is not a prefix.</summary>
        public static IpPrefix Parse(string text) =>
            TryParse(text, out var p) ? p : throw new FormatException(Describe(text));

        /// <summary>True when <paramref name="address"/> lies in this prefix (same address family).</summary>
        public bool Contains(IpAddressValue address) =>
            address.IsV6 == IsV6 && address.Mask(Length).Equals(Network);

        /// <summary>True when <paramref name="other"/> lies entirely inside this prefix (or equals it).</summary>
        public bool Contains(IpPrefix other) =>
            other.IsV6 == IsV6 && other.Length >= Length && other.Network.Mask(Length).Equals(Network);

        /// <summary>True when the two prefixes share at least one address.</summary>
        public bool Overlaps(IpPrefix other) => Contains(other) || other.Contains(this);

        /// <inheritdoc/>
        public bool Equals(IpPrefix other) => Length == other.Length && Network.Equals(other.Network);
        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is IpPrefix o && Equals(o);
        /// <inheritdoc/>
        public override int GetHashCode() => Network.GetHashCode() * 131 + Length;

        /// <inheritdoc/>
        public int CompareTo(IpPrefix other)
        {
            int c = Network.CompareTo(other.Network);
            return c != 0 ? c : Length.CompareTo(other.Length);
        }

        /// <summary>True when both are equal.</summary>
        public static bool operator ==(IpPrefix a, IpPrefix b) => a.Equals(b);
        /// <summary>True when they differ.</summary>
        public static bool operator !=(IpPrefix a, IpPrefix b) => !a.Equals(b);

        /// <inheritdoc/>
        public override string ToString() => Network + "/" + Length.ToString(CultureInfo.InvariantCulture);
    }
}
