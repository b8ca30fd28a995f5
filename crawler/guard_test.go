package crawler

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

func TestAllowedAddr(t *testing.T) {
	for _, tc := range []struct {
		ip      string
		blocked bool
	}{
		{"93.184.216.34", false},
		{"8.8.8.8", false},
		{"2606:4700::1111", false},
		{"172.32.0.1", false},
		{"100.128.0.1", false},
		{"127.0.0.1", true},
		{"127.255.255.254", true},
		{"10.0.0.1", true},
		{"172.16.0.1", true},
		{"172.31.255.255", true},
		{"192.168.1.1", true},
		{"169.254.169.254", true},
		{"169.254.0.1", true},
		{"100.64.0.1", true},
		{"100.127.255.255", true},
		{"0.0.0.0", true},
		{"0.1.2.3", true},
		{"224.0.0.1", true},
		{"239.255.255.250", true},
		{"255.255.255.255", true},
		{"::", true},
		{"::1", true},
		{"fe80::1", true},
		{"fe80::1%eth0", true},
		{"fc00::1", true},
		{"fd12:3456::1", true},
		{"fd00:ec2::254", true},
		{"ff02::1", true},
		{"::ffff:127.0.0.1", true},
		{"::ffff:10.1.2.3", true},
		{"::ffff:93.184.216.34", false},
		{"64:ff9b::a00:1", true},      // NAT64 of 10.0.0.1
		{"64:ff9b::5db8:d822", false}, // NAT64 of 93.184.216.34
		{"2002:7f00:1::1", true},      // 6to4 of 127.0.0.1
		{"2002:5db8:d822::1", false},  // 6to4 of 93.184.216.34
	} {
		err := AllowedAddr(netip.MustParseAddr(tc.ip))
		if got := err != nil; got != tc.blocked {
			t.Errorf("AllowedAddr(%s) = %v, want blocked %v", tc.ip, err, tc.blocked)
		}
		if err != nil && !errors.Is(err, ErrBlocked) {
			t.Errorf("AllowedAddr(%s) = %v, does not wrap ErrBlocked", tc.ip, err)
		}
	}
	if err := AllowedAddr(netip.Addr{}); !errors.Is(err, ErrBlocked) {
		t.Errorf("AllowedAddr(zero) = %v, want ErrBlocked", err)
	}
}

// recordingNet is an injected resolver and dialer: names resolve from a
// table, every dial is recorded, and only routed addresses (a fake public
// address standing for the loopback test server) are really connected —
// to loopback. A broken guard shows up as a recorded dial to a refused
// address, which is itself refused, so no packet leaves loopback.
type recordingNet struct {
	mu      sync.Mutex
	names   map[string][][]netip.Addr // successive answers; the last repeats
	lookups map[string]int
	dials   []string
	routes  map[string]string
}

func (n *recordingNet) lookup(_ context.Context, host string) ([]netip.Addr, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	answers, ok := n.names[host]
	if !ok {
		return nil, fmt.Errorf("test resolver: no such host %s", host)
	}
	i := min(n.lookups[host], len(answers)-1)
	n.lookups[host]++
	return answers[i], nil
}

func (n *recordingNet) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	n.mu.Lock()
	n.dials = append(n.dials, addr)
	to, ok := n.routes[addr]
	n.mu.Unlock()
	if !ok {
		return nil, fmt.Errorf("test dialer: refusing to dial %s", addr)
	}
	var d net.Dialer
	return d.DialContext(ctx, network, to)
}

func (n *recordingNet) dialed() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return slices.Clone(n.dials)
}

func addrs(s ...string) []netip.Addr {
	var out []netip.Addr
	for _, x := range s {
		out = append(out, netip.MustParseAddr(x))
	}
	return out
}

func TestGuardRefusesThroughRedirectsAndDNS(t *testing.T) {
	const public = "93.184.216.34"
	h := newHits()
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.add(r)
		port := r.Host[strings.LastIndex(r.Host, ":")+1:]
		switch r.URL.Path {
		case "/to-internal":
			http.Redirect(w, r, "http://internal.shop.test:"+port+"/admin", http.StatusFound)
		case "/to-metadata":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
		case "/to-loopback":
			http.Redirect(w, r, "http://127.0.0.1:"+port+"/secret", http.StatusFound)
		case "/to-mapped":
			http.Redirect(w, r, "http://[::ffff:10.0.0.9]:"+port+"/", http.StatusFound)
		case "/":
			fmt.Fprint(w, `<a href="/to-internal">1</a><a href="/to-metadata">2</a><a href="/to-loopback">3</a><a href="/to-mapped">4</a>`+
				`<a href="http://rebind.shop.test:`+port+`/page">5</a>`)
		default:
			fmt.Fprint(w, listingPage(r.URL.Path))
		}
	}))
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	rn := &recordingNet{
		names: map[string][][]netip.Addr{
			"shop.test":          {addrs(public)},
			"internal.shop.test": {addrs("10.0.0.7", "fd00::7")},
			// A name of an allowed domain that resolves to loopback (DNS
			// rebinding): refused at dial time although the URL looks fine.
			"rebind.shop.test": {addrs("127.0.0.1")},
		},
		lookups: map[string]int{},
		routes:  map[string]string{net.JoinHostPort(public, port): srv.Listener.Addr().String()},
	}
	tg := loopbackTarget("guard", "http://shop.test:"+port+"/")
	tg.AllowPrivateNetworks = false
	tg.AllowedDomains = []string{"shop.test", "169.254.169.254", "127.0.0.1", "::ffff:10.0.0.9"}
	tg.Follow = []string{"a"}
	tg.MaxRetries = 0
	tg.Listing = precwatch.ListingSpec{Fields: map[string]string{"title": "h1"}}
	c := mustCrawler(t, Options{LookupIP: rn.lookup, DialContext: rn.dial})
	sink := &collector{}
	run, err := c.Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	if run.ErrorsByKind[KindBlocked] != 5 {
		t.Errorf("errors = %v, want 5 blocked (internal, metadata, loopback, mapped, rebind)", run.ErrorsByKind)
	}
	for _, d := range rn.dialed() {
		if d != net.JoinHostPort(public, port) {
			t.Errorf("dialed %s: the guard let a refused address through", d)
		}
	}
	if h.get("/admin") != 0 || h.get("/secret") != 0 || h.get("/page") != 0 {
		t.Errorf("a refused page was served: %v", h.n)
	}
}

// TestGuardDefaultDialer checks the connect-time check of the real dialer:
// Control refuses before connect(2), so no SYN is sent even to loopback.
func TestGuardDefaultDialer(t *testing.T) {
	g := newGuard(false, nil, nil, nil)
	for _, addr := range []string{"127.0.0.1:9", "[::1]:9", "169.254.169.254:80", "10.0.0.1:80"} {
		if err := g.control("tcp4", addr, nil); !errors.Is(err, ErrBlocked) {
			t.Errorf("control(%s) = %v, want ErrBlocked", addr, err)
		}
	}
	if err := g.control("tcp4", "93.184.216.34:80", nil); err != nil {
		t.Errorf("control(public) = %v, want nil", err)
	}
	// The dialer itself (not only the pre-check in DialContext) refuses.
	var called bool
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { called = true }))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if _, err := g.dial(ctx, "tcp", srv.Listener.Addr().String()); !errors.Is(err, ErrBlocked) {
		t.Errorf("default dialer to %s = %v, want ErrBlocked", srv.Listener.Addr(), err)
	}
	if _, err := g.DialContext(ctx, "tcp", srv.Listener.Addr().String()); !errors.Is(err, ErrBlocked) {
		t.Errorf("guard to %s = %v, want ErrBlocked", srv.Listener.Addr(), err)
	}
	if called {
		t.Error("the loopback server was reached")
	}
	open := newGuard(true, nil, nil, nil)
	conn, err := open.DialContext(ctx, "tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatalf("with private networks allowed: %v", err)
	}
	conn.Close()
}

// TestAllowedPrivateAddr: a target that allows private networks still never
// reaches link-local or cloud metadata addresses, however they are written.
func TestAllowedPrivateAddr(t *testing.T) {
	for _, tc := range []struct {
		ip      string
		blocked bool
	}{
		{"127.0.0.1", false},
		{"10.0.0.1", false},
		{"192.168.1.1", false},
		{"fd12:3456::1", false},
		{"::1", false},
		{"93.184.216.34", false},
		{"169.254.169.254", true},
		{"169.254.0.1", true},
		{"169.254.170.2", true}, // ECS task metadata
		{"100.100.100.200", true},
		{"192.0.0.192", true},
		{"fd00:ec2::254", true},
		{"fe80::1", true},
		{"fe80::a9fe:a9fe%eth0", true},
		{"::ffff:169.254.169.254", true},
		{"64:ff9b::a9fe:a9fe", true}, // NAT64 of 169.254.169.254
		{"2002:a9fe:a9fe::1", true},  // 6to4 of 169.254.169.254
	} {
		err := AllowedPrivateAddr(netip.MustParseAddr(tc.ip))
		if got := err != nil; got != tc.blocked || (err != nil && !errors.Is(err, ErrBlocked)) {
			t.Errorf("AllowedPrivateAddr(%s) = %v, want blocked %v", tc.ip, err, tc.blocked)
		}
	}
}

// TestGuardPrivateRefusesMetadata: with private networks allowed, the guard
// still refuses metadata and link-local addresses, as IP literals and as
// names resolving to them, before the dialer is called (the injected
// dialer records and refuses every address: no packet is sent).
func TestGuardPrivateRefusesMetadata(t *testing.T) {
	rn := &recordingNet{
		names: map[string][][]netip.Addr{
			"metadata.shop.test": {addrs("169.254.169.254")},
			"mixed.shop.test":    {addrs("fe80::1", "fd00:ec2::254")},
		},
		lookups: map[string]int{},
		routes:  map[string]string{},
	}
	g := newGuard(true, rn.lookup, rn.dial, nil)
	for _, addr := range []string{"169.254.169.254:80", "[fd00:ec2::254]:80", "[fe80::1]:80", "169.254.1.1:8080",
		"[::ffff:169.254.169.254]:80", "100.100.100.200:80", "metadata.shop.test:80", "mixed.shop.test:80"} {
		if _, err := g.DialContext(context.Background(), "tcp", addr); !errors.Is(err, ErrBlocked) {
			t.Errorf("guard with private networks allowed, dial %s = %v, want ErrBlocked", addr, err)
		}
	}
	if d := rn.dialed(); len(d) != 0 {
		t.Errorf("the dialer was called for %v", d)
	}
	// A private address is still handed to the dialer.
	if _, err := g.DialContext(context.Background(), "tcp", "10.0.0.1:80"); errors.Is(err, ErrBlocked) {
		t.Errorf("dial 10.0.0.1:80 with private networks allowed = %v, want it passed to the dialer", err)
	}
	if d := rn.dialed(); !slices.Equal(d, []string{"10.0.0.1:80"}) {
		t.Errorf("dialed %v, want [10.0.0.1:80]", d)
	}
	// The default dialer's connect-time check refuses them too.
	open := newGuard(true, nil, nil, nil)
	for _, addr := range []string{"169.254.169.254:80", "[fd00:ec2::254]:80", "[fe80::1]:80"} {
		if err := open.control("tcp", addr, nil); !errors.Is(err, ErrBlocked) {
			t.Errorf("control(%s) with private networks allowed = %v, want ErrBlocked", addr, err)
		}
	}
	if err := open.control("tcp4", "127.0.0.1:80", nil); err != nil {
		t.Errorf("control(127.0.0.1:80) with private networks allowed = %v, want nil", err)
	}
}
