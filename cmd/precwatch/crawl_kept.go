package main

import (
	"fmt"
	"io"

	"github.com/precwatch/precwatch/monitor"
)

// printKeptNotes says, under the summary table, that a complete run which
// found no listing at all kept the target's stored listings rather than
// removing them (the first such run in a row; see monitor.Summary.Kept),
// or that a second one in a row removed them. A line starts with the
// target name and a colon, so it never parses as a table row.
func printKeptNotes(w io.Writer, sums []*monitor.Summary) {
	for _, s := range sums {
		if s.Run == nil || !s.Run.Complete || s.Err != nil {
			continue
		}
		switch {
		case s.Kept > 0:
			fmt.Fprintf(w, "%s: complete but found no listings: the %s stored were KEPT, not marked removed "+
				"(a redesign that broke the selectors, a maintenance page or a login wall answering 200?); "+
				"if the catalogue really is empty, the next complete crawl that finds none removes them\n",
				s.Target, plural(s.Kept, "listing"))
		case s.Note != "":
			fmt.Fprintf(w, "%s: complete and found no listings again (the previous complete crawl found none either): %s marked removed\n",
				s.Target, plural(s.Removed, "listing"))
		}
	}
}
