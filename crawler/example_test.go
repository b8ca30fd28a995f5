package crawler_test

import (
	"fmt"
	"net/netip"

	"github.com/precwatch/precwatch/crawler"
)

func ExampleAllowedAddr() {
	for _, s := range []string{"93.184.216.34", "10.0.0.8", "169.254.169.254", "::ffff:127.0.0.1"} {
		fmt.Println(s, crawler.AllowedAddr(netip.MustParseAddr(s)))
	}
	// Output:
	// 93.184.216.34 <nil>
	// 10.0.0.8 10.0.0.8 is a private address: address blocked by SSRF guard
	// 169.254.169.254 169.254.169.254 is a cloud metadata address: address blocked by SSRF guard
	// ::ffff:127.0.0.1 127.0.0.1 is a loopback address: address blocked by SSRF guard
}
