package demo

import (
	"bytes"
	"fmt"

	"gopkg.in/yaml.v3"
)

// configFile is the YAML configuration of DESIGN.md, with durations and
// sizes as the strings a user writes.
type configFile struct {
	DataDir    string         `yaml:"data_dir"`
	Threshold  float64        `yaml:"threshold"`
	Watchlists []string       `yaml:"watchlists"`
	Targets    []configTarget `yaml:"targets"`
}

type configTarget struct {
	Name                 string         `yaml:"name"`
	Platform             string         `yaml:"platform"`
	Kind                 string         `yaml:"kind,omitempty"`
	Schedule             string         `yaml:"schedule"`
	StartURLs            []string       `yaml:"start_urls"`
	AllowedDomains       []string       `yaml:"allowed_domains"`
	AllowPrivateNetworks bool           `yaml:"allow_private_networks"`
	RespectRobotsTxt     bool           `yaml:"respect_robots_txt"`
	UserAgent            string         `yaml:"user_agent,omitempty"`
	MaxPages             int            `yaml:"max_pages"`
	Parallelism          int            `yaml:"parallelism"`
	Delay                string         `yaml:"delay"`
	Timeout              string         `yaml:"timeout"`
	MaxBodyBytes         int64          `yaml:"max_body_bytes,omitempty"`
	MaxRetries           int            `yaml:"max_retries"`
	Follow               []string       `yaml:"follow,omitempty"`
	NextPage             []string       `yaml:"next_page,omitempty"`
	Listing              *configListing `yaml:"listing,omitempty"`
	JSON                 *configJSON    `yaml:"json,omitempty"`
}

type configListing struct {
	URLPattern string            `yaml:"url_pattern,omitempty"`
	Item       string            `yaml:"item,omitempty"`
	Fields     map[string]string `yaml:"fields"`
}

type configJSON struct {
	Items    string            `yaml:"items"`
	NextPage string            `yaml:"next_page"`
	Fields   map[string]string `yaml:"fields"`
}

// ConfigYAML returns the demo targets as a configuration file in the YAML
// of DESIGN.md, ready to copy and adapt. The URLs are those of the running
// sites, so the file is valid only while they run.
func (d *Demo) ConfigYAML() []byte {
	cf := configFile{DataDir: "./data", Threshold: 0.5, Watchlists: []string{}}
	for _, t := range d.Targets() {
		ct := configTarget{
			Name: t.Name, Platform: t.Platform, Kind: t.Kind, Schedule: t.Schedule,
			StartURLs: t.StartURLs, AllowedDomains: append([]string{}, t.AllowedDomains...),
			AllowPrivateNetworks: t.AllowPrivateNetworks, RespectRobotsTxt: t.RespectRobotsTxt,
			UserAgent: t.UserAgent, MaxPages: t.MaxPages, Parallelism: t.Parallelism,
			Delay: t.Delay.String(), Timeout: t.Timeout.String(),
			MaxBodyBytes: t.MaxBodyBytes, MaxRetries: t.MaxRetries,
			Follow: t.Follow, NextPage: t.NextPage,
		}
		if t.Kind == "json" {
			ct.JSON = &configJSON{Items: t.JSON.Items, NextPage: t.JSON.NextPage, Fields: t.JSON.Fields}
		} else {
			ct.Listing = &configListing{URLPattern: t.Listing.URLPattern, Item: t.Listing.Item, Fields: t.Listing.Fields}
		}
		cf.Targets = append(cf.Targets, ct)
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# precwatch demo configuration (variant %d).\n", d.Variant())
	buf.WriteString("# The demo marketplaces listen on loopback ports chosen at start-up:\n")
	buf.WriteString("# these URLs work only while `precwatch demo` runs.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(cf); err != nil {
		// Encoding plain strings, numbers and maps cannot fail.
		fmt.Fprintf(&buf, "# error: %v\n", err)
	}
	enc.Close()
	return buf.Bytes()
}
