using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AzSpokeTools.Engine.Addresses
{
    /// <summary>
    /// An IPv4 or IPv6 address as a 128-bit value. IPv4 addresses occupy the low 32 bits of
    /// <see cref="Low"/>; the family is kept so that 10.0.0.1 and ::a00:1 never compare equal.
    /// </summary>
    public readonly struct IpAddressValue : IEquatable<IpAddressValue>, IComparable<IpAddressValue>
    {
        /// <summary>High 64 bits (always 0 for IPv4).</summary>
        public ulong High { get; }

        /// <summary>Low 64 bits (for IPv4 the address in the low 32 bits).</summary>
        public ulong Low { get; }

        /// <summary>True for IPv6.</summary>
        public bool IsV6 { get; }

        /// <summary>An address from its high and low 64 bits (an IPv4 address in the low 32 bits of <paramref name="low"/>).</summary>
        public IpAddressValue(ulong high, ulong low, bool isV6)
        {
            High = isV6 ? high : 0;
            Low = isV6 ? low : low & 0xFFFFFFFFUL;
            IsV6 = isV6;
        }

        /// <summary>Address width in bits: 32 or 128.</summary>
        public int Bits => IsV6 ? 128 : 32;

        /// <summary>The IPv4 address as an unsigned 32-bit integer (only meaningful when !IsV6).</summary>
        public uint V4 => (uint)Low;

        /// <summary>The IPv4 address whose 32 bits are <paramref name="value"/>.</summary>
        public static IpAddressValue FromV4(uint value) => new IpAddressValue(0, value, false);

        /// <summary>Parses an IPv4 or IPv6 address; false when the text is not one.</summary>
        public static bool TryParse(string? text, out IpAddressValue value)
        {
            value = default;
            if (string.IsNullOrWhiteSpace(text)) return false;
            var s = text!.Trim();
            // IPAddress.TryParse accepts shorthand like "10" or "10.1"; require a full dotted quad for IPv4.
            if (s.IndexOf(':') < 0)
            {
                var parts = s.Split('.');
                if (parts.Length != 4) return false;
                uint v = 0;
                foreach (var p in parts)
                {
                    if (p.Length == 0 || p.Length > 3) return false;
                    if (!uint.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var octet) || octet > 255) return false;
                    v = (v << 8) | octet;
                }
                value = FromV4(v);
                return true;
            }
            if (!IPAddress.TryParse(s, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6) return false;
            if (ip.ScopeId != 0) return false;
            var bytes = ip.GetAddressBytes();
            ulong hi = 0, lo = 0;
            for (int i = 0; i < 8; i++) hi = (hi << 8) | bytes[i];
            for (int i = 8; i < 16; i++) lo = (lo << 8) | bytes[i];
            value = new IpAddressValue(hi, lo, true);
            return true;
        }

        /// <summary>Parses an IPv4 or IPv6 address; throws <see cref="System.FormatException"/> when the text is not one.</summary>
        public static IpAddressValue Parse(string text) =>
            TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not an IPv4 or IPv6 address.");

        /// <summary>Bit <paramref name="index"/> counted from the most significant bit (0-based).</summary>
        public int Bit(int index)
        {
            if (!IsV6) return (int)((Low >> (31 - index)) & 1);
            return index < 64 ? (int)((High >> (63 - index)) & 1) : (int)((Low >> (127 - index)) & 1);
        }

        /// <summary>The address with all bits after the first <paramref name="length"/> cleared.</summary>
        public IpAddressValue Mask(int length)
        {
            if (!IsV6)
            {
                uint m = length == 0 ? 0u : uint.MaxValue << (32 - length);
                return FromV4((uint)Low & m);
            }
            ulong hiMask = length >= 64 ? ulong.MaxValue : length == 0 ? 0UL : ulong.MaxValue << (64 - length);
            ulong loMask = length <= 64 ? 0UL : length >= 128 ? ulong.MaxValue : ulong.MaxValue << (128 - length);
            return new IpAddressValue(High & hiMask, Low & loMask, true);
        }

        /// <summary>The last address of the block of <paramref name="length"/> bits that starts here.</summary>
        public IpAddressValue LastInBlock(int length)
        {
            if (!IsV6)
            {
                uint host = length == 0 ? uint.MaxValue : length >= 32 ? 0u : uint.MaxValue >> length;
                return FromV4((uint)Low | host);
            }
            ulong hiHost = length >= 64 ? 0UL : length == 0 ? ulong.MaxValue : ulong.MaxValue >> length;
            ulong loHost = length >= 128 ? 0UL : length <= 64 ? ulong.MaxValue : ulong.MaxValue >> (length - 64);
            return new IpAddressValue(High | hiHost, Low | loHost, true);
        }

        /// <summary>The address plus <paramref name="n"/> (wrapping inside the family).</summary>
        public IpAddressValue Add(ulong n)
        {
            if (!IsV6) return FromV4((uint)(Low + n));
            ulong lo = Low + n;
            ulong hi = lo < Low ? High + 1 : High;
            return new IpAddressValue(hi, lo, true);
        }

        /// <inheritdoc/>
        public bool Equals(IpAddressValue other) => High == other.High && Low == other.Low && IsV6 == other.IsV6;
        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is IpAddressValue o && Equals(o);
        /// <inheritdoc/>
        public override int GetHashCode() => (High.GetHashCode() * 397) ^ Low.GetHashCode() ^ (IsV6 ? 1 : 0);

        /// <summary>IPv4 sorts before IPv6; inside a family, numeric order.</summary>
        public int CompareTo(IpAddressValue other)
        {
            if (IsV6 != other.IsV6) return IsV6 ? 1 : -1;
            int c = High.CompareTo(other.High);
            return c != 0 ? c : Low.CompareTo(other.Low);
        }

        /// <summary>True when both are equal.</summary>
        public static bool operator ==(IpAddressValue a, IpAddressValue b) => a.Equals(b);
        /// <summary>True when they differ.</summary>
        public static bool operator !=(IpAddressValue a, IpAddressValue b) => !a.Equals(b);
        /// <summary>True when the first orders before the second.</summary>
        public static bool operator <(IpAddressValue a, IpAddressValue b) => a.CompareTo(b) < 0;
        /// <summary>True when the first orders after the second.</summary>
        public static bool operator >(IpAddressValue a, IpAddressValue b) => a.CompareTo(b) > 0;
        /// <summary>True when the first orders before or equals the second.</summary>
        public static bool operator <=(IpAddressValue a, IpAddressValue b) => a.CompareTo(b) <= 0;
        /// <summary>True when the first orders after or equals the second.</summary>
        public static bool operator >=(IpAddressValue a, IpAddressValue b) => a.CompareTo(b) >= 0;

        /// <inheritdoc/>
        public override string ToString()
        {
            if (!IsV6)
            {
                uint v = (uint)Low;
                return string.Concat((v >> 24).ToString(CultureInfo.InvariantCulture), ".",
                    ((v >> 16) & 255).ToString(CultureInfo.InvariantCulture), ".",
                    ((v >> 8) & 255).ToString(CultureInfo.InvariantCulture), ".",
                    (v & 255).ToString(CultureInfo.InvariantCulture));
            }
            var bytes = new byte[16];
            for (int i = 0; i < 8; i++) bytes[i] = (byte)(High >> (56 - 8 * i));
            for (int i = 0; i < 8; i++) bytes[8 + i] = (byte)(Low >> (56 - 8 * i));
            return new IPAddress(bytes).ToString();
        }
    }
}
