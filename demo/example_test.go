package demo_test

import (
	"context"
	"fmt"

	"github.com/precwatch/precwatch/demo"
)

func ExampleStart() {
	d, err := demo.Start(context.Background(), demo.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer d.Close()
	for _, s := range d.Sites() {
		fmt.Println(s.Name, s.Platform)
	}
	suspicious := 0
	for _, l := range demo.Labels() {
		if l.Suspicious {
			suspicious++
		}
	}
	fmt.Println(suspicious > 150, len(demo.Labels()) >= 300)
	// Output:
	// chemhub ChemHub
	// bazaar Bazaar Classifieds
	// tradeport Tradeport
	// true true
}
