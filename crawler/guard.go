package crawler

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// ErrBlocked is returned (wrapped) when the SSRF guard refuses to connect to
// an address: loopback, private, link-local, CGNAT, unique-local, multicast,
// unspecified, reserved or cloud metadata.
var ErrBlocked = errors.New("address blocked by SSRF guard")

// blockedPrefix is a network the guard refuses, and what kind it is.
type blockedPrefix struct {
	prefix netip.Prefix
	reason string
}

// blockedPrefixes are the networks a target may not reach unless it sets
// allow_private_networks. IPv4-mapped IPv6 addresses are unmapped first, and
// NAT64 / 6to4 addresses are checked by the IPv4 address they embed.
var blockedPrefixes = []blockedPrefix{
	{netip.MustParsePrefix("0.0.0.0/8"), "unspecified"},
	{netip.MustParsePrefix("10.0.0.0/8"), "private"},
	{netip.MustParsePrefix("100.64.0.0/10"), "carrier-grade NAT"},
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback"},
	{netip.MustParsePrefix("169.254.169.254/32"), "cloud metadata"},
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local"},
	{netip.MustParsePrefix("172.16.0.0/12"), "private"},
	{netip.MustParsePrefix("192.0.0.0/24"), "reserved"},
	{netip.MustParsePrefix("192.168.0.0/16"), "private"},
	{netip.MustParsePrefix("198.18.0.0/15"), "reserved"},
	{netip.MustParsePrefix("224.0.0.0/4"), "multicast"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},
	{netip.MustParsePrefix("::/128"), "unspecified"},
	{netip.MustParsePrefix("::1/128"), "loopback"},
	{netip.MustParsePrefix("fd00:ec2::254/128"), "cloud metadata"},
	{netip.MustParsePrefix("fc00::/7"), "unique-local"},
	{netip.MustParsePrefix("fe80::/10"), "link-local"},
	{netip.MustParsePrefix("fec0::/10"), "site-local"},
	{netip.MustParsePrefix("ff00::/8"), "multicast"},
	{netip.MustParsePrefix("100::/64"), "discard"},
}

// alwaysBlocked are the networks no target may reach, not even one that
// allows private networks: no marketplace lives on link-local addresses, and
// the cloud metadata services there and below hand out the host's
// credentials.
var alwaysBlocked = []blockedPrefix{
	{netip.MustParsePrefix("169.254.169.254/32"), "cloud metadata"}, // AWS, GCP, Azure, DigitalOcean, OpenStack
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local"},
	{netip.MustParsePrefix("100.100.100.200/32"), "cloud metadata"}, // Alibaba Cloud
	{netip.MustParsePrefix("192.0.0.192/32"), "cloud metadata"},     // Oracle Cloud
	{netip.MustParsePrefix("fd00:ec2::254/128"), "cloud metadata"},  // AWS over IPv6
	{netip.MustParsePrefix("fe80::/10"), "link-local"},
}

var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

// AllowedAddr reports whether the crawler may connect to ip when a target
// does not allow private networks. It returns nil for public addresses and an
// error wrapping ErrBlocked, naming the kind of address, for the others. It is
// safe for concurrent use.
func AllowedAddr(ip netip.Addr) error {
	return checkAddr(ip, blockedPrefixes)
}

// AllowedPrivateAddr reports whether the crawler may connect to ip when a
// target allows private networks: every address but link-local and cloud
// metadata ones, which it refuses with an error wrapping ErrBlocked. It is
// safe for concurrent use.
func AllowedPrivateAddr(ip netip.Addr) error {
	return checkAddr(ip, alwaysBlocked)
}

// checkAddr refuses ip if it, or the IPv4 address it maps or embeds, is in
// one of the blocked prefixes.
func checkAddr(ip netip.Addr, blocked []blockedPrefix) error {
	if !ip.IsValid() {
		return fmt.Errorf("invalid address: %w", ErrBlocked)
	}
	ip = ip.Unmap().WithZone("")
	if ip.Is6() {
		b := ip.As16()
		switch {
		case nat64.Contains(ip):
			if err := checkAddr(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}), blocked); err != nil {
				return fmt.Errorf("%s embeds %w", ip, err)
			}
		case sixToFour.Contains(ip):
			if err := checkAddr(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}), blocked); err != nil {
				return fmt.Errorf("%s embeds %w", ip, err)
			}
		}
	}
	for _, p := range blocked {
		if p.prefix.Contains(ip) {
			return fmt.Errorf("%s is a %s address: %w", ip, p.reason, ErrBlocked)
		}
	}
	return nil
}

// LookupFunc resolves a host name to its addresses, like
// net.Resolver.LookupNetIP with network "ip".
type LookupFunc func(ctx context.Context, host string) ([]netip.Addr, error)

// DialFunc connects to an "ip:port" address, like net.Dialer.DialContext.
type DialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// ownAddrs are the addresses precwatch itself listens on (the server, the
// demo's UI): no target reaches them, not even one that allows private
// networks, as a crawled page of the API or /metrics would hand its data to
// whoever controls the target. It is safe for concurrent use.
type ownAddrs struct {
	mu    sync.RWMutex
	addrs []netip.AddrPort
	// local are the host's interface addresses, for listeners on an
	// unspecified address (0.0.0.0, ::), which answer on every one.
	local []netip.Addr
}

// add records a listen address.
func (o *ownAddrs) add(ap netip.AddrPort) {
	o.mu.Lock()
	defer o.mu.Unlock()
	ap = netip.AddrPortFrom(ap.Addr().Unmap().WithZone(""), ap.Port())
	if ap.Addr().IsUnspecified() && o.local == nil {
		if ifs, err := net.InterfaceAddrs(); err == nil {
			for _, a := range ifs {
				if p, err := netip.ParsePrefix(a.String()); err == nil {
					o.local = append(o.local, p.Addr().Unmap().WithZone(""))
				}
			}
		}
	}
	o.addrs = append(o.addrs, ap)
}

// check refuses ip:port when precwatch listens there: the listen address
// itself; for a loopback or unspecified listener, any loopback or
// unspecified address at its port (127.0.0.2 and 0.0.0.0 reach the host
// too); for an unspecified one, also the host's interface addresses.
func (o *ownAddrs) check(ip netip.Addr, port uint16) error {
	if o == nil {
		return nil
	}
	o.mu.RLock()
	defer o.mu.RUnlock()
	ip = ip.Unmap().WithZone("")
	for _, a := range o.addrs {
		if a.Port() != port {
			continue
		}
		la := a.Addr()
		hit := la == ip
		if la.IsLoopback() || la.IsUnspecified() {
			hit = hit || ip.IsLoopback() || ip.IsUnspecified()
		}
		if la.IsUnspecified() {
			for _, l := range o.local {
				hit = hit || l == ip
			}
		}
		if hit {
			return fmt.Errorf("%s is precwatch's own listen address %s: %w", netip.AddrPortFrom(ip, port), a, ErrBlocked)
		}
	}
	return nil
}

// guard dials for one target: it resolves the host itself and checks every
// address (AllowedAddr, or AllowedPrivateAddr for a target that allows
// private networks) before handing it to the dialer, so a redirect or a DNS
// answer that changes between requests (rebinding) cannot reach a refused
// address. The
// default dialer checks the socket address once more in Control, right before
// connect(2).
type guard struct {
	allowPrivate bool
	lookup       LookupFunc
	dial         DialFunc
	own          *ownAddrs
}

func newGuard(allowPrivate bool, lookup LookupFunc, dial DialFunc, own *ownAddrs) *guard {
	g := &guard{allowPrivate: allowPrivate, lookup: lookup, dial: dial, own: own}
	if g.lookup == nil {
		g.lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		}
	}
	if g.dial == nil {
		d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Control: g.control}
		g.dial = d.DialContext
	}
	return g
}

// control runs after the socket is created and before it connects.
func (g *guard) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("connect %s: %w", address, ErrBlocked)
	}
	if err := g.own.check(ap.Addr(), ap.Port()); err != nil {
		return err
	}
	return g.check(ap.Addr())
}

// check refuses ip unless the target may reach it.
func (g *guard) check(ip netip.Addr) error {
	if g.allowPrivate {
		return AllowedPrivateAddr(ip)
	}
	return AllowedAddr(ip)
}

// DialContext resolves addr's host, refuses blocked addresses and dials the
// first allowed address that answers.
func (g *guard) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else {
		ips, err = g.lookup(ctx, host)
		if err != nil {
			return nil, fmt.Errorf("resolve %s: %w", host, err)
		}
		if len(ips) == 0 {
			return nil, fmt.Errorf("resolve %s: no addresses", host)
		}
	}
	pn, err := strconv.ParseUint(port, 10, 16)
	if err != nil {
		return nil, fmt.Errorf("dial %s: bad port: %w", addr, err)
	}
	var lastErr error
	for _, ip := range ips {
		if err := g.own.check(ip, uint16(pn)); err != nil {
			lastErr = fmt.Errorf("dial %s: %w", host, err)
			continue
		}
		if err := g.check(ip); err != nil {
			lastErr = fmt.Errorf("dial %s: %w", host, err)
			continue
		}
		conn, err := g.dial(ctx, network, net.JoinHostPort(ip.Unmap().String(), port))
		if err == nil {
			return conn, nil
		}
		lastErr = err
		if ctx.Err() != nil {
			break
		}
	}
	return nil, lastErr
}
