package demo

import (
	"bytes"
	"net/url"
	"regexp"
	"slices"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// designConfig has exactly the keys of the YAML in DESIGN.md.
type designConfig struct {
	DataDir    string   `yaml:"data_dir"`
	Threshold  float64  `yaml:"threshold"`
	Watchlists []string `yaml:"watchlists"`
	Targets    []struct {
		Name                 string   `yaml:"name"`
		Platform             string   `yaml:"platform"`
		Kind                 string   `yaml:"kind"`
		Schedule             string   `yaml:"schedule"`
		StartURLs            []string `yaml:"start_urls"`
		AllowedDomains       []string `yaml:"allowed_domains"`
		AllowPrivateNetworks bool     `yaml:"allow_private_networks"`
		RespectRobotsTxt     bool     `yaml:"respect_robots_txt"`
		UserAgent            string   `yaml:"user_agent"`
		MaxPages             int      `yaml:"max_pages"`
		Parallelism          int      `yaml:"parallelism"`
		Delay                string   `yaml:"delay"`
		Timeout              string   `yaml:"timeout"`
		MaxBodyBytes         int64    `yaml:"max_body_bytes"`
		MaxRetries           int      `yaml:"max_retries"`
		Follow               []string `yaml:"follow"`
		NextPage             []string `yaml:"next_page"`
		Listing              struct {
			URLPattern string            `yaml:"url_pattern"`
			Item       string            `yaml:"item"`
			Fields     map[string]string `yaml:"fields"`
		} `yaml:"listing"`
		JSON struct {
			Items    string            `yaml:"items"`
			NextPage string            `yaml:"next_page"`
			Fields   map[string]string `yaml:"fields"`
		} `yaml:"json"`
	} `yaml:"targets"`
}

func TestConfigYAMLHasTheDesignKeys(t *testing.T) {
	d := MustStart(t, 0)
	data := d.ConfigYAML()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var cf designConfig
	if err := dec.Decode(&cf); err != nil {
		t.Fatalf("decode ConfigYAML: %v\n%s", err, data)
	}
	if cf.DataDir == "" || cf.Threshold != 0.5 {
		t.Errorf("data_dir %q threshold %v, want set and 0.5", cf.DataDir, cf.Threshold)
	}
	targets := d.Targets()
	if len(cf.Targets) != len(targets) || len(targets) != 3 {
		t.Fatalf("ConfigYAML has %d targets, Targets %d, want 3", len(cf.Targets), len(targets))
	}
	name := regexp.MustCompile(`^[a-z0-9-]+$`)
	for i, got := range cf.Targets {
		want := targets[i]
		if got.Name != want.Name || got.Platform != want.Platform || !name.MatchString(got.Name) {
			t.Errorf("target %d: name %q platform %q, want %q %q", i, got.Name, got.Platform, want.Name, want.Platform)
		}
		if !slices.Equal(got.StartURLs, want.StartURLs) {
			t.Errorf("%s: start_urls %v, want %v", got.Name, got.StartURLs, want.StartURLs)
		}
		for _, su := range got.StartURLs {
			u, err := url.Parse(su)
			if err != nil || u.Hostname() != "127.0.0.1" {
				t.Errorf("%s: start URL %q is not on loopback", got.Name, su)
			}
		}
		if !got.AllowPrivateNetworks || !got.RespectRobotsTxt || got.Schedule != "@every 6h" || got.Parallelism != 4 {
			t.Errorf("%s: allow_private_networks=%v respect_robots_txt=%v schedule=%q parallelism=%d",
				got.Name, got.AllowPrivateNetworks, got.RespectRobotsTxt, got.Schedule, got.Parallelism)
		}
		if dl, err := time.ParseDuration(got.Delay); err != nil || dl != 0 {
			t.Errorf("%s: delay %q, want 0s", got.Name, got.Delay)
		}
		if to, err := time.ParseDuration(got.Timeout); err != nil || to != want.Timeout {
			t.Errorf("%s: timeout %q, want %v", got.Name, got.Timeout, want.Timeout)
		}
		if got.Kind == "json" {
			if got.JSON.Items != "items" || got.JSON.NextPage != "next" || got.JSON.Fields["seller"] != "seller.name" {
				t.Errorf("%s: json spec %+v", got.Name, got.JSON)
			}
		} else if got.Listing.Fields["id"] != "@data-id" || got.Listing.Item == "" {
			t.Errorf("%s: listing spec %+v", got.Name, got.Listing)
		}
	}
}
