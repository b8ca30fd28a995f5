package config_test

import (
	"fmt"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/config"
)

// A target created through the API starts from the defaults and is checked by
// the rules of the config file.
func ExampleValidateTarget() {
	t := config.DefaultTarget()
	t.Name = "Chem Hub"
	t.Platform = "ChemHub"
	t.StartURLs = []string{"https://www.chemhub.example/catalog"}
	t.Parallelism = 0
	t.Listing.Fields = map[string]string{"title": "h1", "url": "a.title@href"}
	err := config.ValidateTarget(&t)
	fmt.Println(err)
	fmt.Println(precwatch.ErrorCode(err), t.AllowedDomains)
	// Output:
	// name: "Chem Hub" must match [a-z0-9-]+
	// parallelism: 0 is outside [1, 64]
	// invalid [www.chemhub.example]
}
